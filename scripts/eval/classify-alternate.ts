/**
 * Before/after speed of `classifyText` when the change is process-wide (classify-ab.ts cannot
 * see it: both versions share one V8 isolate there, so e.g. a module that invalidates V8's
 * RegExp fast paths slows both). Each round starts one fresh process per version, alternating
 * which goes first; each process warms up, then times `--count` classifications of the
 * benchmark workload by its thread's CPU time, like bench:classify.
 *
 *   git archive <commit> | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   node -r ./scripts/register.js scripts/eval/classify-alternate.ts --baseline /tmp/base [--rounds 6] [--count 30000]
 *
 * Prints both rates per round, their medians, and the median of the per-round ratios.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchWorkload, threadTimes } from './classify-workload';

const ROOT = join(__dirname, '..', '..');

function option(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

/** In a child: classify with the checkout at `dir`, print classifications per thread CPU-second. */
function child(dir: string, count: number): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { classifyText } = require(join(dir, 'libs', 'classification', 'src', 'classify-text')) as { classifyText(text: string): unknown };
  const { texts } = benchWorkload();
  for (let i = 0; i < 5_000; i++) classifyText(texts[i % texts.length]);
  const before = threadTimes().cpuMs;
  for (let i = 0; i < count; i++) classifyText(texts[i % texts.length]);
  process.stdout.write(String(count / ((threadTimes().cpuMs - before) / 1_000)));
}

function run(dir: string, count: number): number {
  const out = execFileSync(process.execPath, ['-r', join(ROOT, 'scripts', 'register.js'), __filename, '--child', dir, '--count', String(count)], { cwd: ROOT });
  return Number(out.toString());
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const count = Number(option('count', '30000'));
  if (process.argv.includes('--child')) return child(option('child'), count);
  const baselineDir = option('baseline');
  const rounds = Number(option('rounds', '6'));
  const baseline: number[] = [];
  const current: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const load = loadavg()[0];
    if (round % 2 === 0) {
      baseline.push(run(baselineDir, count));
      current.push(run(ROOT, count));
    } else {
      current.push(run(ROOT, count));
      baseline.push(run(baselineDir, count));
    }
    console.log(`round ${round + 1}: baseline ${Math.round(baseline[round])}/s, current ${Math.round(current[round])}/s per thread CPU-second (load ${load.toFixed(2)})`);
  }
  const ratios = current.map((rate, i) => rate / baseline[i]);
  console.log(
    `median: baseline ${Math.round(median(baseline))}/s, current ${Math.round(median(current))}/s; ` +
      `per-round ratio median ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); ${rounds} rounds of ${count}, one process each`,
  );
}

main();
