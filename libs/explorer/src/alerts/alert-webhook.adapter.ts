import { createHmac } from 'node:crypto';
import { AlertWebhook, WebhookOutcome } from './alert-webhook.port';
import { AlertRecord } from './monitor';

export interface AlertWebhookSettings {
  timeoutMs: number;
  /** When set, each body is signed: `X-CXM-Signature: sha256=<hex HMAC of the body>`. */
  secret?: string;
}

/** HTTP statuses after which the same request may well succeed later. */
const RETRYABLE = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * POSTs an alert as JSON. The alert id is the `Idempotency-Key`: a receiver that got it already
 * (we retry after timeouts, and a redelivered event may call again) can drop the repeat.
 */
export class HttpAlertWebhook implements AlertWebhook {
  constructor(private readonly settings: AlertWebhookSettings) {}

  async send(url: string, alert: AlertRecord): Promise<WebhookOutcome> {
    const { webhook, ...fired } = alert;
    void webhook;
    const body = JSON.stringify({ type: 'alert.fired', tenantId: alert.tenantId, alert: fired });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': alert.id, 'x-cxm-event': 'alert.fired' };
    if (this.settings.secret) headers['x-cxm-signature'] = `sha256=${createHmac('sha256', this.settings.secret).update(body).digest('hex')}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.settings.timeoutMs) });
    } catch (error) {
      return { kind: 'retryable', error: `webhook unreachable: ${(error as Error).message}` };
    }
    await response.body?.cancel();
    if (response.ok) return { kind: 'delivered', statusCode: response.status };
    const error = `webhook answered ${response.status}`;
    return RETRYABLE(response.status) ? { kind: 'retryable', statusCode: response.status, error } : { kind: 'rejected', statusCode: response.status, error };
  }
}
