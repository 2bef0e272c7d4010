import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadPlatformConfig, PlatformConfig } from '@cxm/platform-config';
import { configureHttpApp, httpAdapter, OpenApiDocument } from '@cxm/platform-http';
import { createLogger, Logger } from '@cxm/platform-logging';
import { countRequestsInProgress } from './count-requests-in-progress';
import { createPlatformAdapters, ThreadPlacement } from './create-platform-adapters';
import { PinoNestLogger } from './pino-nest-logger';
import { PlatformModule, PlatformModuleOptions } from './platform.module';

export interface RunningService {
  app: INestApplication;
  config: PlatformConfig;
  logger: Logger;
  /** Base URL the HTTP API answers on. */
  url: string;
}

export interface ServiceDefinition {
  name: string;
  title: string;
  /** The app's root module, given the configured platform module to import. */
  rootModule(platform: DynamicModule): Type | DynamicModule;
  /** Change the configuration before anything is built (the all-in-one adds its sandbox). */
  adjust?(options: PlatformModuleOptions): void;
  /** When the process runs services on two threads over one data directory (ADR 0028). */
  placement?: ThreadPlacement;
  /** Middleware (`app.use`, Node.js's request and response) that sees each request before its body is read and before the routes (the all-in-one's hand-over to its lifecycle thread). */
  beforeRoutes?(app: NestFastifyApplication): void;
  /** More OpenAPI documents merged into this one at /docs (the routes another thread answers). */
  moreOpenApi?: OpenApiDocument[];
  /** Loaded already (`loadConfigOrExit`): the all-in-one reads it once for both threads. */
  config?: PlatformConfig;
  /**
   * Listen on the bound socket this gives, instead of PORT and CXM_HOST: the all-in-one's front-door
   * replicas each listen on a socket of their own on one port (SO_REUSEPORT, ADR 0031). Called
   * just before listening, so a start that fails earlier leaves no socket bound.
   */
  listenOn?: () => { fd: number };
}

/** The configuration from `env`; a bad variable stops the process, naming it. */
export function loadConfigOrExit(serviceName: string, env: NodeJS.ProcessEnv): PlatformConfig {
  try {
    return loadPlatformConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${serviceName}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/**
 * Starts one service: configuration (a bad variable stops the process naming it), logger, the
 * NestJS app with the platform's HTTP conventions, listening on PORT.
 */
export async function bootstrapService(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  const config = definition.config ?? loadConfigOrExit(definition.name, env);
  const logger = createLogger({ level: config.logLevel, service: definition.name });
  const adapters = await createPlatformAdapters(config, logger, definition.name, definition.placement);
  const options: PlatformModuleOptions = { config, logger, adapters };
  definition.adjust?.(options);
  const app = await NestFactory.create<NestFastifyApplication>(definition.rootModule(PlatformModule.forRoot(options)), httpAdapter(), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  definition.beforeRoutes?.(app);
  configureHttpApp(app, definition.title, definition.moreOpenApi);
  countRequestsInProgress(app.getHttpServer(), adapters.foreground);
  try {
    if (definition.listenOn) await listenOnSocket(app, definition.listenOn());
    else await app.listen(config.port, config.host);
  } catch (error) {
    // listen() had already initialised the app: its bus consumes and its stores are open.
    await app.close();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${config.host}:${address.port}`;
  logger.info({ url, tenants: config.tenants, bus: config.bus.driver, store: config.store.driver, index: config.index.driver }, `${definition.name} listening`);
  return { app, config, logger, url };
}

/**
 * Listens on a socket bound already (`{ fd }`), which Fastify's own `listen` does not take: the app
 * is made ready (routes, hooks, plugins) first, then Node.js's server listens on the descriptor.
 * Fastify and Nest then do not count the app as listening: `app.getUrl()` would refuse (nothing
 * calls it; the URL is read from the server), and `app.close()` still closes the server.
 */
async function listenOnSocket(app: NestFastifyApplication, socket: { fd: number }): Promise<void> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
