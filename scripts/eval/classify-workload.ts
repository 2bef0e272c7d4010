/**
 * What the classifier benchmarks share: the mixed-language workload and the CPU time of the
 * calling thread (scripts/bench/classify-throughput.ts, scripts/eval/classify-ab.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeededRandom, generateDemoMentions } from '@cxm/demo';

const DEV_SET = join(__dirname, '..', '..', 'libs', 'classification', 'dev-set', 'dev-set.ndjson');
const DEMO_COUNT = 2_000;
export const BENCH_SEED = 20_261_101;

export interface Workload {
  texts: string[];
  devSet: number;
  demo: number;
}

/** The labelled dev set plus 2,000 demo texts, shuffled with a fixed seed. */
export function benchWorkload(): Workload {
  const devTexts = devSetTexts();
  const demoTexts = demoTextsFor(BENCH_SEED, DEMO_COUNT);
  return { texts: new SeededRandom(BENCH_SEED).shuffle([...devTexts, ...demoTexts]), devSet: devTexts.length, demo: demoTexts.length };
}

export function devSetTexts(): string[] {
  return readFileSync(DEV_SET, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

export function demoTextsFor(seed: number, count: number): string[] {
  return generateDemoMentions({ tenantId: 'bench', count, seed, now: new Date('2026-01-15T12:00:00Z') }).map((m) => m.text);
}

export interface ThreadTimes {
  cpuMs: number;
  /** time the thread was runnable but waiting for a CPU (NaN where unknown) */
  runQueueMs: number;
  source: 'schedstat' | 'process.cpuUsage';
}

/**
 * CPU time of the calling thread. /proc/thread-self is resolved by the kernel for the thread
 * that opens it (Node's synchronous fs calls run on the calling thread), so in a worker it
 * is the worker's own time. schedstat: "<ns on CPU> <ns waiting on a run queue> <slices>".
 */
export function threadTimes(): ThreadTimes {
  try {
    const [onCpu, waiting] = readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isFinite(onCpu) && onCpu > 0) return { cpuMs: onCpu / 1e6, runQueueMs: waiting / 1e6, source: 'schedstat' };
  } catch {
    // not Linux (or no schedstat): fall back to the whole process
  }
  const usage = process.cpuUsage();
  return { cpuMs: (usage.user + usage.system) / 1_000, runQueueMs: Number.NaN, source: 'process.cpuUsage' };
}
