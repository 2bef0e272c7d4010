import { INestApplication } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemDetails, writeProblem } from './problem-details';
import { OpenApiDocument, withMoreOpenApi } from './public-api/merge-openapi';
import { pathWithoutQuery, readRequestBodies } from './request-body';

/**
 * The HTTP server every service of the platform runs on: Fastify under NestJS (ADR 0033). The
 * settings that differ from Fastify's defaults keep what clients met before on Express: keep-alive
 * connections idle for 5 s at most and requests cut after 5 min (Node.js's own defaults), a trailing
 * slash ignored, and path parameters longer than Fastify's 100 characters accepted (the routes'
 * validation, not the router, refuses a bad one). What the router refuses itself — a path that
 * does not decode, a parameter over that length — is a problem document like any other refusal.
 */
export function httpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    keepAliveTimeout: 5_000,
    requestTimeout: 300_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1_000 },
    frameworkErrors: answerRouterRefusal,
  });
}

/** Fastify's router refusals (`FST_ERR_BAD_URL` 400, `FST_ERR_MAX_PARAM_LENGTH` 414), answered as problems. */
function answerRouterRefusal(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  const problem: ProblemDetails = { type: 'about:blank', title: status === 414 ? 'URI too long' : 'Bad request', status, detail: error.message, instance: pathWithoutQuery(request.url) };
  // No route matched, so no hook of a route is skipped: the answer is written as outside Nest.
  reply.hijack();
  writeProblem(reply.raw, problem);
}

/**
 * What every HTTP app of the platform shares: its body parsing (request-body.ts) and the OpenAPI
 * document at /docs and /docs-json (with `moreOpenApi`'s public routes added). Fastify sends no
 * framework fingerprint header and no ETag. Filters, pipes and guards come from HttpPlatformModule
 * as providers, so tests that build a module get them too.
 */
export function configureHttpApp(app: INestApplication, title: string, moreOpenApi: OpenApiDocument[] = []): void {
  readRequestBodies((app as NestFastifyApplication).getHttpAdapter().getInstance());
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
