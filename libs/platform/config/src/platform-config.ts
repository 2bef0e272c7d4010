import { defaultDataDirectory } from '@cxm/platform-embedded';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { ConfigReader } from './config-reader';

export type BusDriver = 'embedded' | 'kafka';
export type StoreDriver = 'embedded' | 'mongodb';
export type IndexDriver = 'embedded' | 'elasticsearch';

export interface PlatformConfig {
  port: number;
  /** Address the HTTP server binds to. */
  host: string;
  /**
   * The all-in-one's threads that take connections on PORT (ADR 0031); 1: the main thread alone.
   * `byDefault`: CXM_FRONT_DOOR_THREADS was not set, so falling back to one thread needs no notice.
   */
  frontDoorThreads: { wanted: number; byDefault: boolean };
  logLevel: string;
  dataDir: string;
  tenants: string[];
  /** The admin token (all tenants). Secret. */
  adminToken: string;
  adminTokenGenerated: boolean;
  /** Tokens scoped to one tenant: token → tenantId. Secret. */
  apiTokens: Record<string, string>;
  bus: {
    driver: BusDriver;
    partitions: number;
    retry: { maxAttempts: number; initialDelayMs: number; maxDelayMs: number };
    kafka?: { brokers: string[]; namespace: string; replicationFactor: number; clientId: string };
  };
  store: { driver: StoreDriver; mongodbUrl?: string };
  index: { driver: IndexDriver; elasticsearch?: { url: string; namespace: string; refreshInterval: string } };
  ingest: IngestConfig;
  classifier: {
    /** Mentions per second a reprocessing job re-publishes, so live traffic is not starved. */
    reprocessRate: number;
  };
  responder: {
    autoAcknowledge: { enabled: boolean; intents: string[]; text: string };
    /** channel → webhook URL standing in for the platform's reply API; `*` is the fallback. */
    outboundWebhooks: Record<string, string>;
    deliveryAttempts: number;
    deliveryTimeoutMs: number;
  };
  /** The RSS / Atom poller of the ingest service (docs/channels/rss.md). */
  feeds: {
    enabled: boolean;
    /** Why polling is off, for the start-up log, when not CXM_FEEDS_ENABLED (an all-in-one front-door replica). */
    offBecause?: string;
    tickMs: number;
    concurrency: number;
    fetchTimeoutMs: number;
    fetchAttempts: number;
    maxBytes: number;
    /** Let feed URLs reach loopback / private / link-local addresses (off: tenants set feed URLs). */
    allowPrivateAddresses: boolean;
    defaultIntervalSeconds: number;
    rememberedItems: number;
  };
  explorer: {
    alerts: {
      /** Whether this replica runs the monitor evaluator (every replica may: firing is idempotent). */
      evaluatorEnabled: boolean;
      evaluateIntervalMs: number;
      /** tenant → webhook URL for alerts of monitors without their own; `*` is the fallback. May hold secrets. */
      webhooks: Record<string, string>;
      /** Signs each alert webhook body (HMAC-SHA256) when set. Secret. */
      webhookSecret?: string;
      deliveryAttempts: number;
      deliveryTimeoutMs: number;
    };
    /** Mentions fetched from the index per page while an export streams. */
    exportPageSize: number;
  };
}

/** Ingest's protections and exactly-once settings (docs/configuration.md, "Ingest"). */
export interface IngestConfig {
  /** How long after a mention was last accepted a repeat of its natural key is a duplicate (ms). */
  dedupWindowMs: number;
  /** Natural keys kept in the in-memory recent-key cache in front of the durable store. */
  dedupCacheSize: number;
  /** Largest native payload kept for audit, in bytes of JSON; longer ones are cut and marked truncated. */
  nativeMaxBytes: number;
  /** Per-tenant token bucket: mentions per second refilled, and the bucket's size. 0 = no limit. */
  rateLimit: { perSecond: number; burst: number };
  /** Mentions being published at once, beyond which ingest answers 503 instead of queueing. */
  maxInFlight: number;
  /** Mentions accepted in one `POST /v1/mentions/batch`. */
  maxBatchItems: number;
}

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

/**
 * Two front-door threads where there are two cores: on the 2-core machine they accept about 1.5×
 * one thread at full speed, with a p99 at 1,000 mentions/s in the same spread as one thread's (ADR 0032,
 * docs/performance.md). On one core a replica would only contend with the main thread. More than
 * two are not measured to help (three on two cores did worse), so they stay an explicit choice.
 */
function defaultFrontDoorThreads(cores: number): number {
  return Math.min(2, Math.max(1, cores));
}
const DEFAULT_ACK_TEXT = "Thanks for reaching out — we're sorry about this and a member of our care team is looking into it now.";

/**
 * Builds the configuration once, at start; a bad variable stops the process with its name.
 * `cores`: what the front door's default thread count is judged by (the machine's, unless a test says).
 */
export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): PlatformConfig {
  const read = new ConfigReader(env);
  const tenants = read.list('CXM_TENANTS', ['demo']);
  const adminTokenValue = read.optionalString('CXM_ADMIN_TOKEN');
  if (adminTokenValue !== undefined && adminTokenValue.length < 16) read.fail('CXM_ADMIN_TOKEN must be at least 16 characters');
  const scoped = read.map('CXM_API_TOKENS', { secret: true });
  const apiTokens: Record<string, string> = {};
  for (const [tenantId, token] of Object.entries(scoped)) {
    if (!tenants.includes(tenantId)) read.fail(`CXM_API_TOKENS names tenant "${tenantId}", which is not in CXM_TENANTS`);
    if (token.length < 16) read.fail(`CXM_API_TOKENS: the token of tenant "${tenantId}" must be at least 16 characters`);
    apiTokens[token] = tenantId;
  }
  const outboundWebhooks = read.map('CXM_OUTBOUND_WEBHOOKS');
  for (const [channel, url] of Object.entries(outboundWebhooks)) read.url(`CXM_OUTBOUND_WEBHOOKS[${channel}]`, url);
  const alertWebhooks = read.map('CXM_ALERT_WEBHOOKS', { secret: true });
  for (const [tenantId, url] of Object.entries(alertWebhooks)) {
    if (tenantId !== '*' && !tenants.includes(tenantId)) read.fail(`CXM_ALERT_WEBHOOKS names tenant "${tenantId}", which is not in CXM_TENANTS`);
    read.url(`CXM_ALERT_WEBHOOKS[${tenantId}]`, url, { secret: true });
  }
  const config: PlatformConfig = {
    port: read.integer('PORT', 3000, { min: 0, max: 65535 }),
    host: read.string('CXM_HOST', '127.0.0.1'),
    frontDoorThreads: {
      wanted: read.integer('CXM_FRONT_DOOR_THREADS', defaultFrontDoorThreads(cores), { min: 1, max: 16 }),
      byDefault: read.optionalString('CXM_FRONT_DOOR_THREADS') === undefined,
    },
    logLevel: read.string('CXM_LOG_LEVEL', 'info'),
    dataDir: read.string('CXM_DATA_DIR', defaultDataDirectory(env)),
    tenants,
    adminToken: adminTokenValue ?? randomBytes(24).toString('base64url'),
    adminTokenGenerated: adminTokenValue === undefined,
    apiTokens,
    bus: {
      driver: read.oneOf('CXM_BUS', ['embedded', 'kafka'] as const, 'embedded'),
      partitions: read.integer('CXM_BUS_PARTITIONS', 4, { min: 1, max: 256 }),
      retry: {
        maxAttempts: read.integer('CXM_RETRY_MAX_ATTEMPTS', 5, { min: 1, max: 100 }),
        initialDelayMs: read.integer('CXM_RETRY_INITIAL_DELAY_MS', 200, { min: 1, max: 60_000 }),
        maxDelayMs: read.integer('CXM_RETRY_MAX_DELAY_MS', 10_000, { min: 1, max: 600_000 }),
      },
    },
    store: { driver: read.oneOf('CXM_STORE', ['embedded', 'mongodb'] as const, 'embedded') },
    index: { driver: read.oneOf('CXM_INDEX', ['embedded', 'elasticsearch'] as const, 'embedded') },
    ingest: {
      dedupWindowMs: read.duration('CXM_INGEST_DEDUP_WINDOW', '30d', { minMs: 1_000, maxMs: 3_650 * 86_400_000 }),
      dedupCacheSize: read.integer('CXM_INGEST_DEDUP_CACHE_SIZE', 100_000, { min: 0, max: 10_000_000 }),
      nativeMaxBytes: read.integer('CXM_INGEST_NATIVE_MAX_BYTES', 65_536, { min: 1_024, max: 16_777_216 }),
      rateLimit: {
        perSecond: read.integer('CXM_INGEST_RATE_LIMIT', 20_000, { min: 0, max: 10_000_000 }),
        burst: read.integer('CXM_INGEST_RATE_BURST', 40_000, { min: 1, max: 10_000_000 }),
      },
      maxInFlight: read.integer('CXM_INGEST_MAX_IN_FLIGHT', 4_096, { min: 1, max: 1_000_000 }),
      maxBatchItems: read.integer('CXM_INGEST_BATCH_MAX_ITEMS', 1_000, { min: 1, max: 10_000 }),
    },
    classifier: {
      reprocessRate: read.integer('CXM_REPROCESS_RATE', 200, { min: 1, max: 100_000 }),
    },
    responder: {
      autoAcknowledge: {
        enabled: read.boolean('CXM_AUTO_ACK_ENABLED', true),
        intents: read.list('CXM_AUTO_ACK_INTENTS', ['complaint']),
        text: read.string('CXM_AUTO_ACK_TEXT', DEFAULT_ACK_TEXT),
      },
      outboundWebhooks,
      deliveryAttempts: read.integer('CXM_DELIVERY_ATTEMPTS', 5, { min: 1, max: 50 }),
      deliveryTimeoutMs: read.integer('CXM_DELIVERY_TIMEOUT_MS', 5_000, { min: 100, max: 120_000 }),
    },
    feeds: {
      enabled: read.boolean('CXM_FEEDS_ENABLED', true),
      tickMs: read.integer('CXM_FEED_TICK_MS', 5_000, { min: 100, max: 600_000 }),
      concurrency: read.integer('CXM_FEED_CONCURRENCY', 4, { min: 1, max: 64 }),
      fetchTimeoutMs: read.integer('CXM_FEED_FETCH_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
      fetchAttempts: read.integer('CXM_FEED_FETCH_ATTEMPTS', 3, { min: 1, max: 10 }),
      maxBytes: read.integer('CXM_FEED_MAX_BYTES', 5 * 1024 * 1024, { min: 1024, max: 100 * 1024 * 1024 }),
      allowPrivateAddresses: read.boolean('CXM_FEED_ALLOW_PRIVATE_ADDRESSES', false),
      defaultIntervalSeconds: read.integer('CXM_FEED_DEFAULT_INTERVAL_SECONDS', 900, { min: 60, max: 86_400 }),
      rememberedItems: read.integer('CXM_FEED_REMEMBERED_ITEMS', 500, { min: 10, max: 10_000 }),
    },
    explorer: {
      alerts: {
        evaluatorEnabled: read.boolean('CXM_ALERT_EVALUATOR_ENABLED', true),
        evaluateIntervalMs: read.integer('CXM_ALERT_EVALUATE_INTERVAL_MS', 15_000, { min: 100, max: 3_600_000 }),
        webhooks: alertWebhooks,
        webhookSecret: read.optionalString('CXM_ALERT_WEBHOOK_SECRET'),
        deliveryAttempts: read.integer('CXM_ALERT_DELIVERY_ATTEMPTS', 5, { min: 1, max: 50 }),
        deliveryTimeoutMs: read.integer('CXM_ALERT_DELIVERY_TIMEOUT_MS', 5_000, { min: 100, max: 120_000 }),
      },
      exportPageSize: read.integer('CXM_EXPORT_PAGE_SIZE', 500, { min: 10, max: 5_000 }),
    },
  };
  readDriverSettings(read, config);
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    read.fail(`CXM_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${config.logLevel}")`);
  }
  read.done();
  return config;
}

/** Settings a driver needs are required only when that driver is chosen. */
function readDriverSettings(read: ConfigReader, config: PlatformConfig): void {
  if (config.bus.driver === 'kafka') {
    config.bus.kafka = {
      brokers: read.list('CXM_KAFKA_BROKERS', []),
      namespace: read.string('CXM_KAFKA_NAMESPACE', 'cxm.'),
      replicationFactor: read.integer('CXM_KAFKA_REPLICATION_FACTOR', 1, { min: 1, max: 10 }),
      clientId: read.string('CXM_KAFKA_CLIENT_ID', 'cxm'),
    };
    if (config.bus.kafka.brokers.length === 0) read.fail('CXM_KAFKA_BROKERS is required when CXM_BUS=kafka (host:port,host:port)');
  }
  if (config.store.driver === 'mongodb') {
    config.store.mongodbUrl = read.string('CXM_MONGODB_URL');
    if (config.store.mongodbUrl && !/^mongodb(\+srv)?:\/\//.test(config.store.mongodbUrl)) read.fail('CXM_MONGODB_URL must start with mongodb:// or mongodb+srv://');
  }
  if (config.index.driver === 'elasticsearch') {
    const url = read.string('CXM_ELASTICSEARCH_URL');
    read.url('CXM_ELASTICSEARCH_URL', url || undefined);
    config.index.elasticsearch = {
      url,
      namespace: read.string('CXM_ELASTICSEARCH_NAMESPACE', 'cxm-'),
      refreshInterval: read.string('CXM_ELASTICSEARCH_REFRESH_INTERVAL', '1s'),
    };
  }
}
