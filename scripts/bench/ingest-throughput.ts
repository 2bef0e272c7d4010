/**
 * `npm run bench:ingest [-- --seconds 15 --connections 64 --rate 1000 --app all-in-one|ingest --batch 1 --cpu-prof DIR]`: how many mentions per
 * second the all-in-one (embedded adapters, every downstream consumer running in the same process)
 * accepts over `POST /v1/mentions`, and its latency at full speed and at a fixed offered rate.
 *
 * Each phase gets a fresh all-in-one in a temp data dir, as a child process (so the load generator
 * does not share its event loop), warmed up first. The workload is the multilingual demo set (eleven
 * languages, every channel it knows, threads with replies), each mention sent once with a unique
 * externalId. Accepted counts come from the server's own `/metrics`; CPU time from /proc.
 */
import { generateDemoMentions } from '@cxm/demo';
import { freePort } from '@cxm/distributed-launcher';
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const TOKEN = 'bench-admin-token-0123456789';
const TARGET_PER_SECOND = 5_000;
const TARGET_P99_MS = 50;
const ROOT = join(__dirname, '..', '..');

/**
 * Bodies the workload sends, as JSON with `__N__` where a unique number goes. Canonical mentions of
 * the demo set today. Hook for the webhook connectors: add their native fixtures here as
 * `{ path: '/v1/webhooks/demo/<channel>', headers, body }` entries once they are on main.
 */
function workload(batch: number): { path: string; body: string }[] {
  const single = generateDemoMentions({ tenantId: 'demo', count: 3_000, now: new Date('2026-11-20T12:00:00Z') }).map((mention) => ({
    path: '/v1/mentions',
    body: JSON.stringify({ ...mention, externalId: `${mention.externalId}-__N__`, ...(mention.inReplyTo ? { inReplyTo: `${mention.inReplyTo}-__N__` } : {}) }),
  }));
  if (batch <= 1) return single;
  // `--batch N`: the bulk-import route, N mentions per request (each still unique: `__N__` is per request).
  const batches: { path: string; body: string }[] = [];
  for (let i = 0; i + batch <= single.length; i += batch) {
    batches.push({ path: '/v1/mentions/batch', body: `{"items":[${single.slice(i, i + batch).map((b) => b.body).join(',')}]}` });
  }
  return batches;
}

class Server {
  constructor(
    private readonly app: 'all-in-one' | 'ingest',
    /** `--cpu-prof DIR`: the measured phase's V8 CPU profile goes there (scripts/bench/cpu-profile.js). */
    private readonly cpuProfDir?: string,
  ) {}
  private child?: ChildProcess;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'cxm-bench-ingest-'));
  url = '';

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [...(this.cpuProfDir ? ['-r', './scripts/bench/cpu-profile.js'] : []), '-r', './scripts/register.js', `apps/${this.app}/src/main.ts`], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), CXM_DATA_DIR: this.dataDir, CXM_ADMIN_TOKEN: TOKEN, CXM_LOG_LEVEL: 'warn', CXM_INGEST_RATE_LIMIT: '0', ...(this.cpuProfDir ? { CXM_BENCH_CPU_PROF_DIR: this.cpuProfDir } : {}) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
      if ((await fetch(`${this.url}/healthz`).catch(() => undefined))?.ok) return;
    }
    throw new Error('the all-in-one did not start');
  }

  /** Starts, then (the second time) stops and writes, the CPU profile; nothing without `--cpu-prof`. */
  async toggleProfiler(): Promise<void> {
    if (!this.cpuProfDir) return;
    this.child!.kill('SIGWINCH');
    await sleep(500); // the profile is written asynchronously
  }

  /** User and system (kernel: writes, fsyncs, sockets) CPU seconds, all threads of the server. */
  cpuSplit(): { user: number; system: number } {
    const fields = readFileSync(`/proc/${this.child!.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
  }

  async accepted(): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    return [...text.matchAll(/^cxm_ingest_mentions_total\{[^}]*outcome="accepted"[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  }

  async stop(): Promise<void> {
    const child = this.child!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Phase {
  accepted: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  cpuSeconds: number;
  systemSeconds: number;
  seconds: number;
}

async function runPhase(
  app: 'all-in-one' | 'ingest',
  bodies: { path: string; body: string }[],
  options: { seconds: number; connections: number; rate?: number; cpuProfDir?: string },
  counter: { n: number },
): Promise<Phase> {
  const server = new Server(app, options.cpuProfDir);
  await server.start();
  try {
    await fire(server.url, bodies, { seconds: 3, connections: 16 }, counter); // warm-up: JIT, journals, first partitions
    await server.toggleProfiler();
    const acceptedBefore = await server.accepted();
    const cpuBefore = server.cpuSplit();
    const result = await fire(server.url, bodies, options, counter);
    const accepted = (await server.accepted()) - acceptedBefore;
    const cpuAfter = server.cpuSplit();
    const systemSeconds = cpuAfter.system - cpuBefore.system;
    const cpuSeconds = cpuAfter.user - cpuBefore.user + systemSeconds;
    await server.toggleProfiler();
    return {
      accepted,
      perSecond: accepted / options.seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      cpuSeconds,
      systemSeconds,
      seconds: options.seconds,
    };
  } finally {
    await server.stop();
  }
}

function fire(url: string, bodies: { path: string; body: string }[], options: { seconds: number; connections: number; rate?: number }, counter: { n: number }) {
  return autocannon({
    url,
    duration: options.seconds,
    connections: options.connections,
    overallRate: options.rate,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    requests: [
      {
        setupRequest: (request) => {
          const n = counter.n++;
          const next = bodies[n % bodies.length];
          return { ...request, path: next.path, body: next.body.replaceAll('__N__', String(n)) };
        },
      },
    ],
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '15' },
      // Default 64 single requests, or 8 batch requests, in flight.
      connections: { type: 'string' },
      rate: { type: 'string', default: '1000' },
      // `ingest`: the ingest service alone on the embedded adapters (no consumer competing for its event loop).
      app: { type: 'string', default: 'all-in-one' },
      batch: { type: 'string', default: '1' },
      // A directory: each phase's server writes a V8 CPU profile of the measured phase there.
      'cpu-prof': { type: 'string' },
    },
  });
  const batch = Number(values.batch);
  const connections = Number(values.connections ?? (batch > 1 ? 8 : 64));
  const app = values.app === 'ingest' ? 'ingest' : 'all-in-one';
  const seconds = Number(values.seconds);
  const rate = Number(values.rate);
  const bodies = workload(batch);
  const counter = { n: 0 };
  const cpuProfDir = values['cpu-prof'];
  const full = await runPhase(app, bodies, { seconds, connections, cpuProfDir }, counter);
  // The offered rate is in mentions per second whatever the batch size.
  const fixed = await runPhase(app, bodies, { seconds, connections: 50, rate: Math.max(1, Math.round(rate / batch)), cpuProfDir }, counter);
  const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;
  process.stdout.write(
    [
      `ingest throughput, ${app === 'ingest' ? 'ingest service alone' : 'all-in-one (every consumer in the same process)'} on embedded adapters, ${batch > 1 ? `POST /v1/mentions/batch (${batch} per request; latency is per request)` : 'POST /v1/mentions'}, 3000 demo mentions in 11 languages`,
      `  full speed (${connections} connections, ${seconds} s): ${full.perSecond.toFixed(0).padStart(6)} accepted/s   ${(full.perSecond / TARGET_PER_SECOND).toFixed(2)} × target (${TARGET_PER_SECOND}/s)`,
      `      p50 ${ms(full.p50)}   p99 ${ms(full.p99)}   non-2xx ${full.non2xx}   server CPU ${full.cpuSeconds.toFixed(1)} s (${(full.cpuSeconds / seconds).toFixed(2)} cores; ${full.systemSeconds.toFixed(1)} s of it in the kernel)`,
      // CPU per accepted mention is what a shared machine distorts least: it says what one idle core would sustain.
      `      server CPU per accepted mention ${((full.cpuSeconds * 1000) / Math.max(1, full.accepted)).toFixed(2)} ms → ${(full.accepted / Math.max(0.001, full.cpuSeconds)).toFixed(0)} accepted/s per CPU-second`,
      `  fixed ${rate}/s offered (${seconds} s): ${fixed.perSecond.toFixed(0)} accepted/s`,
      `      p50 ${ms(fixed.p50)}   p99 ${ms(fixed.p99)}   ${(fixed.p99 / TARGET_P99_MS).toFixed(2)} × budget (p99 < ${TARGET_P99_MS} ms)   non-2xx ${fixed.non2xx}   server CPU ${fixed.cpuSeconds.toFixed(1)} s`,
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  process.stderr.write(`bench:ingest: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
