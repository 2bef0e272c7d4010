import 'reflect-metadata';
import { HostTopicsOnly, ThreadEventBus } from '@cxm/platform-bus';
import { AcceptOnAnotherThread, IngestMetrics } from '@cxm/ingest';
import { ForegroundActivity } from '@cxm/platform-embedded';
import { bootstrapService, RunningService } from '@cxm/platform-runtime';
import { CollectionsOwnedByThread, ThreadDocumentStore } from '@cxm/platform-store';
import { parentPort, workerData } from 'node:worker_threads';
import { frontDoorOwnsCollection, frontDoorOwnsTopic, REPLICA_PLACEMENT, shareOfRateLimit } from '../thread-split';
import { FrontDoorReplicaModule } from './front-door-replica.module';
import { FromFrontDoorReplica, FrontDoorReplicaData, ToFrontDoorReplica } from './front-door-replica.messages';
import { handOverFromReplica } from './hand-over-from-replica';
import { bindSharedPort } from './shared-port';
import { nameThisThread } from '../thread-name';

/**
 * A front-door replica (ADRs 0031, 0032): the ingest routes on a socket of its own on the public
 * port. Each mention is handed to the main thread's AcceptMention, which publishes it and keeps its
 * record; the channel settings are read through the main thread's store. Feeds are polled by the
 * main thread only.
 */
async function run(): Promise<void> {
  const port = parentPort!;
  const data = workerData as FrontDoorReplicaData;
  const thread = `front-door replica ${data.index}`;
  nameThisThread(`cxm-replica-${data.index}`);
  const tell = (message: FromFrontDoorReplica) => port.postMessage(message);
  let service: RunningService;
  let activity: SharedArrayBuffer | undefined;
  let foreground: ForegroundActivity | undefined;
  const acceptance = new AcceptOnAnotherThread(data.acceptPort);
  try {
    service = await bootstrapService(
      {
        name: `front-door-${data.index}`,
        title: 'CXM API (all-in-one, front-door replica)',
        rootModule: (platform) => FrontDoorReplicaModule.forRoot(platform, acceptance, data.inFlight),
        placement: REPLICA_PLACEMENT,
        listenOn: () => ({ fd: bindSharedPort(data.host, data.port) }),
        adjust: ({ adapters, config, logger }) => {
          config.feeds.enabled = false;
          config.feeds.offBecause = 'a front-door replica: the main thread polls the feeds';
          config.ingest.rateLimit = shareOfRateLimit(config.ingest.rateLimit, data.threads);
          const store = new ThreadDocumentStore(data.storePort);
          adapters.store = new CollectionsOwnedByThread(store, frontDoorOwnsCollection, 'lifecycle thread');
          adapters.bus = new ThreadEventBus({ port: data.busPort, hostOwns: frontDoorOwnsTopic, local: new HostTopicsOnly(thread), retryPolicy: config.bus.retry, logger });
          activity = adapters.foreground.shareWithThreads();
          foreground = adapters.foreground;
        },
        beforeRoutes: (app) => app.use(handOverFromReplica(data, foreground!)),
      },
      data.env,
    );
  } catch (error) {
    return tell({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  const metrics = service.app.get(IngestMetrics);
  port.on('message', (message: ToFrontDoorReplica) => {
    if (message.kind === 'metrics') {
      void metrics.ingestSeries().then(
        (series) => tell({ kind: 'metrics', call: message.call, series }),
        // Unanswered, the main thread counts this replica with the series it gave last.
        (error: Error) => service.logger.error({ err: error }, `${thread} could not read its metrics`),
      );
    }
    if (message.kind === 'stop') {
      // The HTTP drain answers what is in progress first; then nothing is left on the accept bridge.
      void service.app
        .close()
        .then(() => acceptance.close())
        .then(
          () => tell({ kind: 'stopped' }),
          (error: Error) => {
            service.logger.error({ err: error }, `${thread} did not shut down cleanly`);
            tell({ kind: 'stopped' });
          },
        );
    }
  });
  tell({ kind: 'ready', activity: activity! });
}

void run();
