import { Inject, Injectable, Optional } from '@nestjs/common';
import { CHANNELS } from '@cxm/contracts';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { AggregatorRegistry, collectDefaultMetrics, Counter, Histogram, MetricObjectWithValues, MetricValue, Registry } from 'prom-client';

/** The ingest series of one thread, as prom-client's JSON. */
export type IngestSeries = MetricObjectWithValues<MetricValue<string>>[];

/** Other threads that accept mentions in this process (the all-in-one's front-door replicas, ADR 0031): their ingest series. */
export interface IngestMetricsPeers {
  collect(): Promise<IngestSeries[]>;
}

const INGEST_SERIES_PREFIX = 'cxm_ingest_';

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
  private peers: IngestMetricsPeers | undefined;

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

  /**
   * `/metrics`: this thread's registry, with the ingest series of its peers (if any) summed in —
   * counts and latency buckets add up across threads; the process metrics (CPU, memory, event
   * loop) are this thread's registry's alone, since every thread would report the same process.
   */
  async render(): Promise<string> {
    if (!this.peers) return this.registry.metrics();
    const [own, peers] = await Promise.all([this.ingestSeries(), this.peerSeries()]);
    const processMetrics = await Promise.all(
      (this.registry.getMetricsAsArray() as { name: string }[]).filter(({ name }) => !isIngestSeries(name)).map(({ name }) => this.registry.getSingleMetricAsString(name)),
    );
    // Only the ingest series go through the aggregator: its rules for process metrics (which omit the start time) are for several processes.
    const ingest = await AggregatorRegistry.aggregate([own, ...peers] as never).metrics();
    return `${processMetrics.join('\n')}\n\n${ingest}`;
  }

  /** What a peer thread contributes to the `/metrics` of the thread that renders it. */
  async ingestSeries(): Promise<IngestSeries> {
    return ((await this.registry.getMetricsAsJSON()) as IngestSeries).filter((metric) => isIngestSeries(metric.name));
  }

  /** The peers' ingest series, one list per peer (none without peers). */
  peerSeries(): Promise<IngestSeries[]> {
    return this.peers ? this.peers.collect() : Promise.resolve([]);
  }

  /** From now on `render` sums these threads' ingest series into this one's. */
  addPeers(peers: IngestMetricsPeers): void {
    this.peers = peers;
  }

  private tenantLabel(tenant: unknown): string {
    if (typeof tenant !== 'string') return UNKNOWN;
    return !this.tenants || this.tenants.has(tenant) ? tenant : UNKNOWN;
  }
}

function isIngestSeries(name: string): boolean {
  return name.startsWith(INGEST_SERIES_PREFIX);
}

function channelLabel(channel: unknown): string {
  return typeof channel === 'string' && KNOWN_CHANNELS.has(channel) ? channel : UNKNOWN;
}
