import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpApp, httpAdapter } from '../configure-http-app';

/**
 * For this lib's specs: `module` served as every service is (`httpAdapter`, `configureHttpApp`),
 * on a free loopback port. Close the app when done.
 */
export async function startProbeApp(module: Type): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(module, httpAdapter(), { logger: false, bodyParser: false });
  configureHttpApp(app, 'probe');
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}
