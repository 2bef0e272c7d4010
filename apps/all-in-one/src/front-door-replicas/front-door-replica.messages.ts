import type { IngestSeries } from '@cxm/ingest';
import type { MessagePort } from 'node:worker_threads';

/** What the main thread hands a front-door replica when it starts it (ADR 0031). */
export interface FrontDoorReplicaData {
  /** 1, 2…: names the replica in its logs. */
  index: number;
  env: Record<string, string | undefined>;
  /** The public port and address: the replica binds a socket of its own there (SO_REUSEPORT). */
  port: number;
  host: string;
  /** Replicas sharing the port, this one included: each enforces its share of a tenant's rate limit. */
  threads: number;
  /**
   * The guest ends of the accept bridge (each mention, to the main thread's AcceptMention, ADR 0032),
   * of the bus bridge (`mentions.raw`) and of the store bridge (the `ingest_*` collections).
   */
  acceptPort: MessagePort;
  /** The main thread's publish gate count (PublishGate.shareWithThreads): a replica's guard refuses by it, before validating a request. */
  inFlight: SharedArrayBuffer;
  busPort: MessagePort;
  storePort: MessagePort;
  /** Loopback URLs of the routes a replica does not answer itself: the lifecycle thread's, and every other (the main thread's). */
  lifecycleUrl: string;
  mainUrl: string;
}

export type FromFrontDoorReplica =
  /** Listening. `activity`: its requests in progress, in shared memory (ForegroundActivity.shareWithThreads). */
  | { kind: 'ready'; activity: SharedArrayBuffer }
  | { kind: 'failed'; error: string }
  | { kind: 'metrics'; call: number; series: IngestSeries }
  | { kind: 'stopped' };

export type ToFrontDoorReplica = { kind: 'metrics'; call: number } | { kind: 'stop' };
