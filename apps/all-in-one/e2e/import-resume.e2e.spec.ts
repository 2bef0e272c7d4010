import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@cxm/testing';
import { AllInOneProcess, freePort } from './support/all-in-one-process';

jest.setTimeout(900_000);

const ROOT = join(__dirname, '..', '..', '..');
const TOKEN = 'import-e2e-admin-token-0123456789';
const LINES = 100_000;
const TEXTS = ['Батарея снова села 😡', 'แบตเตอรี่หมดเร็วมาก', 'Pil yine bitti, iade istiyorum', "La batterie est morte, c'est nul", 'البطارية لا تعمل', 'バッテリーがすぐ切れる', 'बैटरी बहुत जल्दी खत्म हो जाती है', 'Love the new Aurora X5 🔥'];
const CHANNELS = ['x', 'facebook', 'instagram', 'reddit', 'youtube', 'appstore', 'reviews', 'email', 'chat'];

/** Lines that must be rejected, and why. */
const BAD: Record<number, string> = {
  7: '{"tenantId":"demo", broken json',
  12_345: JSON.stringify({ tenantId: 'demo', channel: 'x', externalId: 'no-author', text: 'x', createdAt: '2026-11-20T10:00:00Z' }),
  50_001: JSON.stringify({ tenantId: 'demo', channel: 'carrier-pigeon', externalId: 'bad-channel', author: { id: '1', handle: '@a', displayName: 'A' }, text: 'x', createdAt: '2026-11-20T10:00:00Z' }),
  99_999: '[1,2,3]',
};

async function writeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (let line = 1; line <= LINES; line++) {
    const text =
      BAD[line] ??
      JSON.stringify({
        tenantId: 'demo',
        channel: CHANNELS[line % CHANNELS.length],
        externalId: `bulk-${line}`,
        author: { id: `author-${line % 2_000}`, handle: `@user${line % 2_000}`, displayName: `User ${line % 2_000}` },
        text: `${TEXTS[line % TEXTS.length]} (#${line})`,
        createdAt: new Date(Date.UTC(2026, 10, 1) + line * 1_000).toISOString(),
      });
    if (!out.write(text + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function startImport(file: string, url: string): { child: ChildProcess; output: () => { stdout: string; stderr: string }; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['-r', './scripts/register.js', 'scripts/import.ts', file, '--url', url], {
    cwd: ROOT,
    env: { ...process.env, CXM_ADMIN_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exited };
}

function metric(text: string, outcome: string): number {
  return [...text.matchAll(new RegExp(`^cxm_ingest_mentions_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
}

describe('npm run import: a 100,000-line file, the CLI killed with -9 midway and resumed', () => {
  let server: AllInOneProcess | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cxm-import-e2e-'));

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts every valid line exactly once and reports each rejected line by its number', async () => {
    const dataDir = join(dir, 'data');
    const file = join(dir, 'mentions.ndjson');
    await writeFile(file);
    const port = String(await freePort());
    const url = `http://127.0.0.1:${port}`;
    server = new AllInOneProcess({ PORT: port, CXM_DATA_DIR: dataDir, CXM_ADMIN_TOKEN: TOKEN, CXM_LOG_LEVEL: 'warn' });
    await server.start();

    const first = startImport(file, url);
    const checkpointPath = `${file}.checkpoint.json`;
    const before = await waitFor(() => {
      if (!existsSync(checkpointPath)) return undefined;
      const checkpoint = JSON.parse(readFileSync(checkpointPath, 'utf8')) as { line: number };
      return checkpoint.line > 20_000 ? checkpoint : undefined;
    }, 600_000, 'the first run to pass line 20,000');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const atCrash = JSON.parse(readFileSync(checkpointPath, 'utf8')) as { line: number; complete: boolean };
    expect(atCrash.complete).toBe(false);
    expect(atCrash.line).toBeGreaterThanOrEqual(before.line);
    expect(atCrash.line).toBeLessThan(LINES);

    const second = startImport(file, url);
    const code = await second.exited;
    const { stdout, stderr } = second.output();
    expect(code).toBe(2); // finished, with rejected lines
    expect(stdout).toContain(`done (resumed after line ${atCrash.line})`);
    const badLines = Object.keys(BAD).map(Number);
    for (const line of badLines) expect(stderr).toContain(`line ${line}:`);
    const rejects = readFileSync(`${file}.rejects.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; reason: string });
    expect(rejects.map((r) => r.line)).toEqual(badLines);
    expect(rejects.find((r) => r.line === 50_001)!.reason).toMatch(/^channel: /);

    const valid = LINES - badLines.length;
    const done = JSON.parse(readFileSync(checkpointPath, 'utf8')) as { complete: boolean; counts: { accepted: number; duplicates: number; rejected: number } };
    expect(done.complete).toBe(true);
    expect(done.counts.accepted + done.counts.duplicates).toBe(valid);
    expect(done.counts.rejected).toBe(badLines.length);

    // The server's own count: every valid line accepted once — none lost, none twice (what the
    // killed run had in flight came back as duplicates).
    const metrics = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(metric(metrics, 'accepted')).toBe(valid);
    expect(metric(metrics, 'duplicate')).toBe(done.counts.duplicates);
    await server.stop();
    server = undefined;
    // And its durable record: one entry per valid line in the accepted-mentions journal.
    const journal = readFileSync(join(dataDir, 'store', 'ingest_accepted_mentions.log'), 'utf8').trim().split('\n');
    expect(new Set(journal.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(valid);
  });
});
