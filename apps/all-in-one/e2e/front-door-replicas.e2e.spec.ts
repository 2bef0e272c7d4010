import { IngestMetrics, IngestSeries, PublishGate } from '@cxm/ingest';
import { RunningService } from '@cxm/platform-runtime';
import { aCanonicalMention, waitFor } from '@cxm/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAllInOne } from '../src/start-all-in-one';
import { freePort } from './support/all-in-one-process';
import { E2E_ADMIN_TOKEN, startAllInOneTarget } from './support/all-in-one-target';
import { describeMentionLifecycle } from './support/lifecycle.scenarios';
import { describeWebhookDelivery } from './support/webhooks.scenarios';

jest.setTimeout(60_000);

const TWO_REPLICAS = { CXM_FRONT_DOOR_THREADS: '2' };

// The same scenarios as on one thread: signatures, handshakes, redeliveries, threading, the whole lifecycle.
describeWebhookDelivery('all-in-one, two front-door replicas (ADR 0031)', (outboundUrl) => startAllInOneTarget(outboundUrl, TWO_REPLICAS), 20_000);
describeMentionLifecycle('all-in-one, two front-door replicas (ADR 0031)', (outboundUrl) => startAllInOneTarget(outboundUrl, TWO_REPLICAS), 10_000);

interface Answer {
  status: number;
  body: string;
}

/** One request on a connection of its own, so that the kernel picks a replica for each. */
function onFreshConnection(url: string, method: string, path: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(`${url}${path}`, {
      method,
      agent: false,
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'x-tenant-id': 'demo', ...(payload ? { 'content-type': 'application/json' } : {}) },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.end(payload);
  });
}

/** The ingest requests a thread answered: the count of its latency histogram (each replica times the requests it answers). */
function answeredBy(series: IngestSeries): number {
  const latency = series.find((metric) => metric.name === 'cxm_ingest_request_duration_seconds');
  return (latency?.values ?? []).filter((value) => (value as { metricName?: string }).metricName?.endsWith('_count')).reduce((sum, value) => sum + value.value, 0);
}

/** The mentions a thread's own AcceptMention decided, by outcome. */
function decidedBy(series: IngestSeries): Record<string, number> {
  const mentions = series.find((metric) => metric.name === 'cxm_ingest_mentions_total');
  return Object.fromEntries((mentions?.values ?? []).map((value) => [value.labels.outcome, value.value]));
}

describe('the all-in-one with two front-door replicas', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-e2e-replicas-'));
  let service: RunningService;

  beforeAll(async () => {
    service = await startAllInOne({ PORT: '0', CXM_DATA_DIR: dataDir, CXM_ADMIN_TOKEN: E2E_ADMIN_TOKEN, CXM_TENANTS: 'demo', CXM_LOG_LEVEL: 'warn', ...TWO_REPLICAS });
  });
  afterAll(async () => {
    await service?.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts a mention once whichever replica each copy reaches, and /metrics counts every copy once', async () => {
    const mention = aCanonicalMention({ externalId: 'replicas-redelivered-1', text: 'Заказ не пришёл, второй раз пишу 😡 replicasonce' });
    const answers = await Promise.all(Array.from({ length: 40 }, () => onFreshConnection(service.url, 'POST', '/v1/mentions', mention)));
    expect(answers.map((answer) => answer.status).sort((a, b) => b - a)).toEqual([202, ...Array.from({ length: 39 }, () => 200)]);
    expect(new Set(answers.map((answer) => (JSON.parse(answer.body) as { id: string }).id)).size).toBe(1);

    // Both replicas took part: the kernel spread the 40 connections over their sockets.
    const metricsOfMain = service.app.get(IngestMetrics);
    const perReplica = (await metricsOfMain.peerSeries()).map(answeredBy);
    expect(perReplica).toHaveLength(2);
    expect(perReplica.every((answered) => answered > 0)).toBe(true);
    expect(perReplica.reduce((sum, answered) => sum + answered, 0)).toBe(40);
    // Every copy was handed to the main thread's AcceptMention, which decided them all (ADR 0032).
    expect(decidedBy(await metricsOfMain.ingestSeries())).toEqual({ accepted: 1, duplicate: 39 });

    const metrics = await onFreshConnection(service.url, 'GET', '/metrics');
    expect(metrics.body).toContain('cxm_ingest_mentions_total{tenant="demo",channel="x",outcome="accepted"} 1');
    expect(metrics.body).toContain('cxm_ingest_mentions_total{tenant="demo",channel="x",outcome="duplicate"} 39');
    await waitFor(async () => {
      const search = await onFreshConnection(service.url, 'GET', '/v1/search?q=replicasonce');
      return (JSON.parse(search.body) as { total: number }).total === 1 ? true : undefined;
    }, 20_000, 'the mention to be searchable, once');
  });

  it('hands every route it does not answer itself to the thread that does, from any connection', async () => {
    const put = await onFreshConnection(service.url, 'PUT', '/v1/tenants/demo/channels/whatsapp', { appSecret: 'replicas-whatsapp-secret', verifyToken: 'replicas-verify-1' });
    expect(put.status).toBe(200);
    for (let i = 0; i < 6; i++) {
      const [ready, docs, search, settings] = await Promise.all([
        onFreshConnection(service.url, 'GET', '/readyz'),
        onFreshConnection(service.url, 'GET', '/docs-json'),
        onFreshConnection(service.url, 'GET', '/v1/search?q=nothing-matches-this'),
        onFreshConnection(service.url, 'GET', '/v1/tenants/demo/channels/whatsapp'),
      ]);
      expect(JSON.parse(ready.body)).toEqual({ status: 'ready', checks: { 'lifecycle-thread': true, 'front-door-replicas': true } });
      expect(Object.keys((JSON.parse(docs.body) as { paths: object }).paths)).toEqual(expect.arrayContaining(['/v1/mentions', '/v1/search']));
      expect(search.status).toBe(200);
      // Written through one replica's store bridge, read through any other's; never echoed.
      expect(settings.status).toBe(200);
      expect((JSON.parse(settings.body) as { keys: { name: string }[] }).keys.map((key) => key.name).sort()).toEqual(['appSecret', 'verifyToken']);
      expect(settings.body).not.toContain('replicas-whatsapp-secret');
    }
  });

  it("refuses with 503 on a replica while the main thread's publish gate is full, before validating the mention", async () => {
    // The gate that the main thread's AcceptMention publishes through, every slot held.
    const gate = service.app.get(PublishGate);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slots = Array.from({ length: gate.maxInFlight }, () => gate.run(() => held));
    const incomplete = { tenantId: 'demo', channel: 'x' };
    try {
      // An incomplete mention: a replica that only learnt of the full gate from the main thread would answer 400 first.
      const answers = await Promise.all(Array.from({ length: 16 }, () => onFreshConnection(service.url, 'POST', '/v1/mentions', incomplete)));
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 503));
      expect(answers.map((answer) => (JSON.parse(answer.body) as { type: string }).type)).toEqual(answers.map(() => '/problems/overloaded'));
    } finally {
      release();
      await Promise.all(slots);
    }
    expect((await onFreshConnection(service.url, 'POST', '/v1/mentions', incomplete)).status).toBe(400);
  });

  it('refuses a request without a token on a replica as on the main thread', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const req = request(`${service.url}/v1/mentions`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } });
      req.once('error', reject);
      req.once('response', (res) => (res.resume(), resolve(res.statusCode!)));
      req.end(JSON.stringify(aCanonicalMention({ externalId: 'no-token' })));
    });
    expect(answer).toBe(401);
  });
});

describe('the all-in-one with two front-door replicas, while it starts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-e2e-replicas-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is not ready before the replicas hold the whole port (the placeholder still answered part of the connections with 503)', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let started = false;
    const earlyAnswers: number[] = [];
    const probing = (async () => {
      while (!started) {
        const answer = await onFreshConnection(url, 'GET', '/readyz').catch(() => undefined);
        // Read in an I/O callback: a `started` set by the resolved start is seen here already.
        if (answer && !started) earlyAnswers.push(answer.status);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const service = await startAllInOne({ PORT: String(port), CXM_HOST: '127.0.0.1', CXM_DATA_DIR: dataDir, CXM_ADMIN_TOKEN: E2E_ADMIN_TOKEN, CXM_TENANTS: 'demo', CXM_LOG_LEVEL: 'warn', ...TWO_REPLICAS });
    started = true;
    await probing;
    try {
      // Probed during the start (the placeholder listens from the beginning), never ready before it ended.
      expect(earlyAnswers.length).toBeGreaterThan(0);
      expect(earlyAnswers.filter((status) => status === 200)).toEqual([]);
      expect((await onFreshConnection(url, 'GET', '/readyz')).status).toBe(200);
    } finally {
      await service.app.close();
    }
  });
});
