import { Inject, Injectable } from '@nestjs/common';
import { AlertFiredPayload, EventEnvelope } from '@cxm/contracts';
import { PermanentFailure } from '@cxm/platform-bus';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { backOff } from 'exponential-backoff';
import { ALERT_WEBHOOK, AlertWebhook, WebhookOutcome } from './alert-webhook.port';
import { ALERTS, AlertRecord, DeliveryState, Monitor, MONITORS } from './monitor';

class RetryableWebhook extends Error {}

/**
 * Calls the webhook of a fired alert — the monitor's own, else the tenant's, else the `*`
 * fallback — with retries and backoff, and records the outcome on the alert. An alert already
 * settled is not sent again, so a redelivered `alerts.fired` changes nothing.
 */
@Injectable()
export class DeliverAlertWebhook {
  private readonly alerts: DocumentCollection<AlertRecord>;
  private readonly monitors: DocumentCollection<Monitor>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(ALERT_WEBHOOK) private readonly webhook: AlertWebhook,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {
    this.alerts = store.collection<AlertRecord>(ALERTS);
    this.monitors = store.collection<Monitor>(MONITORS);
  }

  async execute(event: EventEnvelope<AlertFiredPayload>): Promise<void> {
    const { alert } = event.payload;
    const stored = await this.alerts.get(event.tenantId, alert.id);
    // The evaluator records an alert before publishing it: an unknown one cannot become known by retrying.
    if (!stored) throw new PermanentFailure(`alert ${alert.id} was never recorded`);
    if (stored.doc.webhook.status !== 'pending') return;
    const url = await this.webhookUrl(event.tenantId, alert.monitorId);
    const settled: DeliveryState = url
      ? await this.sendWithRetries(url, stored.doc)
      : { status: 'skipped', attempts: 0, error: 'no webhook is configured for this monitor or tenant', completedAt: new Date().toISOString() };
    await this.alerts.replace({ ...stored.doc, webhook: settled }, stored.version);
  }

  private async webhookUrl(tenantId: string, monitorId: string): Promise<string | undefined> {
    const monitor = await this.monitors.get(tenantId, monitorId);
    const { webhooks } = this.config.explorer.alerts;
    return monitor?.doc.webhookUrl ?? webhooks[tenantId] ?? webhooks['*'];
  }

  private async sendWithRetries(url: string, alert: AlertRecord): Promise<DeliveryState> {
    let attempts = 0;
    let last: WebhookOutcome = { kind: 'retryable', error: 'not attempted' };
    try {
      await backOff(
        async () => {
          attempts += 1;
          last = await this.webhook.send(url, alert);
          if (last.kind === 'retryable') throw new RetryableWebhook(last.error);
        },
        { numOfAttempts: this.config.explorer.alerts.deliveryAttempts, startingDelay: 200, maxDelay: 5_000, jitter: 'full' },
      );
    } catch {
      // `last` holds the final retryable outcome: recorded as failed below.
    }
    const outcome = last as WebhookOutcome;
    const completedAt = new Date().toISOString();
    if (outcome.kind === 'delivered') return { status: 'delivered', attempts, statusCode: outcome.statusCode, completedAt };
    return { status: 'failed', attempts, statusCode: outcome.statusCode, error: outcome.error, completedAt };
  }
}
