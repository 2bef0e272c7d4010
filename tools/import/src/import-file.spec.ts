import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import { runImportCli } from './cli';
import { importFile, ImportOptions } from './import-file';
import { FatalImportError, MentionsApi } from './mentions-api';

type Handler = (items: { externalId?: string; text?: string }[], request: IncomingMessage, response: ServerResponse) => void;

/** A stand-in for the batch route over a real socket: records what it was sent, answers as told. */
class FakeBatchRoute {
  readonly received: string[] = [];
  requests = 0;
  private server!: Server;
  handler: Handler = (items, _request, response) => this.accept(items, response);

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        this.requests++;
        this.handler((JSON.parse(body) as { items: { externalId?: string }[] }).items, request, response);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  answer(response: ServerResponse, statuses: number[]): void {
    const answers = statuses.map((status, index) =>
      status === 400 ? { index, status, errors: [{ field: 'text', message: 'text is not allowed to be "bad"' }] } : { index, status, duplicate: status === 200 },
    );
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: answers }));
  }

  accept(items: { externalId?: string }[], response: ServerResponse, statuses = items.map(() => 202)): void {
    // Only what the route stored: 202 (new) and 200 (already there); 4xx and 5xx stored nothing.
    items.forEach((item, i) => statuses[i] < 300 && this.received.push(item.externalId!));
    this.answer(response, statuses);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function aFile(dir: string, count: number, bad: number[] = []): string {
  const path = join(dir, 'mentions.ndjson');
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ externalId: `m-${i + 1}`, text: bad.includes(i + 1) ? 'bad' : `Merhaba ${i + 1} 🙂` }),
  );
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('importFile', () => {
  let route: FakeBatchRoute;
  let url: string;
  let dir: string;

  beforeEach(async () => {
    route = new FakeBatchRoute();
    route.handler = (items, _request, response) => route.accept(items, response, items.map((i) => (i.text === 'bad' ? 400 : 202)));
    url = await route.start();
    dir = mkdtempSync(join(tmpdir(), 'cxm-import-'));
  });

  afterEach(async () => {
    await route.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const optionsFor = (file: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
    file,
    format: 'ndjson',
    api: new MentionsApi(url, 'token-0123456789abcdef', { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 }),
    checkpointPath: `${file}.checkpoint.json`,
    rejectsPath: `${file}.rejects.ndjson`,
    batchSize: 7,
    concurrency: 3,
    ...extra,
  });

  it('sends every line once, reports rejected lines by number, and records a complete checkpoint', async () => {
    const file = aFile(dir, 50, [4, 31]);
    const summary = await importFile(optionsFor(file));

    expect(summary.counts).toEqual({ accepted: 48, duplicates: 0, edited: 0, rejected: 2 });
    expect(summary.rejections.map((r) => [r.line, r.reason])).toEqual([
      [4, 'text: text is not allowed to be "bad"'],
      [31, 'text: text is not allowed to be "bad"'],
    ]);
    expect(readFileSync(`${file}.rejects.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l).line)).toEqual([4, 31]);
    expect(route.received.sort()).toEqual(Array.from({ length: 50 }, (_, i) => i + 1).filter((n) => n !== 4 && n !== 31).map((n) => `m-${n}`).sort());
    expect(readCheckpoint(`${file}.checkpoint.json`)).toMatchObject({ line: 50, complete: true, offset: readFileSync(file).length });
  });

  it('does nothing when the checkpoint says the file was imported', async () => {
    const file = aFile(dir, 10);
    await importFile(optionsFor(file));
    const before = route.requests;
    const again = await importFile(optionsFor(file));
    expect(again.alreadyComplete).toBe(true);
    expect(route.requests).toBe(before);
  });

  it('resumes after a clean interruption from the acknowledged prefix, sending nothing twice', async () => {
    const file = aFile(dir, 200, [150]);
    const abort = new AbortController();
    route.handler = (items, _request, response) => {
      route.accept(items, response, items.map((i) => (i.text === 'bad' ? 400 : 202)));
      if (route.requests === 5) abort.abort();
    };
    const first = await importFile(optionsFor(file, { signal: abort.signal }));
    expect(first.complete).toBe(false);
    expect(first.line).toBeGreaterThan(0);

    route.handler = (items, _request, response) => route.accept(items, response, items.map((i) => (i.text === 'bad' ? 400 : 202)));
    const second = await importFile(optionsFor(file));
    expect(second.resumedFromLine).toBe(first.line);
    expect(second.counts).toEqual({ accepted: 199, duplicates: 0, edited: 0, rejected: 1 });
    expect(new Set(route.received).size).toBe(route.received.length);
    expect(route.received).toHaveLength(199);
  });

  it('after a crash resends only what lies past the checkpoint, and lists no rejected line twice', async () => {
    const file = aFile(dir, 30, [3, 25]);
    await importFile(optionsFor(file, { batchSize: 30 }));
    // As if killed: the checkpoint is back at line 10, and the rejects file holds a line past it.
    const lineTenEnd = Buffer.byteLength(readFileSync(file, 'utf8').split('\n').slice(0, 10).join('\n') + '\n');
    const rejectsBefore = readFileSync(`${file}.rejects.ndjson`, 'utf8').split('\n')[0] + '\n';
    writeCheckpoint(`${file}.checkpoint.json`, {
      ...readCheckpoint(`${file}.checkpoint.json`)!,
      line: 10,
      offset: lineTenEnd,
      rejectsBytes: Buffer.byteLength(rejectsBefore),
      counts: { accepted: 9, duplicates: 0, edited: 0, rejected: 1 },
      complete: false,
    });
    route.received.length = 0;
    route.handler = (items, _request, response) => route.accept(items, response, items.map((i) => (i.text === 'bad' ? 400 : 200)));

    const resumed = await importFile(optionsFor(file));
    expect(route.received).toEqual(Array.from({ length: 20 }, (_, i) => `m-${i + 11}`).filter((id) => id !== 'm-25'));
    expect(resumed.counts).toEqual({ accepted: 9, duplicates: 19, edited: 0, rejected: 2 });
    expect(readFileSync(`${file}.rejects.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l).line)).toEqual([3, 25]);
  });

  it('waits as long as Retry-After says when the server answers 429, then goes on', async () => {
    const file = aFile(dir, 5);
    route.handler = (items, _request, response) => {
      if (route.requests === 1) return void response.writeHead(429, { 'retry-after': '1', 'content-type': 'application/problem+json' }).end('{"status":429}');
      route.accept(items, response);
    };
    const started = Date.now();
    const summary = await importFile(optionsFor(file, { batchSize: 10 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(summary.counts.accepted).toBe(5);
    expect(route.requests).toBe(2);
  });

  it('resends the items the server answered 503 for (not stored), and only those', async () => {
    const file = aFile(dir, 6);
    route.handler = (items, _request, response) => route.accept(items, response, items.map((_, i) => (route.requests === 1 && i % 2 ? 503 : 202)));
    const summary = await importFile(optionsFor(file, { batchSize: 6 }));
    expect(summary.counts.accepted).toBe(6);
    expect(route.received.sort()).toEqual(['m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6']);
  }, 10_000);

  it("refuses a checkpoint that belongs to another file's content", async () => {
    const file = aFile(dir, 5);
    await importFile(optionsFor(file));
    writeFileSync(file, '{"externalId":"other"}\n');
    await expect(importFile(optionsFor(file))).rejects.toThrow(FatalImportError);
  });

  it('stops with a fatal error when the token is refused, keeping the checkpoint resumable', async () => {
    const file = aFile(dir, 5);
    route.handler = (_items, _request, response) => void response.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"detail":"The bearer token is not valid"}');
    await expect(importFile(optionsFor(file))).rejects.toThrow(/refused the token \(401\): The bearer token is not valid/);
    expect(existsSync(`${file}.checkpoint.json`)).toBe(true);
    expect(readCheckpoint(`${file}.checkpoint.json`)).toMatchObject({ line: 0, complete: false });
  });
});

describe('npm run import (runImportCli)', () => {
  let route: FakeBatchRoute;
  let url: string;
  let dir: string;

  beforeEach(async () => {
    route = new FakeBatchRoute();
    route.handler = (items, _request, response) => route.accept(items, response, items.map((i) => (i.text === 'bad' ? 400 : 202)));
    url = await route.start();
    dir = mkdtempSync(join(tmpdir(), 'cxm-import-cli-'));
  });

  afterEach(async () => {
    await route.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
    let out = '';
    let err = '';
    return runImportCli({ argv, env, stdout: { write: (t: string) => (out += t), isTTY: false }, stderr: { write: (t: string) => (err += t) } }).then((code) => ({ code, out, err }));
  }

  it('takes the URL and token from CXM_URL and CXM_ADMIN_TOKEN, and exits 2 listing rejected lines by number', async () => {
    const file = aFile(dir, 12, [7]);
    const { code, out, err } = await run([file], { CXM_URL: url, CXM_ADMIN_TOKEN: 'token-0123456789abcdef' });
    expect(code).toBe(2);
    expect(out).toContain('done: 11 new, 0 duplicate, 0 edited, 1 rejected, up to line 12');
    expect(err).toContain('line 7: text: text is not allowed to be "bad" (400)');
    expect(err).toContain(`${file}.rejects.ndjson`);
  });

  it('lists, after a resumed run, the lines rejected before the interruption too', async () => {
    const file = aFile(dir, 40, [2, 38]);
    const abort = new AbortController();
    route.handler = (items, _request, response) => {
      route.accept(items, response, items.map((i) => (i.text === 'bad' ? 400 : 202)));
      abort.abort();
    };
    const api = new MentionsApi(url, 'token-0123456789abcdef');
    const first = await importFile({ file, format: 'ndjson', api, checkpointPath: `${file}.checkpoint.json`, rejectsPath: `${file}.rejects.ndjson`, batchSize: 10, concurrency: 1, signal: abort.signal });
    expect(first.complete).toBe(false);
    route.handler = (items, _request, response) => route.accept(items, response, items.map((i) => (i.text === 'bad' ? 400 : 202)));

    const { code, err } = await run([file, '--url', url, '--token', 'token-0123456789abcdef']);
    expect(code).toBe(2);
    expect(err).toContain('2 rejected line(s)');
    expect(err.indexOf('line 2:')).toBeLessThan(err.indexOf('line 38:'));
  });

  it('exits 1 naming the problem when no token is given', async () => {
    const { code, err } = await run(['some.ndjson', '--url', url]);
    expect(code).toBe(1);
    expect(err).toContain('give --token or set CXM_ADMIN_TOKEN');
  });

  it('exits 0 when every line was accepted', async () => {
    const file = aFile(dir, 3);
    const { code } = await run([file, '--url', url, '--token', 'token-0123456789abcdef']);
    expect(code).toBe(0);
  });
});
