import { EmbeddedEventBus, serveBusToThread } from '@cxm/platform-bus';
import { answersReady, OpenApiDocument, ReadinessCheck } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { join } from 'node:path';
import { MessageChannel, MessagePort, Worker } from 'node:worker_threads';
import { FromLifecycleThread, LifecycleThreadData, ToLifecycleThread } from './lifecycle-thread.messages';
import { stopThread, untilThreadReady } from '../service-thread';
import { frontDoorOwnsTopic } from '../thread-split';

/** The lifecycle thread as the main thread sees it. */
export interface LifecycleThread {
  /** Where its HTTP routes answer (loopback only; they check tokens like every route). */
  url: string;
  /** Its public routes, for the front door's /docs. */
  openApi: OpenApiDocument;
  /** The front door's bus serves the thread's `mentions.raw` consumers and publishes (embedded bus only). */
  serveBus(bus: EmbeddedEventBus, logger: Logger): void;
  /** Ready while the thread runs and its own checks pass. */
  readiness: ReadinessCheck;
  tellPublicUrl(url: string): void;
  /** Lets the thread see a front-door thread's requests in progress (it stands back while there are any). */
  shareFrontDoorActivity(buffer: SharedArrayBuffer, frontDoorThread?: string): void;
  /** Stops the thread after its own graceful shutdown (bus, stores, index); call after the front door's bus stopped. */
  stop(): Promise<void>;
}

/** A thread that does not answer within this long of its start is reported as failed to start. */
const START_TIMEOUT_MS = 120_000;
/** Longest wait for its graceful shutdown before the thread is terminated. */
const STOP_TIMEOUT_MS = 30_000;

export interface LifecycleThreadOptions {
  /** The main thread's embedded bus is shared through the bus bridge (false: Kafka, each thread talks to the brokers). */
  bridgeBus: boolean;
  frontDoorUrl?: string;
  /** The thread's entry script; tests give a stand-in to reach the failure paths. */
  script?: string;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** What happens when the thread dies while the process runs (default: the process exits with 70). */
  onDied?: (code: number) => void;
}

/**
 * Starts the lifecycle thread (ADR 0028) with the same configuration as the main thread, and
 * resolves once its services listen.
 */
export async function startLifecycleThread(env: Record<string, string | undefined>, options: LifecycleThreadOptions): Promise<LifecycleThread> {
  const bridge = options.bridgeBus ? new MessageChannel() : undefined;
  const data: LifecycleThreadData = { env, frontDoorUrl: options.frontDoorUrl, ...(bridge ? { busPort: bridge.port2 } : {}) };
  const worker = new Worker(options.script ?? join(__dirname, 'lifecycle-thread.worker.js'), { workerData: data, transferList: bridge ? [bridge.port2] : [] });
  const startTimeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
  const onDied = options.onDied ?? exitAfterTheThreadDied;
  let alive = true;
  let running = false;
  let stopping = false;
  let served: { close(): void } | undefined;
  worker.on('exit', (code) => {
    alive = false;
    served?.close();
    if (running && !stopping) onDied(code);
  });

  const ready = await untilThreadReady<Extract<FromLifecycleThread, { kind: 'ready' }>>(worker, 'the lifecycle thread', startTimeoutMs);
  running = true;
  worker.on('error', (error) => process.stderr.write(`all-in-one: the lifecycle thread failed: ${error.stack ?? error.message}\n`));

  const tell = (message: ToLifecycleThread) => worker.postMessage(message);
  return {
    url: ready.url,
    openApi: ready.openApi,
    serveBus: (bus, logger) => {
      if (bridge) served = serveBusToThread(bus, bridge.port1 as MessagePort, frontDoorOwnsTopic, logger);
    },
    readiness: {
      name: 'lifecycle-thread',
      check: () => (alive ? answersReady(ready.url) : Promise.resolve(false)),
    },
    tellPublicUrl: (url) => tell({ kind: 'public-url', url }),
    shareFrontDoorActivity: (buffer, frontDoorThread = 'main') => tell({ kind: 'front-door-activity', thread: frontDoorThread, buffer }),
    stop: async () => {
      stopping = true;
      // Closing the bridge also answers the thread's pending subscriptions, so its bus can stop.
      if (served) served.close();
      else bridge?.port1.close();
      if (alive) await stopThread(worker, options.stopTimeoutMs ?? STOP_TIMEOUT_MS);
    },
  };
}

/**
 * A lifecycle thread that died leaves a process that still answers 202s while nothing downstream
 * runs, and whose bridged consumers cannot be taken over by a new thread: the process exits, so
 * that its supervisor (systemd, Kubernetes, a terminal) starts it again. Nothing is lost — what the
 * thread had not settled is uncommitted, and is redelivered to the next one.
 */
function exitAfterTheThreadDied(code: number): void {
  process.stderr.write(`all-in-one: the lifecycle thread exited (code ${code}); stopping the process so that it can be restarted\n`);
  process.exit(70); // EX_SOFTWARE
}
