import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ForegroundActivity } from '@cxm/platform-embedded';
import { Middleware, pathOf } from '../middleware';
import { handOverToLifecycleThread, sandboxDeliveriesAreLifecycleWork } from './hand-over-to-lifecycle-thread';

const answeredBy = async (answer: Response) => ((await answer.json()) as { answeredBy: string }).answeredBy;

type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/**
 * The middleware run in order over Node.js's request and response, as Fastify's middie runs them
 * before any body is read; then `route`, with the body read. An error passed to `next` is a 500.
 */
function listen(middleware: Middleware[], route: Route): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const runFrom = (i: number) => (error?: unknown) => {
      if (error) return void answerJson(res, 500, { error: String(error) });
      if (i < middleware.length) return middleware[i](req, res, runFrom(i + 1));
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => route(req, res, body));
    };
    runFrom(0)();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

function answerJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

describe('handOverToLifecycleThread', () => {
  let thread: { server: Server; url: string };
  let frontDoor: { server: Server; url: string };
  const seenByThread: { method: string; url: string; body: string; authorization?: string }[] = [];

  beforeAll(async () => {
    thread = await listen([], (req, res, body) => {
      seenByThread.push({ method: req.method!, url: req.url!, body, authorization: req.headers.authorization });
      answerJson(res, 200, { answeredBy: 'lifecycle thread' });
    });
    frontDoor = await listen([handOverToLifecycleThread(thread.url)], (req, res, body) =>
      answerJson(res, 202, { answeredBy: 'front door', body: req.headers['content-type'] === 'application/json' ? (JSON.parse(body) as unknown) : body }),
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => frontDoor.server.close(resolve));
    await new Promise((resolve) => thread.server.close(resolve));
  });

  it("hands the lifecycle services' routes over unchanged: method, path, query, body and token", async () => {
    const answer = await fetch(`${frontDoor.url}/v1/search?limit=5`, { method: 'POST', headers: { authorization: 'Bearer t0k3n', 'content-type': 'application/json' }, body: '{"query":"battery"}' });
    expect(await answer.json()).toEqual({ answeredBy: 'lifecycle thread' });
    expect(seenByThread.at(-1)).toEqual({ method: 'POST', url: '/v1/search?limit=5', body: '{"query":"battery"}', authorization: 'Bearer t0k3n' });
    expect(await answeredBy(await fetch(`${frontDoor.url}/v1/profiles/p-1`))).toBe('lifecycle thread');
    expect(await answeredBy(await fetch(`${frontDoor.url}/v1/cases/c-1/replies`, { method: 'POST', body: '{}' }))).toBe('lifecycle thread');
  });

  it("keeps ingest's routes, health and unknown paths on the front door", async () => {
    const before = seenByThread.length;
    const accepted = await fetch(`${frontDoor.url}/v1/mentions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toEqual({ answeredBy: 'front door', body: { text: 'hi' } });
    for (const path of ['/v1/mentions/batch', '/v1/webhooks/demo/x', '/readyz', '/v1/nowhere']) {
      expect(await answeredBy(await fetch(`${frontDoor.url}${path}`, { method: 'POST', body: '{}' }))).toBe('front door');
    }
    expect(seenByThread.length).toBe(before);
  });

  it('answers 503 problem details, with Retry-After, while the thread does not answer', async () => {
    // The discard port: nothing listens there.
    const orphan = await listen([handOverToLifecycleThread('http://127.0.0.1:9')], (req, res) => answerJson(res, 200, { answeredBy: 'front door' }));
    try {
      const answer = await fetch(`${orphan.url}/v1/search`, { method: 'POST', body: '{}' });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(await answer.json()).toMatchObject({ status: 503, detail: 'the lifecycle thread is not answering', retryAfterSeconds: 1 });
    } finally {
      await new Promise((resolve) => orphan.server.close(resolve));
    }
  });

  it("counts the sandbox's deliveries and handed-over requests as the lifecycle thread's work, ingest's as the front door's", async () => {
    const foreground = new ForegroundActivity();
    const seen = ForegroundActivity.seenFrom(foreground.shareWithThreads());
    const busyWhileAnswering: Record<string, boolean> = {};
    const countRequestsInProgress: Middleware = (req, res, next) => {
      foreground.begin(); // as countRequestsInProgress does, before any middleware
      res.once('close', () => foreground.end());
      next();
    };
    // The lifecycle thread's side notes whether the front door counted itself busy while a
    // handed-over request was still in flight.
    const lifecycle = await listen([], (req, res) => {
      busyWhileAnswering[`handed over ${pathOf(req)}`] = seen.busy;
      answerJson(res, 200, { answeredBy: 'lifecycle thread' });
    });
    const door = await listen([countRequestsInProgress, handOverToLifecycleThread(lifecycle.url, foreground), sandboxDeliveriesAreLifecycleWork(foreground)], (req, res) => {
      busyWhileAnswering[pathOf(req)] = seen.busy;
      answerJson(res, 200, {});
    });
    try {
      await fetch(`${door.url}/sandbox/outbound/x`, { method: 'POST', body: '{}' });
      await fetch(`${door.url}/v1/mentions`, { method: 'POST', body: '{}' });
      expect(await answeredBy(await fetch(`${door.url}/v1/search`, { method: 'POST', body: '{}' }))).toBe('lifecycle thread');
      expect(busyWhileAnswering).toEqual({ '/sandbox/outbound/x': false, '/v1/mentions': true, 'handed over /v1/search': false });
    } finally {
      await new Promise((resolve) => door.server.close(resolve));
      await new Promise((resolve) => lifecycle.server.close(resolve));
    }
  });
});
