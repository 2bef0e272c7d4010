import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';

/** Largest request body accepted (bulk import has its own route later). */
export const MAX_BODY_BYTES = '256kb';

/** Routes that carry many mentions per request get a larger body limit: path → limit. */
export const LARGE_BODY_ROUTES: Readonly<Record<string, string>> = { '/v1/mentions/batch': '16mb' };

/**
 * What every HTTP app of the platform shares: body limits, the OpenAPI document at /docs and
 * /docs-json, and no framework fingerprint headers. Filters, pipes and guards come from
 * HttpPlatformModule as providers, so tests that build a module get them too.
 */
export function configureHttpApp(app: INestApplication, title: string): void {
  const express = app as NestExpressApplication;
  // Registered first, so the general parser below finds these bodies already parsed and skips them.
  for (const [path, limit] of Object.entries(LARGE_BODY_ROUTES)) express.use(path, json({ limit }));
  express.useBodyParser('json', { limit: MAX_BODY_BYTES });
  express.disable('x-powered-by');
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(title)
      .setDescription('Customer-experience backend: listen, classify, profile, route, respond, explore. Errors are RFC 9457 problem details.')
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
