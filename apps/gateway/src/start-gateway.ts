import { ConfigReader } from '@cxm/platform-config';
import { answersReady, mergeOpenApi, OpenApiDocument, Upstream, UPSTREAMS, upstreamFor } from '@cxm/platform-http';
import { createLogger, Logger } from '@cxm/platform-logging';
import express, { Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface GatewayConfig {
  port: number;
  host: string;
  logLevel: string;
  upstreams: Record<Upstream, string>;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const read = new ConfigReader(env);
  const upstreams = Object.fromEntries(
    UPSTREAMS.map((name) => {
      const variable = `CXM_UPSTREAM_${name.toUpperCase()}`;
      const url = read.string(variable);
      read.url(variable, url || undefined);
      return [name, url.replace(/\/$/, '')];
    }),
  ) as Record<Upstream, string>;
  const config = {
    port: read.integer('PORT', 3000, { min: 0, max: 65535 }),
    host: read.string('CXM_HOST', '127.0.0.1'),
    logLevel: read.string('CXM_LOG_LEVEL', 'info'),
    upstreams,
  };
  read.done();
  return config;
}

const PROBLEM = 'application/problem+json';

/**
 * The public door of the distributed mode: routes each /v1 request to the service that answers it
 * (the Kubernetes Ingress does the same in a cluster), merges the services' OpenAPI documents at
 * /docs, and reports ready only when every service is. It holds no logic and no state.
 */
export async function startGateway(config: GatewayConfig, logger: Logger = createLogger({ level: config.logLevel, service: 'gateway' })): Promise<{ url: string; server: Server }> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => void readiness(config).then((checks) => res.status(Object.values(checks).every(Boolean) ? 200 : 503).json({ checks })));
  app.get('/docs-json', (_req, res) => void openApi(config).then((doc) => res.json(doc), (error: Error) => problem(res, 502, 'Bad gateway', error.message)));
  app.use('/docs/assets', express.static(join(require.resolve('swagger-ui-dist/package.json'), '..')));
  app.get('/docs', (_req, res) => void res.type('html').send(SWAGGER_PAGE));

  const proxies = Object.fromEntries(
    UPSTREAMS.map((name) => [name, createProxyMiddleware({ target: config.upstreams[name], changeOrigin: false, xfwd: true, proxyTimeout: 30_000 })]),
  );
  app.use((req, res, next) => {
    const upstream = upstreamFor(req.method, req.path);
    if (!upstream) return problem(res, 404, 'Not found', `no route ${req.method} ${req.path}`);
    return proxies[upstream](req, res, next);
  });

  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
  });
  const url = `http://${config.host}:${(server.address() as AddressInfo).port}`;
  logger.info({ url, upstreams: config.upstreams }, 'gateway listening');
  return { url, server };
}

function problem(res: Response, status: number, title: string, detail: string): void {
  res.status(status).type(PROBLEM).send(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

async function readiness(config: GatewayConfig): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    UPSTREAMS.map(async (name) => {
      const ok = await answersReady(config.upstreams[name]);
      return [name, ok] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function openApi(config: GatewayConfig): Promise<unknown> {
  const documents = await Promise.all(UPSTREAMS.map((name) => fetch(`${config.upstreams[name]}/docs-json`).then((r) => r.json() as Promise<OpenApiDocument>)));
  return mergeOpenApi(documents);
}

const SWAGGER_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>CXM API</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/docs-json', dom_id: '#ui' });</script></body></html>`;

