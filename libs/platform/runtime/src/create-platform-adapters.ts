import { EmbeddedEventBus, EventBus, KafkaEventBus } from '@cxm/platform-bus';
import { PlatformConfig } from '@cxm/platform-config';
import { ForegroundActivity, lockDataDirectory } from '@cxm/platform-embedded';
import { ReadinessCheck } from '@cxm/platform-http';
import { AbsentMentionIndex, ElasticsearchMentionIndex, EmbeddedMentionIndex, MentionIndex } from '@cxm/platform-index';
import { Logger } from '@cxm/platform-logging';
import { CollectionsOwnedByThread, DocumentStore, EmbeddedDocumentStore, MongoDocumentStore } from '@cxm/platform-store';

export interface PlatformAdapters {
  bus: EventBus;
  store: DocumentStore;
  index: MentionIndex;
  readiness: ReadinessCheck[];
  /** Requests in progress, counted by the HTTP server; the embedded bus's consumers give way to them (ADR 0025). */
  foreground: ForegroundActivity;
  /**
   * More work a shutdown waits for before this thread's HTTP server and bus stop, one after the
   * other: the all-in-one's front-door replicas, which publish through this thread's bus and hand
   * some routes to its server (ADR 0031).
   */
  drains: (() => Promise<void>)[];
}

/**
 * Where a thread's adapters stop, when one process runs its services on two threads over one data
 * directory (the all-in-one, ADR 0028). Absent: this thread has the process to itself.
 */
export interface ThreadPlacement {
  /** The thread that holds the data directory's lock and owns what this one does not. */
  otherThread: string;
  /** True on the thread that must not take the lock: the other thread took it for the process before starting this one. */
  lockedByOtherThread?: boolean;
  /** The store collections this thread opens; the other thread owns the rest. */
  ownsCollection(name: string): boolean;
  /** False: the index lives on the other thread, and this one gets an AbsentMentionIndex. */
  hasIndex: boolean;
}

/** Whether any adapter keeps its data under `CXM_DATA_DIR` (and so needs its lock). */
export function usesDataDirectory(config: PlatformConfig): boolean {
  return config.bus.driver === 'embedded' || config.store.driver === 'embedded' || config.index.driver === 'embedded';
}

/**
 * Picks each port's adapter from the configuration: embedded (local disk, one process) or the
 * real server. This is the only place that knows which adapters exist.
 */
export async function createPlatformAdapters(config: PlatformConfig, logger: Logger, clientId: string, placement?: ThreadPlacement): Promise<PlatformAdapters> {
  if (usesDataDirectory(config) && !placement?.lockedByOtherThread) lockDataDirectory(config.dataDir);
  const readiness: ReadinessCheck[] = [];
  const foreground = new ForegroundActivity();

  const bus =
    config.bus.driver === 'kafka'
      ? new KafkaEventBus({
          brokers: config.bus.kafka!.brokers,
          clientId: `${config.bus.kafka!.clientId}-${clientId}`,
          namespace: config.bus.kafka!.namespace,
          partitions: config.bus.partitions,
          replicationFactor: config.bus.kafka!.replicationFactor,
          retryPolicy: config.bus.retry,
          logger,
        })
      : new EmbeddedEventBus({ dataDir: config.dataDir, partitions: config.bus.partitions, retryPolicy: config.bus.retry, logger, foreground });

  let store: DocumentStore;
  if (config.store.driver === 'mongodb') {
    const mongo = await MongoDocumentStore.connect(config.store.mongodbUrl!);
    readiness.push({ name: 'mongodb', check: () => mongo.ping() });
    store = mongo;
  } else {
    store = new EmbeddedDocumentStore(config.dataDir);
  }
  if (placement) store = new CollectionsOwnedByThread(store, placement.ownsCollection, placement.otherThread);

  let index: MentionIndex;
  if (placement && !placement.hasIndex) {
    index = new AbsentMentionIndex(placement.otherThread);
  } else if (config.index.driver === 'elasticsearch') {
    const settings = config.index.elasticsearch!;
    const elasticsearch = new ElasticsearchMentionIndex({ node: settings.url, namespace: settings.namespace, refreshInterval: settings.refreshInterval, logger });
    readiness.push({ name: 'elasticsearch', check: () => elasticsearch.ping() });
    index = elasticsearch;
  } else {
    index = new EmbeddedMentionIndex(config.dataDir);
  }
  return { bus, store, index, readiness, foreground, drains: [] };
}

/** Memory-only adapters, for tests that boot a module without touching disk or servers. */
export function inMemoryAdapters(config: PlatformConfig, logger: Logger): PlatformAdapters {
  return {
    bus: new EmbeddedEventBus({ partitions: config.bus.partitions, retryPolicy: config.bus.retry, logger }),
    store: new EmbeddedDocumentStore(),
    index: new EmbeddedMentionIndex(),
    readiness: [],
    foreground: new ForegroundActivity(),
    drains: [],
  };
}
