import { Module, OnModuleInit } from '@nestjs/common';
import { ProblemObservers } from '@cxm/platform-http';
import type { Request } from 'express';
import { AcceptMentionBatch } from './accept-batch/accept-mention-batch.usecase';
import { AcceptMention } from './accept-mention/accept-mention.usecase';
import { MentionsController } from './mentions.controller';
import { IngestMetrics } from './metrics/ingest-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { IngestProtectionInterceptor } from './protection/ingest-protection.interceptor';
import { PublishGate } from './protection/publish-gate';

/** Routes whose error answers count as rejected mentions. */
const INGEST_ROUTES = /^\/v1\/(mentions|webhooks)(\/|\?|$)/;

/**
 * Listen: the public door through which mentions enter the platform, its protections (rate
 * limit, backpressure) and its metrics (`GET /metrics`).
 */
@Module({
  controllers: [MentionsController, MetricsController],
  providers: [AcceptMention, AcceptMentionBatch, IngestMetrics, PublishGate, IngestProtectionInterceptor],
  exports: [AcceptMention, IngestMetrics, PublishGate, IngestProtectionInterceptor],
})
export class IngestModule implements OnModuleInit {
  constructor(
    private readonly observers: ProblemObservers,
    private readonly metrics: IngestMetrics,
  ) {}

  /** Counts every refused ingest request — including 413 and malformed JSON, raised before any controller. */
  onModuleInit(): void {
    this.observers.add((request: Request, problem) => {
      // A 5xx other than 503 is our failure, not a refused mention.
      const serverFault = problem.status >= 500 && problem.status !== 503;
      if (request.method !== 'POST' || !INGEST_ROUTES.test(request.originalUrl) || serverFault) return;
      const params = (request.params ?? {}) as Record<string, string>;
      const body = (typeof request.body === 'object' && request.body) || {};
      this.metrics.countRejection(params.tenantId ?? body.tenantId, params.channel ?? body.channel, problem.status);
    });
  }
}
