import 'reflect-metadata'; // before any decorated class loads (the bus imports the event contracts)
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { ForegroundActivity, lockDataDirectory } from '@cxm/platform-embedded';
import { bootstrapService, loadConfigOrExit, RunningService, usesDataDirectory } from '@cxm/platform-runtime';
import { FrontDoorModule } from './front-door.module';
import { handOverToLifecycleThread, sandboxDeliveriesAreLifecycleWork } from './lifecycle-thread/hand-over-to-lifecycle-thread';
import { startLifecycleThread } from './lifecycle-thread/start-lifecycle-thread';
import { FRONT_DOOR_PLACEMENT } from './lifecycle-thread/thread-split';

/**
 * Starts the all-in-one on two threads (ADR 0028): first the lifecycle thread (every service
 * downstream of ingest), then, on this thread, the front door — ingest's routes, and every other
 * route handed over to the lifecycle thread — on the port clients use. Replies go to the built-in
 * sandbox platform unless CXM_OUTBOUND_WEBHOOKS names a fallback (`*`), so the lifecycle completes
 * out of the box.
 */
export async function startAllInOne(env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  const config = loadConfigOrExit('all-in-one', env);
  // Taken before the lifecycle thread opens anything: a second instance on this data directory
  // must stop here, not after its lifecycle thread has replayed and appended to our journals.
  if (usesDataDirectory(config)) lockDataDirectory(config.dataDir);
  const thread = await startLifecycleThread(
    // Both threads accept the same token, also when it was generated for this run; the lifecycle
    // thread listens on a loopback port of its own, only the front door on the clients' one.
    { ...env, CXM_ADMIN_TOKEN: config.adminToken, PORT: '0', CXM_HOST: '127.0.0.1' },
    {
      bridgeBus: config.bus.driver === 'embedded',
      // Known before the front door listens unless the port is picked at random (tests).
      frontDoorUrl: config.port === 0 ? undefined : `http://${config.host}:${config.port}`,
    },
  );
  let foreground: ForegroundActivity | undefined;
  try {
    const service = await bootstrapService(
      {
        name: 'all-in-one',
        title: 'CXM API (all-in-one)',
        config,
        rootModule: (platform) => FrontDoorModule.forRoot(platform, thread),
        placement: FRONT_DOOR_PLACEMENT,
        adjust: ({ adapters, logger }) => {
          if (adapters.bus instanceof EmbeddedEventBus) thread.serveBus(adapters.bus, logger);
          adapters.readiness.push(thread.readiness);
          thread.shareFrontDoorActivity(adapters.foreground.shareWithThreads());
          foreground = adapters.foreground;
        },
        beforeRoutes: (app) => {
          app.use(handOverToLifecycleThread(thread.url, foreground));
          if (foreground) app.use(sandboxDeliveriesAreLifecycleWork(foreground));
        },
        moreOpenApi: [thread.openApi],
      },
      env,
    );
    thread.tellPublicUrl(service.url);
    return service;
  } catch (error) {
    await thread.stop();
    throw error;
  }
}

export function printBanner(service: RunningService): void {
  const { config, url } = service;
  const lines = [
    '',
    `  CXM all-in-one is running (tenants: ${config.tenants.join(', ')}; data: ${config.dataDir})`,
    `  API:      ${url}/v1`,
    `  API docs: ${url}/docs`,
    config.adminTokenGenerated
      ? `  Admin token (generated for this run; set CXM_ADMIN_TOKEN to keep one): ${config.adminToken}`
      : '  Admin token: the value of CXM_ADMIN_TOKEN',
    '',
  ];
  // Plain stdout, not the logger: the token must never reach log storage.
  process.stdout.write(lines.join('\n') + '\n');
}
