import { IngestMetricsPeers, IngestSeries, MentionAcceptance, PublishGate, serveAcceptanceToThread } from '@cxm/ingest';
import { EmbeddedEventBus, serveBusToThread } from '@cxm/platform-bus';
import { ReadinessCheck } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { DocumentStore, serveStoreToThread } from '@cxm/platform-store';
import { join } from 'node:path';
import { MessageChannel, MessagePort, Worker } from 'node:worker_threads';
import { frontDoorOwnsTopic } from '../thread-split';
import { stopThread, untilThreadReady } from '../service-thread';
import { FromFrontDoorReplica, FrontDoorReplicaData, ToFrontDoorReplica } from './front-door-replica.messages';

/** The front-door replicas as the main thread sees them (ADR 0031). */
export interface FrontDoorReplicas {
  /** Ready while every replica runs. */
  readiness: ReadinessCheck;
  /** Their ingest series, for the main thread's `/metrics`. */
  metrics: IngestMetricsPeers;
  /** Each replica answers its requests in progress, closes its socket and its bridges, and ends. */
  stop(): Promise<void>;
}

export interface FrontDoorReplicasOptions {
  count: number;
  env: Record<string, string | undefined>;
  host: string;
  port: number;
  /** The main thread's AcceptMention: every replica hands its mentions to it (ADR 0032). */
  acceptance: MentionAcceptance;
  /** The gate that AcceptMention publishes through: every replica's guard refuses by its count. */
  publishGate: PublishGate;
  bus: EmbeddedEventBus;
  store: DocumentStore;
  lifecycleUrl: string;
  mainUrl: string;
  logger: Logger;
  /** A replica's requests in progress, in shared memory: the lifecycle thread stands back for them too. */
  shareActivity(buffer: SharedArrayBuffer, replica: string): void;
  script?: string;
}

const START_TIMEOUT_MS = 120_000;
/** Below the main thread's own drain (20 s) plus the lifecycle thread's stop: a pod's grace period holds the three. */
const STOP_TIMEOUT_MS = 25_000;
/** A replica that dies is started again after this long, doubled after each failed start up to the cap (one that cannot start must not spin). */
const RESTART_DELAY_MS = 1_000;
const RESTART_DELAY_CAP_MS = 30_000;
/** `/metrics` and `/readyz` do not wait longer than this for a replica's answer. */
const ANSWER_TIMEOUT_MS = 2_000;

interface Replica {
  worker: Worker;
  /** Its requests in progress; zeroed if it dies with some open, so the lifecycle does not stand back for ever. */
  activity: Int32Array;
  stopped: Promise<void>;
  closeBridges(): void;
}

/**
 * Starts `count` front-door replicas, each on a socket of its own on the public port, and resolves
 * once all listen. A replica that dies is logged and started again; its 202s were durable, and
 * what it had not answered the clients retry.
 */
export async function startFrontDoorReplicas(options: FrontDoorReplicasOptions): Promise<FrontDoorReplicas> {
  const replicas = new Map<number, Replica>();
  const series = new ReplicaSeries();
  const restarts = new Set<NodeJS.Timeout>();
  const starting = new Set<Promise<void>>();
  let stopping = false;

  const adopt = (index: number, replica: Replica) => {
    replicas.set(index, replica);
    void replica.stopped.then(() => whenEnded(index, replica));
  };

  const restart = (index: number, failedStarts: number) => {
    const started = startReplica(index, options, series.onMessage).then(async (replica) => {
      // Stopped while it was starting: it must not outlive the stop.
      if (stopping) return stopReplica(replica);
      adopt(index, replica);
    });
    starting.add(started);
    void started
      .catch((error: Error) => {
        if (stopping) return;
        options.logger.error({ err: error, replica: index }, `front-door replica ${index} did not start again`);
        restartLater(index, failedStarts + 1);
      })
      .finally(() => starting.delete(started));
  };

  const restartLater = (index: number, failedStarts: number) => {
    const delay = Math.min(RESTART_DELAY_CAP_MS, RESTART_DELAY_MS * 2 ** failedStarts);
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (!stopping) restart(index, failedStarts);
    }, delay);
    restarts.add(timer);
  };

  const whenEnded = (index: number, replica: Replica) => {
    replica.closeBridges();
    Atomics.store(replica.activity, 0, 0);
    replicas.delete(index);
    series.retire(index);
    if (stopping) return;
    options.logger.error({ replica: index }, `front-door replica ${index} ended; starting it again`);
    restartLater(index, 0);
  };

  const stopAll = async () => {
    stopping = true;
    restarts.forEach((timer) => clearTimeout(timer));
    restarts.clear();
    await Promise.allSettled([...starting]);
    await Promise.all([...replicas.values()].map((replica) => stopReplica(replica)));
  };

  const outcomes = await Promise.allSettled(Array.from({ length: options.count }, (_, offset) => startReplica(replicaNumber(offset), options, series.onMessage)));
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  outcomes.forEach((outcome, offset) => outcome.status === 'fulfilled' && adopt(replicaNumber(offset), outcome.value));
  if (failed) {
    await stopAll();
    throw failed.reason;
  }

  return {
    readiness: {
      name: 'front-door-replicas',
      // Each must answer, not only run: a replica whose event loop is stuck still takes its share of connections.
      check: async () => replicas.size === options.count && (await Promise.all([...replicas.values()].map((replica) => series.ask(replica)))).every((answer) => answer !== undefined),
    },
    metrics: { collect: () => series.collect([...replicas.entries()]) },
    stop: stopAll,
  };
}

/** Replicas are numbered from 1 (their logs say `front-door replica 1`); `offset` counts from 0. */
const replicaNumber = (offset: number) => offset + 1;

/**
 * The replicas' ingest series, as `/metrics` sums them. Counters must never go down, or Prometheus
 * reads a reset: a replica that does not answer in time counts with the series it last gave, and
 * one that ended keeps counting with its last series (its restart starts again from 0).
 */
class ReplicaSeries {
  private readonly calls = new Map<number, (series: IngestSeries) => void>();
  private readonly last = new Map<number, IngestSeries>();
  private readonly retired: IngestSeries[] = [];
  private nextCall = 0;

  readonly onMessage = (message: FromFrontDoorReplica) => {
    if (message.kind === 'metrics') this.calls.get(message.call)?.(message.series);
  };

  async collect(replicas: [number, Replica][]): Promise<IngestSeries[]> {
    const answers = await Promise.all(
      replicas.map(async ([index, replica]) => {
        const answer = await this.ask(replica);
        if (answer) this.last.set(index, answer);
        return answer ?? this.last.get(index);
      }),
    );
    return [...answers.filter((answer): answer is IngestSeries => answer !== undefined), ...this.retired];
  }

  retire(index: number): void {
    const last = this.last.get(index);
    this.last.delete(index);
    if (last) this.retired.push(last);
  }

  ask(replica: Replica): Promise<IngestSeries | undefined> {
    return new Promise((resolve) => {
      const call = ++this.nextCall;
      const done = (answer: IngestSeries | undefined) => {
        clearTimeout(timer);
        this.calls.delete(call);
        resolve(answer);
      };
      const timer = setTimeout(() => done(undefined), ANSWER_TIMEOUT_MS);
      this.calls.set(call, done);
      replica.worker.postMessage({ kind: 'metrics', call } satisfies ToFrontDoorReplica);
    });
  }
}

async function startReplica(index: number, options: FrontDoorReplicasOptions, onMessage: (message: FromFrontDoorReplica) => void): Promise<Replica> {
  const accept = new MessageChannel();
  const bus = new MessageChannel();
  const store = new MessageChannel();
  const servedAcceptance = serveAcceptanceToThread(options.acceptance, accept.port1 as MessagePort);
  const servedBus = serveBusToThread(options.bus, bus.port1 as MessagePort, frontDoorOwnsTopic, options.logger);
  const servedStore = serveStoreToThread(options.store, store.port1 as MessagePort);
  const closeBridges = () => (servedAcceptance.close(), servedBus.close(), servedStore.close());
  const data: FrontDoorReplicaData = {
    index,
    env: options.env,
    host: options.host,
    port: options.port,
    threads: options.count,
    acceptPort: accept.port2,
    inFlight: options.publishGate.shareWithThreads(),
    busPort: bus.port2,
    storePort: store.port2,
    lifecycleUrl: options.lifecycleUrl,
    mainUrl: options.mainUrl,
  };
  const worker = new Worker(options.script ?? join(__dirname, 'front-door-replica.worker.js'), { workerData: data, transferList: [accept.port2, bus.port2, store.port2] });
  const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => options.logger.error({ err: error, replica: index }, `front-door replica ${index} failed`));
  worker.on('message', onMessage);
  try {
    const { activity } = await untilThreadReady<Extract<FromFrontDoorReplica, { kind: 'ready' }>>(worker, `front-door replica ${index}`, START_TIMEOUT_MS);
    options.shareActivity(activity, `replica-${index}`);
    return { worker, activity: new Int32Array(activity, 0, 1), stopped, closeBridges };
  } catch (error) {
    closeBridges();
    throw error;
  }
}

/** Its graceful shutdown (answer what is in progress, close the socket and bridges), or terminated after STOP_TIMEOUT_MS. */
async function stopReplica(replica: Replica): Promise<void> {
  await stopThread(replica.worker, STOP_TIMEOUT_MS);
  await replica.stopped;
}
