import 'reflect-metadata'; // before any decorated class loads (the bus imports the event contracts)
import { AcceptMention, IngestMetrics, PublishGate } from '@cxm/ingest';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { ForegroundActivity, lockDataDirectory } from '@cxm/platform-embedded';
import { Logger } from '@cxm/platform-logging';
import { bootstrapService, loadConfigOrExit, PlatformModuleOptions, RunningService, usesDataDirectory } from '@cxm/platform-runtime';
import { FrontDoorModule } from './front-door.module';
import { frontDoorThreads } from './front-door-replicas/front-door-threads';
import { ReservedPort, reservePublicPort } from './front-door-replicas/shared-port';
import { FrontDoorReplicas, startFrontDoorReplicas } from './front-door-replicas/start-front-door-replicas';
import { handOverToLifecycleThread, sandboxDeliveriesAreLifecycleWork } from './lifecycle-thread/hand-over-to-lifecycle-thread';
import { LifecycleThread, startLifecycleThread } from './lifecycle-thread/start-lifecycle-thread';
import { FRONT_DOOR_PLACEMENT } from './thread-split';

/**
 * Starts the all-in-one (ADRs 0028, 0031): first the lifecycle thread (every service downstream of
 * ingest), then, on this thread, the front door — ingest's routes, and every other route handed
 * over to the lifecycle thread. With CXM_FRONT_DOOR_THREADS above 1, replicas of the ingest routes
 * take the clients' port instead, and this thread keeps the front door's data and answers on a
 * loopback port what they hand back. Replies go to the built-in sandbox platform unless
 * CXM_OUTBOUND_WEBHOOKS names a fallback (`*`), so the lifecycle completes out of the box.
 */
export async function startAllInOne(env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  const config = loadConfigOrExit('all-in-one', env);
  // Taken before the lifecycle thread opens anything: a second instance on this data directory
  // must stop here, not after its lifecycle thread has replayed and appended to our journals.
  if (usesDataDirectory(config)) lockDataDirectory(config.dataDir);
  const { threads, notice } = frontDoorThreads(config);
  if (notice) process.stderr.write(`all-in-one: ${notice}\n`);
  const replicated = threads > 1;
  const reserved = replicated ? await reservePublicPort(config.host, config.port) : undefined;
  const publicPort = reserved?.port ?? config.port;
  const publicHost = config.host;
  const publicUrl = `http://${publicHost}:${publicPort}`;
  const thread = await startLifecycleThread(
    // Both threads accept the same token, also when it was generated for this run; the lifecycle
    // thread listens on a loopback port of its own, only the front door on the clients' one.
    { ...env, CXM_ADMIN_TOKEN: config.adminToken, PORT: '0', CXM_HOST: '127.0.0.1' },
    {
      bridgeBus: config.bus.driver === 'embedded',
      // Known before the front door listens unless the port is picked at random (tests).
      frontDoorUrl: publicPort === 0 ? undefined : publicUrl,
    },
  );
  const replicas = new ReplicasOfThisFrontDoor(threads, { ...env, CXM_ADMIN_TOKEN: config.adminToken }, thread);
  // The replicas hold the public port; this thread answers them on a loopback one.
  if (replicated) Object.assign(config, { host: '127.0.0.1', port: 0 });
  try {
    const service = await bootstrapService(
      {
        name: 'all-in-one',
        title: 'CXM API (all-in-one)',
        config,
        rootModule: (platform) => FrontDoorModule.forRoot(platform, thread),
        placement: FRONT_DOOR_PLACEMENT,
        adjust: (options) => {
          const { adapters, logger } = options;
          if (adapters.bus instanceof EmbeddedEventBus) thread.serveBus(adapters.bus, logger);
          adapters.readiness.push(thread.readiness);
          thread.shareFrontDoorActivity(adapters.foreground.shareWithThreads());
          replicas.adopt(options);
        },
        beforeRoutes: (app) => {
          app.use(handOverToLifecycleThread(thread.url, replicas.foreground));
          app.use(sandboxDeliveriesAreLifecycleWork(replicas.foreground!));
        },
        moreOpenApi: [thread.openApi],
      },
      env,
    );
    await replicas.start(service, publicHost, reserved).catch(async (error: Error) => {
      await service.app.close();
      throw error;
    });
    const running = replicated ? { ...service, url: publicUrl } : service;
    thread.tellPublicUrl(running.url);
    return running;
  } catch (error) {
    await reserved?.release();
    await thread.stop();
    throw error;
  }
}

/**
 * The main thread's side of its front-door replicas (ADR 0031): what they need from its adapters,
 * their share of `/metrics` and readiness, and their place in the shutdown — drained before this
 * thread's server (which answers what they hand back) and the bus they publish through stop.
 */
class ReplicasOfThisFrontDoor {
  foreground?: ForegroundActivity;
  private adapters?: PlatformModuleOptions['adapters'];
  private logger?: Logger;
  private running?: FrontDoorReplicas;
  private portHandedOver = false;

  constructor(
    private readonly threads: number,
    private readonly env: Record<string, string | undefined>,
    private readonly lifecycle: LifecycleThread,
  ) {}

  adopt({ adapters, logger }: PlatformModuleOptions): void {
    this.foreground = adapters.foreground;
    if (this.threads === 1) return;
    this.adapters = adapters;
    this.logger = logger;
    adapters.drains.push(async () => this.running?.stop());
    // Not ready while the placeholder still holds part of the port: the kernel hands it some of
    // the new connections, which it answers 503 (a client that trusted an early "ready" from the
    // first replica got one, e.g. bench:ingest's first PUT).
    adapters.readiness.push({ name: 'front-door-replicas', check: async () => this.portHandedOver && (await this.running!.readiness.check()) });
  }

  /** Starts the replicas on the reserved port, then releases the placeholder that held it (also when they failed). */
  async start(service: RunningService, host: string, reserved: ReservedPort | undefined): Promise<void> {
    if (this.threads === 1) return;
    try {
      await this.startReplicas(service, host, reserved!.port);
    } finally {
      await reserved!.release();
    }
    this.portHandedOver = true;
  }

  private async startReplicas(service: RunningService, host: string, port: number): Promise<void> {
    this.running = await startFrontDoorReplicas({
      count: this.threads,
      env: this.env,
      host,
      port,
      acceptance: service.app.get(AcceptMention),
      publishGate: service.app.get(PublishGate),
      bus: this.adapters!.bus as EmbeddedEventBus,
      store: this.adapters!.store,
      lifecycleUrl: this.lifecycle.url,
      mainUrl: service.url,
      logger: this.logger!,
      shareActivity: (buffer, replica) => this.lifecycle.shareFrontDoorActivity(buffer, replica),
    });
    service.app.get(IngestMetrics).addPeers(this.running.metrics);
    this.logger!.info({ threads: this.threads, port }, 'front-door replicas listening');
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
