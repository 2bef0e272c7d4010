import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { ProblemObservers } from '@cxm/platform-http';
import type { FastifyRequest } from 'fastify';
import { AcceptMentionBatch } from './accept-batch/accept-mention-batch.usecase';
import { AcceptMention, MentionAcceptance } from './accept-mention/accept-mention.usecase';
import { ChannelSettingsController } from './channel-settings/channel-settings.controller';
import { ChannelSettingsRepository } from './channel-settings/channel-settings.repository';
import { DescribeChannelSettings } from './channel-settings/describe-channel-settings.usecase';
import { PutChannelSettings } from './channel-settings/put-channel-settings.usecase';
import { CONNECTOR_REGISTRY_PROVIDER, ConnectorRegistry } from './connectors/connector-registry';
import { FEED_POLLER_PROVIDERS } from './feeds/feed-poller.providers';
import { CHANNEL_SETTINGS_SOURCE } from './feeds/feed-subscriptions.port';
import { MentionsController } from './mentions.controller';
import { IngestMetrics } from './metrics/ingest-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { IngestProtectionGuard } from './protection/ingest-protection.guard';
import { PublishGate, SHARED_IN_FLIGHT } from './protection/publish-gate';
import { ReceiveWebhook } from './webhooks/receive-webhook.usecase';
import { WebhooksController } from './webhooks/webhooks.controller';

/** Routes whose error answers count as rejected mentions. */
const INGEST_ROUTES = /^\/v1\/(mentions|webhooks)(\/|\?|$)/;

/**
 * Listen: the public door through which mentions enter the platform — canonical mentions, platform
 * webhooks, polled feeds — its protections (rate limit, backpressure) and its metrics (`GET /metrics`).
 */
@Module({
  controllers: [MentionsController, ChannelSettingsController, WebhooksController, MetricsController],
  providers: [
    AcceptMention,
    AcceptMentionBatch,
    IngestMetrics,
    PublishGate,
    IngestProtectionGuard,
    CONNECTOR_REGISTRY_PROVIDER,
    ChannelSettingsRepository,
    PutChannelSettings,
    DescribeChannelSettings,
    ReceiveWebhook,
    // The feed poller reads the rss channel's settings through its own small port.
    { provide: CHANNEL_SETTINGS_SOURCE, useExisting: ChannelSettingsRepository },
    ...FEED_POLLER_PROVIDERS,
  ],
  exports: [AcceptMention, IngestMetrics, PublishGate, IngestProtectionGuard, ChannelSettingsRepository, ConnectorRegistry],
})
export class IngestModule implements OnModuleInit {
  /**
   * The same routes, with their mentions accepted by `acceptance` instead of this module's own
   * AcceptMention: an all-in-one front-door replica hands them to the main thread's (ADR 0032).
   * `inFlight`: the accepting thread's publish gate count (PublishGate.shareWithThreads), so this
   * module's guard refuses with 503 when that gate is full, before validating the request.
   */
  static acceptingThrough(acceptance: MentionAcceptance, inFlight: SharedArrayBuffer): DynamicModule {
    return {
      module: IngestModule,
      providers: [
        { provide: AcceptMention, useValue: acceptance },
        { provide: SHARED_IN_FLIGHT, useValue: inFlight },
      ],
    };
  }

  constructor(
    private readonly observers: ProblemObservers,
    private readonly metrics: IngestMetrics,
  ) {}

  /** Counts every refused ingest request — including 413 and malformed JSON, raised before any controller. */
  onModuleInit(): void {
    this.observers.add((request: FastifyRequest, problem) => {
      // A 5xx other than 503 is our failure, not a refused mention.
      const serverFault = problem.status >= 500 && problem.status !== 503;
      if (request.method !== 'POST' || !INGEST_ROUTES.test(request.routeOptions.url ?? request.originalUrl) || serverFault) return;
      const params = (request.params ?? {}) as Record<string, string>;
      const body = (typeof request.body === 'object' && request.body && !Buffer.isBuffer(request.body) ? request.body : {}) as Record<string, string>;
      this.metrics.countRejection(params.tenantId ?? body.tenantId, params.channel ?? body.channel, problem.status);
    });
  }
}
