/**
 * The floor under any front door built on this stack (`npm run bench:http-floor`): NestJS on
 * Express with the platform's own body parsers and settings (configure-http-app.ts), and routes at
 * the ingest paths that answer 202 without doing anything. What it cannot exceed, no ingest
 * service on one thread can: every request the real one answers pays at least this much.
 */
import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { LARGE_BODY_ROUTES, MAX_BODY_BYTES, MAX_RAW_BODY_BYTES, RAW_BODY_ROUTE_PREFIX } from '@cxm/platform-http';
import { json, raw } from 'express';

@Controller()
class FloorController {
  @Get('healthz')
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Post('v1/webhooks/:tenantId/:channel')
  @HttpCode(200)
  webhook(): { accepted: number } {
    return { accepted: 0 };
  }

  @Post('v1/mentions/batch')
  @HttpCode(200)
  batch(): { accepted: number } {
    return { accepted: 0 };
  }

  @Post('v1/mentions')
  @HttpCode(202)
  mention(): { id: string; duplicate: boolean } {
    return { id: '00000000-0000-5000-8000-000000000000', duplicate: false };
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(FloorModule, { bodyParser: false, logger: false });
  // The same parsers, in the same order, as every service of the platform (configure-http-app.ts).
  app.use(RAW_BODY_ROUTE_PREFIX, raw({ type: () => true, limit: MAX_RAW_BODY_BYTES }));
  for (const [path, limit] of Object.entries(LARGE_BODY_ROUTES)) app.use(path, json({ limit }));
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.disable('x-powered-by');
  app.set('etag', false);
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
