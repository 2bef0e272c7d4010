/**
 * The floor under any front door built on this stack (`npm run bench:http-floor`): NestJS on
 * Fastify set up by the platform's own `httpAdapter` and `configureHttpApp` (body parsing, settings), and routes at
 * the ingest paths that answer at once, with the real routes' statuses, doing nothing else. What
 * it cannot exceed, no ingest service on one thread can: every request the real one answers pays
 * at least this much.
 */
import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureHttpApp, httpAdapter } from '@cxm/platform-http';

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
  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, httpAdapter(), { bodyParser: false, logger: false });
  // What every service of the platform gets: the same parsers in the same order, the same settings.
  configureHttpApp(app, 'http floor');
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
