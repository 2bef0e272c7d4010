import { Inject, Injectable, Optional } from '@nestjs/common';
import { CHANNELS } from '@cxm/contracts';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export type MentionOutcome = 'accepted' | 'duplicate' | 'edited' | 'rejected';

const UNKNOWN = 'unknown';
const KNOWN_CHANNELS = new Set<string>(CHANNELS);

/**
 * Ingest's Prometheus metrics, in a registry of its own (tests build several apps in one process).
 * Label values come from requests, so they are clamped to what is configured — configured tenants,
 * known channels, else `unknown` — or a client could grow the series without bound.
 */
@Injectable()
export class IngestMetrics {
  readonly registry = new Registry();
  private readonly tenants: Set<string> | undefined;
  private readonly mentions: Counter<'tenant' | 'channel' | 'outcome'>;
  private readonly rejections: Counter<'tenant' | 'channel' | 'status'>;
  private readonly latency: Histogram<'route' | 'status'>;

  constructor(@Optional() @Inject(PLATFORM_CONFIG) config?: PlatformConfig) {
    this.tenants = config ? new Set(config.tenants) : undefined;
    collectDefaultMetrics({ register: this.registry, prefix: 'cxm_' });
    this.mentions = new Counter({
      name: 'cxm_ingest_mentions_total',
      help: 'Mentions ingested, by tenant, channel and outcome (accepted, duplicate, edited, rejected)',
      labelNames: ['tenant', 'channel', 'outcome'],
      registers: [this.registry],
    });
    this.rejections = new Counter({
      name: 'cxm_ingest_rejections_total',
      help: 'Ingest requests answered with an error (400, 413, 429, 503…), by tenant, channel and status',
      labelNames: ['tenant', 'channel', 'status'],
      registers: [this.registry],
    });
    this.latency = new Histogram({
      name: 'cxm_ingest_request_duration_seconds',
      help: 'Time from the request reaching the ingest route to its answer, by route and status',
      labelNames: ['route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
  }

  countMention(tenant: unknown, channel: unknown, outcome: MentionOutcome, count = 1): void {
    this.mentions.inc({ tenant: this.tenantLabel(tenant), channel: channelLabel(channel), outcome }, count);
  }

  /** An ingest request refused as a whole (or one batch item refused): counted as rejected mentions too. */
  countRejection(tenant: unknown, channel: unknown, status: number): void {
    const labels = { tenant: this.tenantLabel(tenant), channel: channelLabel(channel) };
    this.rejections.inc({ ...labels, status: String(status) });
    this.mentions.inc({ ...labels, outcome: 'rejected' });
  }

  observeLatency(route: string, status: number, seconds: number): void {
    this.latency.observe({ route, status: String(status) }, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  private tenantLabel(tenant: unknown): string {
    if (typeof tenant !== 'string') return UNKNOWN;
    return !this.tenants || this.tenants.has(tenant) ? tenant : UNKNOWN;
  }
}

function channelLabel(channel: unknown): string {
  return typeof channel === 'string' && KNOWN_CHANNELS.has(channel) ? channel : UNKNOWN;
}
