/**
 * `npm run bench:classify [-- --count N --warmup N --threads N --json]`: how many mentions per second
 * one core gets through the full `classifyText` (language + sentiment + intent …), against the
 * 10,000 mentions/s per core target.
 *
 * Workload: the labelled dev set (libs/classification/dev-set/dev-set.ndjson) plus 2,000 texts from
 * the demo generator (@cxm/demo), shuffled with a fixed seed and cycled. Each thread warms up
 * (default 5,000 classifications, untimed), then times `--count` classifications (default 60,000),
 * each one individually for the p50 / p99.
 *
 * 1. Single thread, in this process.
 * 2. N worker threads (`node:worker_threads`, N = os.availableParallelism() unless --threads),
 *    each running the same loop; they start together after warming up, and the aggregate rate is
 *    the total count over the wall-clock time until the last one finishes.
 *
 * Two figures per run, because the machine is shared:
 * - wall-clock throughput: timed classifications ÷ elapsed wall time. Falls when other
 *   processes take the core away from the benchmark.
 * - CPU-time throughput: timed classifications ÷ CPU time of the benchmarking thread itself
 *   (Linux: the first field of /proc/thread-self/schedstat, nanoseconds this thread ran on a
 *   CPU; elsewhere process.cpuUsage(), which also counts V8's helper threads). Time the thread
 *   spends runnable but waiting for a CPU is not in it, so this is the per-core figure that
 *   holds under contention; it is the one judged against the target. The same run also
 *   reports that run-queue wait, and the process CPU time (all threads: V8's concurrent GC
 *   and JIT compiler threads work for the benchmark too) as a stricter second figure.
 * Machine-wide busy and steal shares (/proc/stat) and the load average are printed with them.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { classifyText, MODEL_VERSION } from '@cxm/classification';
import { benchWorkload, threadTimes } from '../eval/classify-workload';
import { percentile } from './percentile';

const TARGET_PER_CORE = 10_000;
const ROOT = join(__dirname, '..', '..');

interface RunResult {
  count: number;
  elapsedMs: number;
  /** CPU time of the thread that ran the loop (see threadTimes). */
  threadCpuMs: number;
  /** Time that thread was runnable but waiting for a CPU (NaN where unknown). */
  runQueueMs: number;
  /** Per-classification durations in µs. */
  durations: Float64Array;
  /** Classifications per thread CPU-second in each block of BLOCK timed calls, in order. */
  blockRates: number[];
}

/**
 * The timed run is also cut into blocks of this many classifications (~0.5 s each), each rated
 * by its own thread CPU time: on a shared VM the host's other guests slow whole seconds down,
 * and the spread of the blocks shows how much of a run that was (the judged figure stays the
 * whole run's).
 */
const BLOCK = 5_000;

function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1_000;
}

interface MachineTicks {
  busy: number;
  steal: number;
  total: number;
}

/** Machine-wide CPU ticks from /proc/stat (user nice system idle iowait irq softirq steal …). */
function machineTicks(): MachineTicks | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return { busy: user + nice + system + irq + softirq, steal, total: fields.reduce((s, x) => s + x, 0) };
  } catch {
    return undefined;
  }
}

function machineShares(before: MachineTicks | undefined, after: MachineTicks | undefined): { busy: number; steal: number } | undefined {
  if (!before || !after || after.total === before.total) return undefined;
  const total = after.total - before.total;
  return { busy: (after.busy - before.busy) / total, steal: (after.steal - before.steal) / total };
}

interface WorkerInput {
  texts: string[];
  warmup: number;
  count: number;
  /** Int32 flag: workers block on it after warming up until the main thread sets it to 1. */
  start: SharedArrayBuffer;
}

/** Classifies `count` texts (cycling through `texts`), timing each call. */
function timedRun(texts: readonly string[], count: number, offset: number): RunResult {
  const durations = new Float64Array(count);
  let sink = 0;
  const blockRates: number[] = [];
  const cpuBefore = threadTimes();
  let blockStart = cpuBefore.cpuMs;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const result = classifyText(texts[(offset + i) % texts.length]);
    durations[i] = (performance.now() - t0) * 1_000;
    sink += result.sentiment.score;
    if ((i + 1) % BLOCK === 0) {
      const now = threadTimes().cpuMs;
      blockRates.push((BLOCK / (now - blockStart)) * 1_000);
      blockStart = now;
    }
  }
  const elapsedMs = performance.now() - started;
  const cpuAfter = threadTimes();
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the results alive');
  return { count, elapsedMs, threadCpuMs: cpuAfter.cpuMs - cpuBefore.cpuMs, runQueueMs: cpuAfter.runQueueMs - cpuBefore.runQueueMs, durations, blockRates };
}

function warmUp(texts: readonly string[], warmup: number): void {
  for (let i = 0; i < warmup; i++) classifyText(texts[i % texts.length]);
}

/** Median, slowest and fastest of the block rates. */
function spread(rates: readonly number[]): { median: number; min: number; max: number } | undefined {
  if (rates.length === 0) return undefined;
  const sorted = [...rates].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

function latency(durations: Float64Array[]): { p50: number; p99: number; mean: number } {
  const all = new Float64Array(durations.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of durations) {
    all.set(d, at);
    at += d.length;
  }
  all.sort();
  return { p50: percentile(all, 50), p99: percentile(all, 99), mean: all.reduce((s, x) => s + x, 0) / all.length };
}

function workerMain(): void {
  const input = workerData as WorkerInput;
  const flag = new Int32Array(input.start);
  warmUp(input.texts, input.warmup);
  parentPort?.postMessage({ type: 'ready' });
  Atomics.wait(flag, 0, 0);
  // Each worker starts at a different place in the workload so they do not run in lockstep.
  const result = timedRun(input.texts, input.count, Math.floor(Math.random() * input.texts.length));
  parentPort?.postMessage({ type: 'done', result }, [result.durations.buffer as ArrayBuffer]);
}

async function runWorkers(threads: number, texts: string[], warmup: number, count: number): Promise<{ wallMs: number; results: RunResult[] }> {
  const start = new SharedArrayBuffer(4);
  const register = join(ROOT, 'scripts', 'register.js');
  const source = `require(${JSON.stringify(register)}); require(${JSON.stringify(__filename)});`;
  const workers = Array.from({ length: threads }, () => new Worker(source, { eval: true, workerData: { texts, warmup, count, start } satisfies WorkerInput }));
  const ready = workers.map((w) => new Promise<void>((resolve, reject) => {
    w.once('error', reject);
    w.on('message', (m: { type: string }) => m.type === 'ready' && resolve());
  }));
  const done = workers.map(
    (w) =>
      new Promise<{ result: RunResult; at: number }>((resolve, reject) => {
        w.once('error', reject);
        w.on('message', (m: { type: string; result: RunResult }) => m.type === 'done' && resolve({ result: m.result, at: performance.now() }));
      }),
  );
  await Promise.all(ready);
  const t0 = performance.now();
  const flag = new Int32Array(start);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  const finished = await Promise.all(done);
  await Promise.all(workers.map((w) => w.terminate()));
  return { wallMs: Math.max(...finished.map((f) => f.at)) - t0, results: finished.map((f) => f.result) };
}

function flagValue(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function main(): Promise<void> {
  const count = flagValue('count', 60_000);
  const warmup = flagValue('warmup', 5_000);
  const threads = flagValue('threads', availableParallelism());
  const json = process.argv.includes('--json');
  const workload = benchWorkload();
  const { texts } = workload;
  const meanChars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  const languages = new Set(texts.map((t) => classifyText(t).language.code)).size;

  const loadBefore = loadavg()[0];
  warmUp(texts, warmup);
  const ticksBefore = machineTicks();
  const processCpuBefore = processCpuMs();
  const single = timedRun(texts, count, 0);
  const singleProcessCpuMs = processCpuMs() - processCpuBefore;
  const singleMachine = machineShares(ticksBefore, machineTicks());
  const singleRate = (single.count / single.elapsedMs) * 1_000;
  const singleCpuRate = (single.count / single.threadCpuMs) * 1_000;
  const singleProcessCpuRate = (single.count / singleProcessCpuMs) * 1_000;
  const singleLatency = latency([single.durations]);

  const parallelTicksBefore = machineTicks();
  const parallel = await runWorkers(threads, texts, warmup, count);
  const parallelMachine = machineShares(parallelTicksBefore, machineTicks());
  const total = parallel.results.reduce((s, r) => s + r.count, 0);
  const parallelRate = (total / parallel.wallMs) * 1_000;
  const parallelCpuRate = (total / parallel.results.reduce((s, r) => s + r.threadCpuMs, 0)) * 1_000;
  const parallelLatency = latency(parallel.results.map((r) => r.durations));
  const perWorker = parallel.results.map((r) => (r.count / r.elapsedMs) * 1_000);

  const report = {
    modelVersion: MODEL_VERSION,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    availableParallelism: availableParallelism(),
    loadAverage1m: { before: loadBefore, after: loadavg()[0] },
    workload: { distinctTexts: texts.length, devSet: workload.devSet, demo: workload.demo, detectedLanguages: languages, meanChars, warmup, timedPerThread: count },
    cpuTimeSource: threadTimes().source,
    singleThread: {
      mentionsPerSecond: singleRate,
      ratioToTarget: singleRate / TARGET_PER_CORE,
      mentionsPerThreadCpuSecond: singleCpuRate,
      ratioToTargetPerCpuSecond: singleCpuRate / TARGET_PER_CORE,
      mentionsPerProcessCpuSecond: singleProcessCpuRate,
      blocksPerThreadCpuSecond: { block: BLOCK, ...spread(single.blockRates) },
      threadCpuMs: single.threadCpuMs,
      processCpuMs: singleProcessCpuMs,
      wallMs: single.elapsedMs,
      runQueueMs: single.runQueueMs,
      machineBusyShare: singleMachine?.busy,
      machineStealShare: singleMachine?.steal,
      p50Micros: singleLatency.p50,
      p99Micros: singleLatency.p99,
      meanMicros: singleLatency.mean,
    },
    workerThreads: {
      threads,
      mentionsPerSecondTotal: parallelRate,
      mentionsPerSecondPerCore: parallelRate / threads,
      ratioToTargetPerCore: parallelRate / threads / TARGET_PER_CORE,
      mentionsPerThreadCpuSecond: parallelCpuRate,
      ratioToTargetPerCpuSecond: parallelCpuRate / TARGET_PER_CORE,
      blocksPerThreadCpuSecond: { block: BLOCK, ...spread(parallel.results.flatMap((r) => r.blockRates)) },
      runQueueMsPerWorker: parallel.results.map((r) => r.runQueueMs),
      machineBusyShare: parallelMachine?.busy,
      machineStealShare: parallelMachine?.steal,
      scalingVsSingleThread: parallelRate / singleRate,
      perWorkerMentionsPerSecond: perWorker,
      p50Micros: parallelLatency.p50,
      p99Micros: parallelLatency.p99,
      meanMicros: parallelLatency.mean,
    },
  };
  if (json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const us = (x: number) => `${x.toFixed(0)} µs`;
  console.log(`classifyText throughput — model ${MODEL_VERSION}, Node ${process.version}, ${report.cpu}, availableParallelism ${report.availableParallelism}`);
  console.log(
    `workload: ${n(texts.length)} distinct texts (${n(workload.devSet)} dev set + ${n(workload.demo)} demo, ${languages} detected languages, mean ${meanChars.toFixed(0)} chars), shuffled; warm-up ${n(warmup)}, then ${n(count)} timed per thread`,
  );
  const pct = (x: number | undefined) => (x === undefined ? '?' : `${(x * 100).toFixed(0)}%`);
  const ms = (x: number) => (Number.isNaN(x) ? '?' : `${n(x)} ms`);
  console.log(`load average (1 min): ${loadBefore.toFixed(2)} before, ${report.loadAverage1m.after.toFixed(2)} after; CPU time from ${report.cpuTimeSource}`);
  console.log(
    `\nsingle thread, per CPU-second of the thread: ${n(singleCpuRate)} mentions/s = ${report.singleThread.ratioToTargetPerCpuSecond.toFixed(2)}× the ${n(TARGET_PER_CORE)}/s per core target` +
      ` (${n(singleProcessCpuRate)}/s per CPU-second of the whole process, V8 helper threads included)`,
  );
  console.log(
    `single thread, wall clock:                ${n(singleRate)} mentions/s = ${report.singleThread.ratioToTarget.toFixed(2)}× target; ` +
      `${ms(single.elapsedMs)} wall, ${ms(single.threadCpuMs)} on CPU, ${ms(single.runQueueMs)} waiting for a CPU; machine ${pct(singleMachine?.busy)} busy, ${pct(singleMachine?.steal)} steal`,
  );
  const blocks = (rates: readonly number[]) => {
    const s = spread(rates);
    return s ? `blocks of ${n(BLOCK)}, per thread CPU-second: median ${n(s.median)} (${(s.median / TARGET_PER_CORE).toFixed(2)}×), slowest ${n(s.min)}, fastest ${n(s.max)}` : 'no complete block';
  };
  console.log(`single thread, ${blocks(single.blockRates)}`);
  console.log(`single thread latency (wall): p50 ${us(singleLatency.p50)}, p99 ${us(singleLatency.p99)}, mean ${us(singleLatency.mean)}`);
  console.log(
    `\n${threads} worker threads, per CPU-second: ${n(parallelCpuRate)} mentions/s per core = ${report.workerThreads.ratioToTargetPerCpuSecond.toFixed(2)}× target`,
  );
  console.log(`${threads} worker threads, ${blocks(parallel.results.flatMap((r) => r.blockRates))}`);
  console.log(
    `${threads} worker threads, wall clock:     ${n(parallelRate)} mentions/s total = ${n(parallelRate / threads)}/s per core (${report.workerThreads.ratioToTargetPerCore.toFixed(2)}× target); ` +
      `${report.workerThreads.scalingVsSingleThread.toFixed(2)}× single thread; per worker ${perWorker.map(n).join(', ')}/s; waiting for a CPU ${parallel.results.map((r) => ms(r.runQueueMs)).join(', ')}; ` +
      `machine ${pct(parallelMachine?.busy)} busy, ${pct(parallelMachine?.steal)} steal; p50 ${us(parallelLatency.p50)}, p99 ${us(parallelLatency.p99)}`,
  );
}

if (isMainThread) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  workerMain();
}
