/**
 * `npm run bench:ingest [-- --seconds 15 --connections 64 --rate 1000 --arrivals even|poisson|bursts
 *   --app all-in-one|ingest --workload mixed|canonical --batch N --drain-seconds 120 --warmup-seconds 3 --cpu-prof DIR --node-flags="…" --json]`:
 * how many mentions per second the all-in-one (embedded adapters, every downstream consumer in the
 * same process) accepts, its latency at full speed and at a fixed offered rate, and how fast the
 * lifecycle behind it digests what was accepted.
 *
 * Full speed is autocannon's closed loop. The fixed rate is an open loop (open-loop-load.ts,
 * ADR 0026): requests due at evenly spaced times, each timed from its due time, so the p99 is the
 * one a steady 1,000 mentions/s would see; `--arrivals bursts` reproduces the figures measured
 * before commit b48a329 (2026-12-01) with autocannon's per-second quotas.
 *
 * The default workload (`mixed`, libs/demo/src/native-deliveries) is a brand's traffic in the
 * platforms' own formats: signed webhook deliveries of every push/relay channel, sized like the
 * pages each platform sends, plus bulk-import batches and single canonical posts. Every send
 * carries new native ids, so nothing is deduplicated. `--workload canonical` (and `--batch N`,
 * which implies it) posts the canonical demo mentions only, as before.
 *
 * Each phase gets a fresh server in a temp data dir, as a child process (so the load generator
 * does not share its event loop): channel secrets set through the API, one request of each kind
 * checked, a warm-up (`--warmup-seconds`, 3 by default), then the measured run. Accepted counts
 * come from the server's own `/metrics`; CPU time from /proc; the digest from `POST /v1/search` totals.
 *
 * The fixed-rate phase also says when its slowest 1 % were due (in how many 100 ms windows, and
 * the fullest one): a p99 made by one or two stalls, every request due in them waiting alike, reads
 * differently from a tail spread over the whole phase.
 */
import { freePort } from '@cxm/distributed-launcher';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_TENANT, canonicalWorkload, mixedWorkload, renderSend, RequestTemplate, Workload } from '@cxm/demo';
import { ALL_IN_ONE_NODE_FLAGS } from '../../apps/all-in-one/src/node-flags';
import { fire, nextSend } from './deck-load';
import { peakResidentMiB, processCpuSeconds, processCpuSplit, threadCpuSeconds, threadCpuSpent, untilHealthy } from './server-process';
import { OpenLoopResult, runOpenLoop } from './open-loop-load';
import { percentile } from './percentile';

const TOKEN = 'bench-admin-token-0123456789';
const TARGET_PER_SECOND = 5_000;
const TARGET_P99_MS = 50;
const ROOT = join(__dirname, '..', '..');
/** Statuses the server may answer under load by design: backpressure (503) and the tenant rate limit (429; the shipped 20,000/s is left on). */
const EXPECTED_REFUSALS = new Set(['503', '429']);

type App = 'all-in-one' | 'ingest';

interface IngestCounts {
  /** By outcome (accepted, duplicate, edited, rejected), summed over channels. */
  outcomes: Record<string, number>;
  acceptedByChannel: Record<string, number>;
}

class Server {
  constructor(
    private readonly app: App,
    /** `--cpu-prof DIR`: the measured phase's V8 CPU profile goes there (scripts/bench/cpu-profile.js). */
    private readonly cpuProfDir?: string,
    /** `--node-flags="…"`: after the shipped ones, so a V8 setting can be tried without editing them (the last one given wins). */
    private readonly extraNodeFlags: readonly string[] = [],
  ) {}
  private child?: ChildProcess;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'cxm-bench-ingest-'));
  url = '';

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    // Launched as it ships: the all-in-one with its Node.js flags (ADRs 0029, 0034), the ingest service as `node main.ts`;
    // then any `--node-flags`.
    this.child = spawn(process.execPath, [...serverNodeFlags(this.app, this.extraNodeFlags), ...(this.cpuProfDir ? ['-r', './scripts/bench/cpu-profile.js'] : []), '-r', './scripts/register.js', `apps/${this.app}/src/main.ts`], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), CXM_DATA_DIR: this.dataDir, CXM_ADMIN_TOKEN: TOKEN, CXM_TENANTS: BENCH_TENANT, CXM_LOG_LEVEL: 'warn', ...(this.cpuProfDir ? { CXM_BENCH_CPU_PROF_DIR: this.cpuProfDir } : {}) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // Ready, not only alive: with front-door replicas, /healthz answers from the first one up while the port is still partly held by the placeholder.
    await untilHealthy(this.url, this.app, '/readyz');
  }

  /** Starts, then (the second time) stops and writes, the CPU profile; nothing without `--cpu-prof`. */
  async toggleProfiler(): Promise<void> {
    if (!this.cpuProfDir) return;
    this.child!.kill('SIGWINCH');
    await sleep(500); // the profile is written asynchronously
  }

  /** User and system (kernel: writes, fsyncs, sockets) CPU seconds, all threads of the server. */
  cpuSplit(): { user: number; system: number } {
    return processCpuSplit(this.child!.pid!);
  }

  /** CPU seconds so far by thread: main, each `cxm-*` thread, the rest as `other` (server-process.ts). */
  cpuByThread(): Map<string, number> {
    return threadCpuSeconds(this.child!.pid!);
  }

  cpuSeconds(): number {
    return processCpuSeconds(this.child!.pid!);
  }

  peakResidentMiB(): number {
    return peakResidentMiB(this.child!.pid!);
  }

  async counts(): Promise<IngestCounts> {
    const text = await (await fetch(`${this.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    const counts: IngestCounts = { outcomes: {}, acceptedByChannel: {} };
    for (const [line, value] of text.matchAll(/^cxm_ingest_mentions_total\{[^}]*\} (\d+)/gm)) {
      const outcome = /outcome="([^"]+)"/.exec(line)?.[1] ?? 'unknown';
      counts.outcomes[outcome] = (counts.outcomes[outcome] ?? 0) + Number(value);
      const channel = /channel="([^"]+)"/.exec(line)?.[1] ?? 'unknown';
      if (outcome === 'accepted') counts.acceptedByChannel[channel] = (counts.acceptedByChannel[channel] ?? 0) + Number(value);
    }
    return counts;
  }

  /** Mentions the explorer has indexed for the tenant: the last hop of the lifecycle. */
  async indexed(): Promise<number> {
    const response = await fetch(`${this.url}/v1/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-tenant-id': BENCH_TENANT },
      body: JSON.stringify({ query: '', limit: 1 }),
    });
    if (!response.ok) throw new Error(`POST /v1/search answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { total: number }).total;
  }

  async request(method: string, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.url}${path}`, { method, headers, body });
    return { status: response.status, text: await response.text() };
  }

  async stop(): Promise<void> {
    const child = this.child!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(this.dataDir, { recursive: true, force: true });
    // The next phase must not meet this one's data still being written back or freed on the disk:
    // its durable writes would wait behind it (p99 at 1,000/s doubled after a digest phase).
    execFileSync('sync');
  }
}

/** How often the digest polls the index: often enough to time the drain to about a second. */
const POLL_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

interface Digest {
  /** Whether the search index caught up with everything accepted within the cap. */
  drained: boolean;
  /** Seconds from the end of the load until caught up (or the cap). */
  secondsAfterLoad: number;
  /** Mentions not yet indexed when the load stopped. */
  backlogAtLoadEnd: number;
  /** Mentions still not indexed at the end (0 when drained). */
  left: number;
  /** Mentions indexed from the start of the measured load until drained (or the cap), per second. */
  lifecyclePerSecond: number;
  /** Server CPU per mention over the same span: ingest and the whole lifecycle (the polls' own cost taken out). */
  cpuMsPerMention: number;
  /** Polls of `POST /v1/search` made, and the server CPU one costs (measured after the drain). */
  polls: number;
  cpuMsPerPoll: number;
}

interface Phase {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  offeredRequestsPerSecond?: number;
  loadAverage: { start: number; end: number };
  accepted: number;
  acceptedPerSecond: number;
  acceptedByChannel: Record<string, number>;
  duplicates: number;
  rejected: number;
  requests: number;
  requestsPerSecond: number;
  meanMentionsPerRequest: number;
  p50: number;
  p99: number;
  /** Per request kind (the deck's `kind`): how many answered, and their p50/p99 in ms, timed by the bench itself. */
  byKind: Record<string, { requests: number; p50: number; p99: number }>;
  /** Open-loop phases: how late, at worst, the generator itself sent a request (its own lag, not the server's). */
  worstSendLagMs?: number;
  /** Open-loop phases: the generator's own CPU seconds (it shares the two cores with the server). */
  generatorCpuSeconds?: number;
  /** Open-loop phases: when the slowest 1 % were due, which tells a few stalls from a tail spread over the phase. */
  slowest?: SlowestRequests;
  statusCodes: Record<string, number>;
  unexpectedNon2xx: number;
  errors: number;
  cpuSeconds: number;
  systemSeconds: number;
  cpuMsPerAcceptedMention: number;
  /** CPU seconds of the phase by thread: `main`, the all-in-one's `cxm-*` threads, `other` (V8's background thread, libuv's pool). */
  cpuByThread: Record<string, number>;
  /** Accepted mentions per second in each TIMELINE_WINDOW_S window of the run: the JIT's ramp, then the plateau. */
  timeline: number[];
  /** The server's peak resident memory at the end of the run, warm-up included (what the heaps' sizes cost). */
  peakResidentMiB: number;
  digest?: Digest;
}

/** The Node.js flags a phase's server starts with: the all-in-one's own, then `--node-flags`. */
function serverNodeFlags(app: App, extra: readonly string[]): string[] {
  return [...(app === 'all-in-one' ? ALL_IN_ONE_NODE_FLAGS : []), ...extra];
}

interface PhaseOptions {
  seconds: number;
  connections: number;
  rate?: number;
  /** With `rate`: how the open-loop generator spaces the due times (ADR 0026). */
  arrivals?: 'even' | 'poisson';
  cpuProfDir?: string;
  nodeFlags: readonly string[];
  /** Wait for the lifecycle to index everything accepted, at most this long (all-in-one only). */
  drainSeconds?: number;
  /** Load before the measured run (16 connections): JIT, journals, first partitions. */
  warmupSeconds: number;
}

async function runPhase(app: App, workload: Workload, options: PhaseOptions, counter: { n: number }): Promise<Phase> {
  const server = new Server(app, options.cpuProfDir, options.nodeFlags);
  await server.start();
  try {
    await configureChannels(server, workload);
    await checkEachKind(server, workload, counter);
    if (options.warmupSeconds > 0) await fire(server.url, workload.deck, { seconds: options.warmupSeconds, connections: 16 }, counter, TOKEN);
    await server.toggleProfiler();
    const loadStart = loadAverage();
    const before = await server.counts();
    const cpuBefore = server.cpuSplit();
    const threadsBefore = server.cpuByThread();
    const indexedBefore = options.drainSeconds !== undefined ? await server.indexed() : 0;
    const started = Date.now();
    const timeline = new Timeline(server, before.outcomes.accepted ?? 0);
    const result = await load(server.url, workload.deck, options, counter).finally(() => timeline.stop());
    const after = await server.counts();
    const cpuAfter = server.cpuSplit();
    const threadsAfter = server.cpuByThread();
    await server.toggleProfiler();
    const accepted = (after.outcomes.accepted ?? 0) - (before.outcomes.accepted ?? 0);
    const systemSeconds = cpuAfter.system - cpuBefore.system;
    const cpuSeconds = cpuAfter.user - cpuBefore.user + systemSeconds;
    const statusCodes = result.statusCodes;
    const phase: Phase = {
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
      ...(options.rate ? { offeredRequestsPerSecond: options.rate } : {}),
      loadAverage: { start: loadStart, end: loadAverage() },
      accepted,
      acceptedPerSecond: accepted / options.seconds,
      acceptedByChannel: Object.fromEntries(Object.entries(after.acceptedByChannel).map(([channel, n]) => [channel, n - (before.acceptedByChannel[channel] ?? 0)])),
      duplicates: (after.outcomes.duplicate ?? 0) - (before.outcomes.duplicate ?? 0),
      rejected: (after.outcomes.rejected ?? 0) - (before.outcomes.rejected ?? 0),
      requests: result.answered2xx,
      requestsPerSecond: result.answered2xx / options.seconds,
      meanMentionsPerRequest: accepted / Math.max(1, result.answered2xx),
      p50: result.p50,
      p99: result.p99,
      ...(result.worstSendLagMs !== undefined ? { worstSendLagMs: result.worstSendLagMs, generatorCpuSeconds: result.generatorCpuSeconds } : {}),
      ...(result.slowest ? { slowest: result.slowest } : {}),
      byKind: latencyByKind(result.timings),
      statusCodes,
      unexpectedNon2xx: Object.entries(statusCodes).filter(([code]) => !code.startsWith('2') && !EXPECTED_REFUSALS.has(code)).reduce((sum, [, n]) => sum + n, 0),
      errors: result.errors,
      cpuSeconds,
      systemSeconds,
      cpuMsPerAcceptedMention: (cpuSeconds * 1000) / Math.max(1, accepted),
      cpuByThread: threadCpuSpent(threadsBefore, threadsAfter),
      timeline: await timeline.rates(),
      peakResidentMiB: server.peakResidentMiB(),
    };
    if (options.drainSeconds !== undefined) phase.digest = await digest(server, { started, indexedBefore, cpuBefore: cpuBefore.user + cpuBefore.system, acceptedTotal: after.outcomes.accepted ?? 0, capSeconds: options.drainSeconds });
    return phase;
  } finally {
    await server.stop();
  }
}

const TIMELINE_WINDOW_S = 2;

/**
 * The server's accepted count read every TIMELINE_WINDOW_S during a run (one `/metrics` GET each,
 * against about a thousand requests a second): a run's mean hides whether it was still speeding up.
 */
class Timeline {
  private readonly samples: Promise<number>[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(server: Server, acceptedAtStart: number) {
    let last = Promise.resolve(acceptedAtStart);
    this.timer = setInterval(() => {
      const previous = last;
      last = server.counts().then((c) => c.outcomes.accepted ?? 0);
      this.samples.push(Promise.all([previous, last]).then(([a, b]) => (b - a) / TIMELINE_WINDOW_S));
    }, TIMELINE_WINDOW_S * 1000);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  rates(): Promise<number[]> {
    return Promise.all(this.samples);
  }
}

/** The tenant's channel secrets, set the way an operator sets them: `PUT /v1/tenants/{t}/channels/{c}`. */
async function configureChannels(server: Server, workload: Workload): Promise<void> {
  for (const { channel, body } of workload.channelSettings) {
    const answer = await server.request('PUT', `/v1/tenants/${BENCH_TENANT}/channels/${channel}`, JSON.stringify(body), { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` });
    if (answer.status !== 200) throw new Error(`PUT channel settings for ${channel} answered ${answer.status}: ${answer.text}`);
  }
}

/** One send of each kind before any load: it must be accepted whole, new, nothing refused — else the figures would measure errors. */
async function checkEachKind(server: Server, workload: Workload, counter: { n: number }): Promise<void> {
  const firsts = new Map<string, RequestTemplate>();
  for (const template of workload.deck) if (!firsts.has(template.kind)) firsts.set(template.kind, template);
  for (const [kind, template] of firsts) {
    const { body, headers } = renderSend(template, counter.n++, TOKEN);
    const answer = await server.request('POST', template.path, body, headers);
    const receipt = /^\{/.test(answer.text) ? (JSON.parse(answer.text) as { accepted?: number; duplicates?: number; duplicate?: boolean }) : {};
    const accepted = template.path === '/v1/mentions' ? (answer.status === 202 && !receipt.duplicate ? 1 : 0) : (receipt.accepted ?? 0);
    if (answer.status >= 300 || accepted !== template.mentions || (receipt.duplicates ?? 0) > 0) {
      throw new Error(`${kind}: ${template.path} answered ${answer.status}, accepted ${accepted} of ${template.mentions}: ${answer.text.slice(0, 600)}`);
    }
  }
}

/** After the load: poll the index until it holds everything accepted (or the cap), for the lifecycle's own rate. */
async function digest(server: Server, since: { started: number; indexedBefore: number; cpuBefore: number; acceptedTotal: number; capSeconds: number }): Promise<Digest> {
  const loadEnded = Date.now();
  let indexed = await server.indexed();
  const backlogAtLoadEnd = since.acceptedTotal - indexed;
  let polls = 1;
  while (indexed < since.acceptedTotal && Date.now() - loadEnded < since.capSeconds * 1000) {
    await sleep(POLL_MS);
    indexed = await server.indexed();
    polls += 1;
  }
  const now = Date.now();
  const cpuSpent = server.cpuSeconds() - since.cpuBefore;
  const digested = indexed - since.indexedBefore;
  const cpuMsPerPoll = await searchCost(server);
  return {
    drained: indexed >= since.acceptedTotal,
    secondsAfterLoad: (now - loadEnded) / 1000,
    backlogAtLoadEnd,
    left: Math.max(0, since.acceptedTotal - indexed),
    lifecyclePerSecond: digested / ((now - since.started) / 1000),
    cpuMsPerMention: (cpuSpent * 1000 - polls * cpuMsPerPoll) / Math.max(1, digested),
    polls,
    cpuMsPerPoll,
  };
}

/** Server CPU of one index poll, once the lifecycle is idle (so the digest's CPU can leave the polls out). */
async function searchCost(server: Server): Promise<number> {
  const rounds = 10;
  const before = server.cpuSeconds();
  for (let i = 0; i < rounds; i++) await server.indexed();
  return ((server.cpuSeconds() - before) * 1000) / rounds;
}

/** What a phase's load produced, whichever generator made it. */
interface LoadOutcome {
  answered2xx: number;
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
  errors: number;
  /** Each 2xx answer's ms under its request kind. */
  timings: Map<string, number[]>;
  worstSendLagMs?: number;
  generatorCpuSeconds?: number;
  slowest?: SlowestRequests;
}

/**
 * Full speed: autocannon's closed loop (each connection sends again as soon as it is answered).
 * A fixed rate: the open-loop generator (ADR 0026), unless `--arrivals bursts` asks for
 * autocannon's own rate limit, kept to compare with figures measured before it.
 */
async function load(url: string, deck: readonly RequestTemplate[], options: PhaseOptions, counter: { n: number }): Promise<LoadOutcome> {
  if (options.rate && options.arrivals) return openLoop(url, deck, { ...options, rate: options.rate, arrivals: options.arrivals }, counter);
  const timings = new Map<string, number[]>();
  const result = await fire(url, deck, options, counter, TOKEN, timings);
  return {
    answered2xx: result['2xx'],
    p50: result.latency.p50,
    p99: result.latency.p99,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats?.count ?? 0])),
    errors: result.errors,
    timings,
  };
}

async function openLoop(url: string, deck: readonly RequestTemplate[], options: PhaseOptions & { rate: number; arrivals: 'even' | 'poisson' }, counter: { n: number }): Promise<LoadOutcome> {
  const result: OpenLoopResult = await runOpenLoop({ url, seconds: options.seconds, requestsPerSecond: options.rate, connections: options.connections, arrivals: options.arrivals }, () => ({
    method: 'POST',
    ...nextSend(deck, counter, TOKEN),
  }));
  const timings = new Map<string, number[]>();
  for (const { kind, ms } of result.latencies) {
    const list = timings.get(kind);
    if (list) list.push(ms);
    else timings.set(kind, [ms]);
  }
  const all = result.latencies.map(({ ms }) => ms).sort((a, b) => a - b);
  const p99 = percentile(all, 99);
  return {
    answered2xx: all.length,
    p50: percentile(all, 50),
    p99,
    statusCodes: result.statusCodes,
    errors: result.errors,
    timings,
    worstSendLagMs: result.worstSendLagMs,
    generatorCpuSeconds: result.generatorCpuSeconds,
    slowest: slowestRequests(result.latencies, p99),
  };
}

/** The slowest 1 % of an open-loop phase's answered (2xx) requests, by when they were due; unanswered ones count as errors instead. */
interface SlowestRequests {
  requests: number;
  /** Distinct 100 ms windows of due times they fall in: a handful means stalls, many a spread tail. */
  windows: number;
  /** The window holding most of them: its start (s into the phase) and how many. */
  densest: { atSeconds: number; requests: number };
  /** Their kinds, most frequent first. */
  byKind: Record<string, number>;
}

const SLOW_WINDOW_MS = 100;

function slowestRequests(latencies: OpenLoopResult['latencies'], p99: number): SlowestRequests {
  const slow = latencies.filter(({ ms }) => ms >= p99);
  const perWindow = new Map<number, number>();
  const byKind: Record<string, number> = {};
  for (const { kind, dueAtMs } of slow) {
    const window = Math.floor(dueAtMs / SLOW_WINDOW_MS);
    perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  const [densestWindow, densestCount] = [...perWindow].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0]);
  return {
    requests: slow.length,
    windows: perWindow.size,
    densest: { atSeconds: (densestWindow * SLOW_WINDOW_MS) / 1000, requests: densestCount },
    byKind: Object.fromEntries(Object.entries(byKind).sort(([, a], [, b]) => b - a)),
  };
}

function latencyByKind(timings: Map<string, number[]>): Phase['byKind'] {
  return Object.fromEntries([...timings].map(([kind, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return [kind, { requests: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) }];
  }));
}

const ARRIVALS: Record<string, string> = {
  even: 'open loop, evenly spaced, latency from each due time',
  poisson: 'open loop, Poisson arrivals, latency from each due time',
  bursts: "autocannon's rate limit: each second's quota sent back to back",
};

function slowestLine(slowest: SlowestRequests): string {
  const kinds = Object.entries(slowest.byKind).map(([kind, n]) => `${kind} ${n}`).join(', ');
  return `      the slowest 1 % (${slowest.requests} answered requests, at or over the p99) were due in ${slowest.windows} windows of ${SLOW_WINDOW_MS} ms; most in one: ${slowest.densest.requests} at ${slowest.densest.atSeconds.toFixed(1)} s; by kind: ${kinds}`;
}

/** Each thread's share of the phase in cores, busiest first, `other` last (it is several threads). */
function threadLine(phase: Phase): string {
  const threads = Object.entries(phase.cpuByThread).sort(([a, x], [b, y]) => Number(a === 'other') - Number(b === 'other') || y - x);
  const label = (name: string) => (name === 'other' ? "other (V8's background thread, libuv's pool)" : name.replace(/^cxm-/, ''));
  return threads.map(([name, seconds]) => `${label(name)} ${(seconds / phase.seconds).toFixed(2)}`).join(' · ');
}

function report(app: App, workloadName: string, workload: Workload, full: Phase, fixed: Phase, offeredMentions: number, arrivals: string, nodeFlags: readonly string[]): string {
  const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;
  const phaseLines = (phase: Phase) => [
    `      ${phase.acceptedPerSecond.toFixed(0).padStart(6)} accepted mentions/s   ${phase.requestsPerSecond.toFixed(0)} requests/s × ${phase.meanMentionsPerRequest.toFixed(2)} mentions/request   p50 ${ms(phase.p50)}   p99 ${ms(phase.p99)} per request`,
    `      statuses ${JSON.stringify(phase.statusCodes)}   socket errors ${phase.errors}   duplicates ${phase.duplicates}   rejected ${phase.rejected}   load average ${phase.loadAverage.start.toFixed(1)} → ${phase.loadAverage.end.toFixed(1)}`,
    `      by kind (p50 / p99, timed by the bench): ${Object.entries(phase.byKind).sort(([, a], [, b]) => b.p99 - a.p99).map(([kind, k]) => `${kind} ${k.p50.toFixed(0)}/${k.p99.toFixed(0)}`).join(', ')} ms`,
    `      accepted/s in each ${TIMELINE_WINDOW_S} s: ${phase.timeline.map((r) => r.toFixed(0)).join(' ')}`,
    // CPU per accepted mention is what a shared machine distorts least: it says what one idle core would sustain.
    `      server CPU ${phase.cpuSeconds.toFixed(1)} s (${(phase.cpuSeconds / phase.seconds).toFixed(2)} cores; ${phase.systemSeconds.toFixed(1)} s in the kernel) = ${phase.cpuMsPerAcceptedMention.toFixed(2)} ms per accepted mention → ${(1000 / phase.cpuMsPerAcceptedMention).toFixed(0)} accepted/s per CPU-second`,
    `      by thread (cores): ${threadLine(phase)}`,
    `      peak resident memory of the server ${phase.peakResidentMiB.toFixed(0)} MiB`,
  ];
  const byChannel = Object.entries(full.acceptedByChannel)
    .sort(([, a], [, b]) => b - a)
    .map(([channel, n]) => `${channel} ${n}`)
    .join(', ');
  const digestLine = (d: Digest) =>
    d.drained
      ? `  digest: the lifecycle indexed everything accepted ${d.secondsAfterLoad.toFixed(1)} s after the load stopped (backlog then ${d.backlogAtLoadEnd}) → ${d.lifecyclePerSecond.toFixed(0)} lifecycle mentions/s, ${d.cpuMsPerMention.toFixed(2)} ms server CPU per mention (ingest + lifecycle; ${d.polls} index polls at ${d.cpuMsPerPoll.toFixed(1)} ms each left out)`
      : // Not drained, the CPU spent is partly on mentions still in flight: per indexed mention it would overstate.
        `  digest: NOT drained after ${d.secondsAfterLoad.toFixed(0)} s (backlog ${d.backlogAtLoadEnd} when the load stopped, ${d.left} still not indexed) → ${d.lifecyclePerSecond.toFixed(0)} lifecycle mentions/s so far`;
  return [
    `ingest throughput, ${app === 'ingest' ? 'ingest service alone' : 'all-in-one (front door and lifecycle thread in one process)'} on embedded adapters, workload ${workloadName} (${workload.meanMentionsPerRequest.toFixed(2)} mentions/request over the deck):`,
    ...(nodeFlags.length ? [`  the server started with more Node.js flags than it ships with: ${nodeFlags.join(' ')}`] : []),
    ...workload.describe.map((line) => `    ${line}`),
    `  full speed (${full.connections} connections, ${full.seconds} s after ${full.warmupSeconds} s of warm-up): ${(full.acceptedPerSecond / TARGET_PER_SECOND).toFixed(2)} × target (${TARGET_PER_SECOND} accepted/s)`,
    ...phaseLines(full),
    `      accepted by channel: ${byChannel}`,
    ...(full.digest ? [digestLine(full.digest)] : []),
    `  fixed ${offeredMentions} mentions/s offered (${fixed.offeredRequestsPerSecond} requests/s, ${fixed.seconds} s after ${fixed.warmupSeconds} s of warm-up, ${ARRIVALS[arrivals] ?? arrivals}): p99 ${(fixed.p99 / TARGET_P99_MS).toFixed(2)} × budget (p99 < ${TARGET_P99_MS} ms)`,
    ...(fixed.worstSendLagMs !== undefined ? [`      the generator sent every request at most ${fixed.worstSendLagMs.toFixed(1)} ms after its due time (its own lag; counted in the latencies), using ${fixed.generatorCpuSeconds?.toFixed(1)} s of CPU itself`] : []),
    ...phaseLines(fixed),
    ...(fixed.slowest ? [slowestLine(fixed.slowest)] : []),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '15' },
      // Default 64 connections (8 with --batch).
      connections: { type: 'string' },
      // Offered mentions per second in the fixed-rate phase.
      rate: { type: 'string', default: '1000' },
      // How the fixed-rate phase's requests arrive: `even` (open loop, wrk2's constant rate; ADR 0026), `poisson`
      // (open loop, exponential gaps), or `bursts` (autocannon's rate limit: each second's quota back to back).
      arrivals: { type: 'string', default: 'even' },
      // `ingest`: the ingest service alone on the embedded adapters (no consumer competing for its event loop).
      app: { type: 'string', default: 'all-in-one' },
      // `mixed` (native webhook deliveries, bulk import, canonical API) or `canonical` (demo mentions only).
      workload: { type: 'string' },
      // Canonical workload through the batch route, N per request.
      batch: { type: 'string', default: '1' },
      // Longest wait for the lifecycle to index everything accepted after the full-speed phase.
      'drain-seconds': { type: 'string', default: '120' },
      // Load before each measured phase, on the same server: the JIT compiles the hot paths of its
      // four isolates then (still tens of functions a second 10 s in, docs/performance.md).
      'warmup-seconds': { type: 'string', default: '3' },
      // A directory: each phase's server writes a V8 CPU profile of the measured phase there.
      'cpu-prof': { type: 'string' },
      // More Node.js flags for the server, after the shipped ones: `--node-flags=--max-semi-space-size=16` (with `=`, as
      // the value starts with `--`).
      'node-flags': { type: 'string', default: '' },
      // Print the figures as one JSON object (for docs) instead of the report.
      json: { type: 'boolean', default: false },
    },
  });
  const batch = Number(values.batch);
  const workloadName = values.workload ?? (batch > 1 ? 'canonical' : 'mixed');
  if (workloadName !== 'mixed' && workloadName !== 'canonical') throw new Error(`--workload must be mixed or canonical (got ${workloadName})`);
  const connections = Number(values.connections ?? (batch > 1 ? 8 : 64));
  const app: App = values.app === 'ingest' ? 'ingest' : 'all-in-one';
  const seconds = Number(values.seconds);
  const rate = Number(values.rate);
  const workload = workloadName === 'mixed' ? mixedWorkload() : canonicalWorkload(batch);
  const counter = { n: 0 };
  const cpuProfDir = values['cpu-prof'] && resolve(values['cpu-prof']);
  // The server child writes its profiles there and cannot report a missing directory: make it first.
  if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
  const warmupSeconds = Number(values['warmup-seconds']);
  if (!(warmupSeconds >= 0)) throw new Error(`--warmup-seconds must be a number of seconds, 0 or more (got ${values['warmup-seconds']})`);
  const drainSeconds = app === 'all-in-one' ? Number(values['drain-seconds']) : undefined;
  const nodeFlags = values['node-flags'].split(/\s+/).filter(Boolean);
  const full = await runPhase(app, workload, { seconds, connections, cpuProfDir, nodeFlags, drainSeconds, warmupSeconds }, counter);
  // The offered rate is in mentions per second, whatever a request carries.
  const offeredRequests = Math.max(1, Math.round(rate / workload.meanMentionsPerRequest));
  const arrivals = values.arrivals;
  if (arrivals !== 'even' && arrivals !== 'poisson' && arrivals !== 'bursts') throw new Error(`--arrivals must be even, poisson or bursts (got ${arrivals})`);
  const fixed = await runPhase(app, workload, { seconds, connections: 50, rate: offeredRequests, arrivals: arrivals === 'bursts' ? undefined : arrivals, cpuProfDir, nodeFlags, warmupSeconds }, counter);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ measuredAt: new Date().toISOString(), app, workload: workloadName, deck: workload.describe, meanMentionsPerRequest: workload.meanMentionsPerRequest, targets: { acceptedPerSecond: TARGET_PER_SECOND, p99Ms: TARGET_P99_MS, offeredMentionsPerSecond: rate }, arrivals, nodeFlags: serverNodeFlags(app, nodeFlags), full, fixed }, null, 2)}\n`);
  } else {
    process.stdout.write(report(app, workloadName, workload, full, fixed, rate, arrivals, nodeFlags));
  }
  // An open-loop request that got no answer would otherwise just be missing from the percentiles.
  const unexpected = full.unexpectedNon2xx + fixed.unexpectedNon2xx + (fixed.worstSendLagMs !== undefined ? fixed.errors : 0);
  const doubled = full.duplicates + fixed.duplicates;
  if (unexpected > 0 || doubled > 0) {
    process.stderr.write(`bench:ingest: FAILED — ${unexpected} unexpected non-2xx answers or unanswered requests, ${doubled} duplicates (every send carries new ids): the figures measure errors, not ingest\n`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(`bench:ingest: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
