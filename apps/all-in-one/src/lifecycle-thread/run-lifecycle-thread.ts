import 'reflect-metadata';
import { EmbeddedEventBus, ThreadEventBus } from '@cxm/platform-bus';
import { ForegroundActivity, ForegroundSeenFromAnotherThread, limitJournalWritesInFlight } from '@cxm/platform-embedded';
import { PlatformConfig } from '@cxm/platform-config';
import { OpenApiDocument } from '@cxm/platform-http';
import { bootstrapService, RunningService } from '@cxm/platform-runtime';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { LifecycleModule } from '../lifecycle.module';
import { SANDBOX_OUTBOUND_PATH } from './hand-over-to-lifecycle-thread';
import { FromLifecycleThread, LifecycleThreadData, ToLifecycleThread } from './lifecycle-thread.messages';
import { frontDoorOwnsTopic, LIFECYCLE_PLACEMENT } from '../thread-split';
import { nameThisThread } from '../thread-name';

/** Nice value of the lifecycle thread: the lowest priority (the front door keeps the process's, normally 0). */
const LIFECYCLE_NICE = 19;

/**
 * The lifecycle thread of the all-in-one (ADR 0028): classifier, profile, routing, responder and
 * explorer, with their HTTP routes on a loopback port the front door hands requests to, and — on
 * the embedded bus — `mentions.raw` consumed through the bus bridge.
 */
async function run(): Promise<void> {
  nameThisThread('cxm-lifecycle');
  lowerThisThreadsPriority();
  const port = parentPort!;
  const { env, busPort, frontDoorUrl } = workerData as LifecycleThreadData;
  const tell = (message: FromLifecycleThread) => port.postMessage(message);
  const frontDoor = new Map<string, ForegroundSeenFromAnotherThread>();
  standBackWhileTheFrontDoorIsBusy(frontDoor);
  let service: RunningService;
  try {
    service = await bootstrapService(
      {
        name: 'lifecycle',
        title: 'CXM API (all-in-one, lifecycle thread)',
        rootModule: (platform) => LifecycleModule.forRoot(platform),
        placement: LIFECYCLE_PLACEMENT,
        adjust: ({ adapters, config, logger }) => {
          // Before the consumers start: a backlog's replies must not find no sandbox to go to.
          if (frontDoorUrl) useTheSandboxAt(frontDoorUrl, config);
          if (!busPort || !(adapters.bus instanceof EmbeddedEventBus)) return;
          adapters.bus = new ThreadEventBus({ port: busPort, hostOwns: frontDoorOwnsTopic, local: adapters.bus, retryPolicy: config.bus.retry, logger });
        },
      },
      env,
    );
  } catch (error) {
    return tell({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  port.on('message', (message: ToLifecycleThread) => {
    if (message.kind === 'public-url') useTheSandboxAt(message.url, service.config);
    if (message.kind === 'front-door-activity') frontDoor.set(message.thread, ForegroundActivity.seenFrom(message.buffer));
    if (message.kind === 'stop') {
      void service.app.close().then(
        () => tell({ kind: 'stopped' }),
        (error: Error) => {
          service.logger.error({ err: error }, 'the lifecycle thread did not shut down cleanly');
          tell({ kind: 'stopped' });
        },
      );
    }
  });
  const openApi = (await (await fetch(`${service.url}/docs-json`)).json()) as OpenApiDocument;
  tell({ kind: 'ready', url: service.url, openApi });
}

/** Replies go to the front door's sandbox platform unless CXM_OUTBOUND_WEBHOOKS names a fallback (`*`). */
function useTheSandboxAt(frontDoorUrl: string, config: PlatformConfig): void {
  config.responder.outboundWebhooks['*'] ??= `${frontDoorUrl}${SANDBOX_OUTBOUND_PATH}{channel}`;
}

/**
 * How long after the front door's last request this thread still stands back. Between two
 * requests at 1,000 mentions/s there are a few milliseconds: widening at once in each gap filled
 * the disk's queue just before the next request's write (p99 64 ms at 1,000/s); holding back
 * through gaps shorter than this gave 20 ms (docs/performance.md, 2026-12-02).
 */
const STAND_BACK_FOR_MS = 100;

/**
 * The threads share libuv's thread pool and the disk, where every journal write waits its turn:
 * while the front door answers requests (on any of its threads: the main thread and its replicas,
 * ADR 0031, each share their count), and for STAND_BACK_FOR_MS after, this thread keeps one
 * write in flight (its appends meanwhile join the next group commit), so the front door's writes —
 * each one a client waiting for its 202 — never queue behind a score of ours (ADR 0028).
 */
function standBackWhileTheFrontDoorIsBusy(frontDoor: ReadonlyMap<string, ForegroundSeenFromAnotherThread>): void {
  const busy = (thread: ForegroundSeenFromAnotherThread) => thread.busy || thread.quietForMs() < STAND_BACK_FOR_MS;
  limitJournalWritesInFlight(() => {
    for (const thread of frontDoor.values()) if (busy(thread)) return 1;
    return Infinity;
  });
}

/**
 * The front door comes first (ADR 0028, as ADR 0025 had it on one thread): the kernel gives this
 * thread only the CPU the front door leaves. On Linux a thread has its own nice value, and
 * `setpriority(PRIO_PROCESS, 0, …)` — what `os.setPriority(n)` calls — changes the calling thread's only.
 */
function lowerThisThreadsPriority(): void {
  try {
    setPriority(LIFECYCLE_NICE);
  } catch {
    // Not permitted, or not per thread on this platform: both threads then share the CPU evenly.
  }
}

void run();
