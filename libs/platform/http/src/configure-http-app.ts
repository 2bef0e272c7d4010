import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, raw } from 'express';
import { OpenApiDocument, withMoreOpenApi } from './public-api/merge-openapi';

/** Largest request body accepted (bulk import has its own route later). */
export const MAX_BODY_BYTES = '256kb';

/** Routes that carry many mentions per request get a larger body limit: path → limit. */
export const LARGE_BODY_ROUTES: Readonly<Record<string, string>> = { '/v1/mentions/batch': '16mb' };

/**
 * Routes under this prefix get the exact bytes received as `request.body` (a Buffer), whatever
 * the content type: platforms sign the raw bytes, and a re-serialised JSON body would not match.
 */
export const RAW_BODY_ROUTE_PREFIX = '/v1/webhooks';
/** Largest raw body read (a MIME e-mail with attachments); each channel then applies its own, usually smaller, limit. */
export const MAX_RAW_BODY_BYTES = '10mb';

/**
 * What every HTTP app of the platform shares: body limits, the OpenAPI document at /docs and
 * /docs-json (with `moreOpenApi`'s public routes added), no framework fingerprint headers and no ETags. Filters, pipes and guards come from
 * HttpPlatformModule as providers, so tests that build a module get them too.
 */
export function configureHttpApp(app: INestApplication, title: string, moreOpenApi: OpenApiDocument[] = []): void {
  const express = app as NestExpressApplication;
  // Registered first: a body it has read counts as parsed, so the JSON parser leaves it alone.
  express.use(RAW_BODY_ROUTE_PREFIX, raw({ type: () => true, limit: MAX_RAW_BODY_BYTES }));
  // Then the bulk routes' larger JSON limit, before the general parser below (which skips parsed bodies).
  for (const [path, limit] of Object.entries(LARGE_BODY_ROUTES)) express.use(path, json({ limit }));
  express.useBodyParser('json', { limit: MAX_BODY_BYTES });
  express.disable('x-powered-by');
  // Express would hash every JSON answer into a weak ETag (and compare it with If-None-Match) on
  // every request; no client of this API revalidates answers (they are receipts and search pages,
  // never cached), so it is CPU spent on every ingest request for nothing.
  express.set('etag', false);
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
  SwaggerModule.setup('docs', app, withMoreOpenApi(document as unknown as OpenApiDocument, moreOpenApi) as unknown as typeof document, { jsonDocumentUrl: 'docs-json' });
}
