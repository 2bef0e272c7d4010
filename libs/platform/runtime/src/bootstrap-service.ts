import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadPlatformConfig, PlatformConfig } from '@cxm/platform-config';
import { configureHttpApp } from '@cxm/platform-http';
import { createLogger, Logger } from '@cxm/platform-logging';
import { countRequestsInProgress } from './count-requests-in-progress';
import { createPlatformAdapters } from './create-platform-adapters';
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
}

/**
 * Starts one service: configuration (a bad variable stops the process naming it), logger, the
 * NestJS app with the platform's HTTP conventions, listening on PORT.
 */
export async function bootstrapService(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  let config: PlatformConfig;
  try {
    config = loadPlatformConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, service: definition.name });
  const adapters = await createPlatformAdapters(config, logger, definition.name);
  const options: PlatformModuleOptions = { config, logger, adapters };
  definition.adjust?.(options);
  const app = await NestFactory.create<NestExpressApplication>(definition.rootModule(PlatformModule.forRoot(options)), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  configureHttpApp(app, definition.title);
  countRequestsInProgress(app.getHttpServer(), adapters.foreground);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${config.host}:${address.port}`;
  logger.info({ url, tenants: config.tenants, bus: config.bus.driver, store: config.store.driver, index: config.index.driver }, `${definition.name} listening`);
  return { app, config, logger, url };
}
