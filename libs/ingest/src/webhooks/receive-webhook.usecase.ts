import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { CanonicalMention, certainlyValid } from '@cxm/contracts';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { fieldProblems, LOGGER, notFoundProblem, ProblemException, validationProblem } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AcceptMention, AcceptMentionResult } from '../accept-mention/accept-mention.usecase';
import { ChannelSettingsRepository } from '../channel-settings/channel-settings.repository';
import {
  ChannelSettings,
  DEFAULT_WEBHOOK_BODY_BYTES,
  HandshakeAnswer,
  InboundDelivery,
  MappedMention,
  NativePayloadError,
  WebhookAuthenticationError,
  WebhookConnector,
} from '../connectors/channel-connector';
import { ConnectorRegistry } from '../connectors/connector-registry';

export interface WebhookCall {
  tenantId: string;
  channel: string;
  delivery: InboundDelivery;
}

export interface WebhookReceipt {
  /** Mentions accepted for the first time by this delivery. */
  accepted: number;
  /** Mentions this delivery repeated (a redelivery, or an item seen before). */
  duplicates: number;
  mentions: { id: string; channel: string; externalId: string; duplicate: boolean }[];
}

/**
 * A platform's call on `/v1/webhooks/{tenantId}/{channel}`: find the channel's connector and the
 * tenant's settings, let the connector prove the call is the platform's, map the native payload,
 * and accept every mention it yields (with the native payload, for audit). Nothing is accepted
 * unless the whole delivery authenticated and mapped.
 */
@Injectable()
export class ReceiveWebhook {
  constructor(
    private readonly registry: ConnectorRegistry,
    private readonly settings: ChannelSettingsRepository,
    private readonly acceptMention: AcceptMention,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The verification handshake (`GET`): Meta's hub.challenge, X's CRC. */
  async handshake(call: WebhookCall): Promise<HandshakeAnswer> {
    const { connector, settings } = await this.resolve(call);
    if (!connector.handshake) {
      throw new ProblemException({ type: '/problems/method-not-allowed', title: 'Method not allowed', status: HttpStatus.METHOD_NOT_ALLOWED, detail: `channel ${call.channel} has no verification handshake` });
    }
    const handshake = connector.handshake.bind(connector);
    return this.guarded(call, () => handshake(call.delivery, settings));
  }

  async receive(call: WebhookCall): Promise<WebhookReceipt> {
    const { connector, settings } = await this.resolve(call);
    this.checkSize(connector, call.delivery);
    const mapped = await this.guarded(call, async () => {
      connector.authenticate(call.delivery, settings);
      return connector.map(call.delivery, settings);
    });
    const mentions = mapped.map((item, index) => ({ mention: this.canonical(call.tenantId, item, index), native: item.native }));
    const results = await this.acceptAll(mentions);
    const receipt: WebhookReceipt = { accepted: 0, duplicates: 0, mentions: [] };
    results.forEach((result, index) => {
      const { mention } = mentions[index];
      receipt[result.duplicate ? 'duplicates' : 'accepted'] += 1;
      receipt.mentions.push({ id: result.id, channel: mention.channel, externalId: mention.externalId, duplicate: result.duplicate });
    });
    this.logger.info({ tenantId: call.tenantId, channel: call.channel, accepted: receipt.accepted, duplicates: receipt.duplicates }, 'webhook received');
    return receipt;
  }

  /**
   * Accepts a delivery's mentions side by side (a page of 25 Reddit comments waited for 25 fsynced
   * publishes one after the other), except that a reply to a mention of the same delivery starts
   * once its parent is accepted, so it is threaded to the parent's conversation and published after
   * it. Answers once every mention is settled; if any failed, the first failure is the answer (the
   * platform redelivers, and what was stored is then a duplicate).
   */
  private async acceptAll(mentions: { mention: CanonicalMention; native: unknown }[]): Promise<AcceptMentionResult[]> {
    const byExternalId = new Map<string, Promise<AcceptMentionResult>>();
    const running = mentions.map(({ mention, native }) => {
      const accept = () => this.acceptMention.execute(mention, { native });
      const parent = mention.inReplyTo === undefined ? undefined : byExternalId.get(mention.inReplyTo);
      const result = parent ? parent.then(accept, accept) : accept();
      if (!byExternalId.has(mention.externalId)) byExternalId.set(mention.externalId, result);
      return result;
    });
    const settled = await Promise.allSettled(running);
    const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((outcome) => (outcome as PromiseFulfilledResult<AcceptMentionResult>).value);
  }

  private async resolve(call: WebhookCall): Promise<{ connector: WebhookConnector; settings: ChannelSettings }> {
    if (!this.config.tenants.includes(call.tenantId)) throw notFoundProblem(`no tenant ${call.tenantId}`);
    const connector = this.registry.webhook(call.channel);
    const settings = await this.settings.read(call.tenantId, call.channel);
    if (!settings) throw notFoundProblem(`channel ${call.channel} is not set up for tenant ${call.tenantId} (PUT /v1/tenants/${call.tenantId}/channels/${call.channel})`);
    return { connector, settings };
  }

  private checkSize(connector: WebhookConnector, delivery: InboundDelivery): void {
    const limit = connector.maxBodyBytes ?? DEFAULT_WEBHOOK_BODY_BYTES;
    if (delivery.rawBody.length <= limit) return;
    throw new ProblemException({ type: '/problems/payload-too-large', title: 'Payload too large', status: HttpStatus.PAYLOAD_TOO_LARGE, detail: `channel ${connector.channel} accepts bodies of up to ${limit} bytes` });
  }

  /** Runs the connector, turning its two kinds of refusal into problem answers (and logging a failed authentication). */
  private async guarded<T>(call: WebhookCall, run: () => T | Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WebhookAuthenticationError) {
        // Who and which channel, and why — never the secret or the presented signature.
        this.logger.warn({ tenantId: call.tenantId, channel: call.channel, method: call.delivery.method, reason: error.message }, 'webhook refused: authentication failed');
        const status = error.kind === 'missing' ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
        throw new ProblemException({ type: '/problems/webhook-authentication', title: status === HttpStatus.UNAUTHORIZED ? 'Unauthorized' : 'Forbidden', status, detail: error.message });
      }
      if (error instanceof NativePayloadError) {
        this.logger.info({ tenantId: call.tenantId, channel: call.channel, field: error.field, reason: error.message }, 'webhook refused: payload does not map');
        throw validationProblem([{ field: error.field ?? 'body', message: error.message }], `The ${call.channel} payload could not be mapped to mentions.`);
      }
      throw error;
    }
  }

  /** The mapped mention under the route's tenant, validated like any other: a connector's slip is a 400 naming the field, not a dead letter. */
  private canonical(tenantId: string, item: MappedMention, index: number): CanonicalMention {
    const mention: CanonicalMention = { ...item.mention, tenantId };
    // The compiled check decides a valid mention on the object itself (ADR 0022); anything else gets class-validator's own answer.
    if (certainlyValid(CanonicalMention, mention)) return mention;
    const errors = validateSync(plainToInstance(CanonicalMention, mention), { forbidUnknownValues: true });
    if (errors.length) throw validationProblem(fieldProblems(errors, `mentions[${index}]`), `mention ${index} (${mention.channel} ${mention.externalId}) is not valid once mapped.`);
    return mention;
  }
}
