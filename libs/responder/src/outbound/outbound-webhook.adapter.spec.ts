import { randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ReplyRecord } from '../reply-record';
import { OutboundWebhookChannel } from './outbound-webhook.adapter';

interface Received {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver that answers every request with `status` and records what it got. */
async function aWebhookServer(answer: { status: number; delayMs?: number }): Promise<{ server: Server; base: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      setTimeout(() => res.writeHead(answer.status, { 'content-type': 'application/json' }).end('{"ok":true}'), answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, received };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function aReply(overrides: Partial<ReplyRecord> = {}): ReplyRecord {
  return {
    id: randomUUID(),
    tenantId: 'demo',
    caseId: randomUUID(),
    mentionId: randomUUID(),
    channel: 'x',
    conversationId: 'x:conv-1',
    inReplyToExternalId: 'tw-1',
    text: 'We are on it.',
    origin: 'agent',
    requestedAt: '2026-11-20T10:00:00.000Z',
    status: 'requested',
    attempts: 0,
    ...overrides,
  };
}

describe('OutboundWebhookChannel', () => {
  const servers: Server[] = [];

  async function serve(answer: { status: number; delayMs?: number }) {
    const started = await aWebhookServer(answer);
    servers.push(started.server);
    return started;
  }

  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close));
  });

  it('POSTs the reply as JSON with the reply id as Idempotency-Key and reports it delivered', async () => {
    const { base, received } = await serve({ status: 202 });
    const reply = aReply();
    const outcome = await new OutboundWebhookChannel({ webhooks: { x: `${base}/replies` }, timeoutMs: 2_000 }).send(reply);

    expect(outcome).toEqual({ kind: 'delivered', statusCode: 202 });
    expect(received).toHaveLength(1);
    expect(received[0].method).toBe('POST');
    expect(received[0].url).toBe('/replies');
    expect(received[0].headers['idempotency-key']).toBe(reply.id);
    expect(received[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0].body)).toEqual({
      replyId: reply.id,
      tenantId: 'demo',
      channel: 'x',
      conversationId: 'x:conv-1',
      inReplyTo: 'tw-1',
      text: 'We are on it.',
    });
  });

  it('replaces {channel} in the fallback URL with the reply channel', async () => {
    const { base, received } = await serve({ status: 200 });
    const channel = new OutboundWebhookChannel({ webhooks: { '*': `${base}/platforms/{channel}/replies` }, timeoutMs: 2_000 });
    await channel.send(aReply({ channel: 'reddit' }));
    await channel.send(aReply({ channel: 'whatsapp' }));
    expect(received.map((r) => r.url)).toEqual(['/platforms/reddit/replies', '/platforms/whatsapp/replies']);
  });

  it("prefers the channel's own webhook over the fallback", async () => {
    const own = await serve({ status: 200 });
    const fallback = await serve({ status: 200 });
    await new OutboundWebhookChannel({ webhooks: { x: `${own.base}/x`, '*': `${fallback.base}/any` }, timeoutMs: 2_000 }).send(aReply({ channel: 'x' }));
    expect(own.received).toHaveLength(1);
    expect(fallback.received).toHaveLength(0);
  });

  it.each([
    [500, 'retryable'],
    [503, 'retryable'],
    [408, 'retryable'],
    [429, 'retryable'],
    [400, 'rejected'],
    [404, 'rejected'],
    [422, 'rejected'],
  ] as const)('reports an HTTP %d answer as %s', async (status, kind) => {
    const { base } = await serve({ status });
    const outcome = await new OutboundWebhookChannel({ webhooks: { '*': base }, timeoutMs: 2_000 }).send(aReply());
    expect(outcome).toEqual({ kind, statusCode: status, error: `webhook answered ${status}` });
  });

  it('reports a refused connection as retryable', async () => {
    const { server, base } = await serve({ status: 200 });
    await close(server);
    const outcome = await new OutboundWebhookChannel({ webhooks: { '*': base }, timeoutMs: 2_000 }).send(aReply());
    expect(outcome.kind).toBe('retryable');
    expect(outcome).toMatchObject({ error: expect.stringMatching(/^webhook unreachable: /) });
    expect(outcome.statusCode).toBeUndefined();
  });

  it('reports a webhook slower than the timeout as retryable', async () => {
    const { base } = await serve({ status: 200, delayMs: 1_000 });
    const outcome = await new OutboundWebhookChannel({ webhooks: { '*': base }, timeoutMs: 100 }).send(aReply());
    expect(outcome).toMatchObject({ kind: 'retryable', error: expect.stringMatching(/^webhook unreachable: /) });
  });

  it('rejects a reply for a channel without a webhook, sending nothing', async () => {
    const { base, received } = await serve({ status: 200 });
    const outcome = await new OutboundWebhookChannel({ webhooks: { x: base }, timeoutMs: 2_000 }).send(aReply({ channel: 'email' }));
    expect(outcome).toEqual({ kind: 'rejected', error: 'no outbound webhook is configured for channel "email"' });
    expect(received).toHaveLength(0);
  });

  it('reads the webhooks at each send, so a later configuration change applies', async () => {
    const { base, received } = await serve({ status: 200 });
    const settings = { webhooks: {} as Record<string, string>, timeoutMs: 2_000 };
    const channel = new OutboundWebhookChannel(settings);
    expect((await channel.send(aReply())).kind).toBe('rejected');
    settings.webhooks['*'] = base;
    expect((await channel.send(aReply())).kind).toBe('delivered');
    expect(received).toHaveLength(1);
  });
});
