import { Body, Controller, INestApplication, Module, Post, Req } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { ProblemDetailsFilter } from './problem-details.filter';
import { MAX_BODY_BYTES } from './request-body';
import { startProbeApp } from './testing/start-probe-app';
import { LOGGER } from './tokens';

@Controller()
class ProbeController {
  @Post('v1/webhooks/:tenantId/:channel')
  webhook(@Req() request: FastifyRequest): { isBuffer: boolean; sha256: string } {
    const body = request.body as Buffer;
    return { isBuffer: Buffer.isBuffer(body), sha256: createHash('sha256').update(body).digest('hex') };
  }

  @Post('v1/mentions/batch')
  batch(@Body() body: { items: unknown[] }): { items: number } {
    return { items: body.items.length };
  }

  @Post('v1/probe')
  echo(@Body() body: unknown): { body: unknown } {
    return { body: body ?? null };
  }
}

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

@Module({ controllers: [ProbeController], providers: [{ provide: LOGGER, useValue: silent }, { provide: APP_FILTER, useClass: ProblemDetailsFilter }] })
class ProbeModule {}

/** A raw HTTP/1.1 request (fetch cannot send a chunked body without a length, nor lie about one). */
function send(url: string, path: string, headers: Record<string, string>, chunks: Buffer[]): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(`${url}${path}`, { method: 'POST', headers }, (answer) => {
      const parts: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => parts.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode!, body: JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, unknown> }));
    });
    // The server may answer (413) and close before the whole body is written.
    call.on('error', reject);
    for (const chunk of chunks) call.write(chunk);
    call.end();
  });
}

describe('request bodies (readRequestBodies)', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    ({ app, url } = await startProbeApp(ProbeModule));
  });

  afterAll(() => app.close());

  it('hands a webhook its exact bytes, whatever the content type says', async () => {
    // Not valid JSON, odd spacing, a byte sequence that is not UTF-8: a signature covers these bytes, not a re-encoding.
    const bytes = Buffer.concat([Buffer.from('{ "a" :1 ,'), Buffer.from([0xff, 0xfe]), Buffer.from('}')]);
    const answer = await fetch(`${url}/v1/webhooks/demo/x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
    expect(await answer.json()).toEqual({ isBuffer: true, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('parses a JSON body and leaves a body of another type unread', async () => {
    const json = await fetch(`${url}/v1/probe`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"text":"Merhaba 👋"}' });
    expect(await json.json()).toEqual({ body: { text: 'Merhaba 👋' } });
    const text = await fetch(`${url}/v1/probe`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"text":"hi"}' });
    expect(await text.json()).toEqual({ body: null });
    const empty = await fetch(`${url}/v1/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
    expect(await empty.json()).toEqual({ body: {} });
  });

  it('answers malformed JSON with 400, saying where it broke', async () => {
    const answer = await fetch(`${url}/v1/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": "hi",}' });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ type: '/problems/malformed-json', status: 400, detail: expect.stringContaining('position 14') });
  });

  it('refuses JSON that is neither an object nor an array, as a strict parser does', async () => {
    const answer = await fetch(`${url}/v1/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ' "text"' });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ type: '/problems/malformed-json', detail: expect.stringContaining('position 1') });
  });

  it("refuses a body over its route's limit with 413, from its Content-Length or while reading a chunked one", async () => {
    const over = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const declared = await send(url, '/v1/probe', { 'content-type': 'application/json', 'content-length': String(over.length) }, [over]);
    expect(declared).toMatchObject({ status: 413, body: { type: '/problems/payload-too-large' } });
    const chunked = await send(url, '/v1/probe', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, [over.subarray(0, 1000), over.subarray(1000)]);
    expect(chunked).toMatchObject({ status: 413, body: { type: '/problems/payload-too-large' } });
  });

  it('lets the batch route take more than the general limit, however its path is spelled', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ text: `mention ${i} `.repeat(10) }));
    const body = JSON.stringify({ items });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY_BYTES);
    for (const path of ['/v1/mentions/batch', '/v1/mentions/batch/', '/v1/mentions/batch?dryRun=false']) {
      const answer = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(await answer.json()).toEqual({ items: 3000 });
    }
  });

  it('unpacks a gzip body, the limit applying to what it unpacks to', async () => {
    const packed = await send(url, '/v1/probe', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, [gzipSync('{"text":"packed"}')]);
    expect(packed).toEqual({ status: 201, body: { body: { text: 'packed' } } });
    const bomb = gzipSync(Buffer.alloc(MAX_BODY_BYTES + 1, 0x20));
    expect(bomb.length).toBeLessThan(MAX_BODY_BYTES);
    expect(await send(url, '/v1/probe', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, [bomb])).toMatchObject({ status: 413 });
    expect(await send(url, '/v1/probe', { 'content-type': 'application/json', 'content-encoding': 'compress' }, [Buffer.from('{}')])).toMatchObject({ status: 415, body: { type: '/problems/unsupported-media-type' } });
  });

  it('reads JSON as UTF-8 only, past a byte order mark, and refuses a body of whitespace alone', async () => {
    const latin1 = await send(url, '/v1/probe', { 'content-type': 'application/json; charset=iso-8859-1' }, [Buffer.from('{"text":"caf\xe9"}', 'latin1')]);
    expect(latin1).toMatchObject({ status: 415, body: { type: '/problems/unsupported-media-type', detail: expect.stringContaining('iso-8859-1') } });
    const bom = await send(url, '/v1/probe', { 'content-type': 'application/json' }, [Buffer.from('\uFEFF{"text":"café"}', 'utf8')]);
    expect(bom).toEqual({ status: 201, body: { body: { text: 'café' } } });
    expect(await send(url, '/v1/probe', { 'content-type': 'application/json' }, [Buffer.from('  \n ')])).toMatchObject({ status: 400, body: { type: '/problems/malformed-json' } });
  });

  it('answers a Content-Type it cannot parse, and a path that does not decode, with problems', async () => {
    const badType = await send(url, '/v1/probe', { 'content-type': 'application/json, charset=utf-8' }, [Buffer.from('{}')]);
    expect(badType).toMatchObject({ status: 415, body: { type: '/problems/unsupported-media-type', status: 415 } });
    const badPath = await send(url, '/v1/webhooks/%E0%A4%A/x', { 'content-type': 'application/json' }, [Buffer.from('{}')]);
    expect(badPath).toMatchObject({ status: 400, body: { type: 'about:blank', status: 400, instance: '/v1/webhooks/%E0%A4%A/x' } });
  });
});
