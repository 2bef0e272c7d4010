/**
 * Before/after speed of `classifyText` on a shared, busy machine: the baseline (an older
 * checkout) and the current code run in ONE process, alternating in blocks, each block timed
 * by the thread's own CPU time, so both see the same load; separate benchmark runs minutes
 * apart differ by more than most speed-ups.
 *
 *   git archive <commit> | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   node -r ./scripts/register.js scripts/eval/classify-ab.ts --baseline /tmp/base [--rounds 40] [--block 1000]
 *
 * Prints mentions per CPU-second for both, the ratio of the totals and the median and range of
 * the per-round ratios. Refuses to time code whose outputs differ on the workload.
 *
 * Both versions share one V8 isolate (and the modules they resolve to the same files), so a
 * change with a process-wide effect — e.g. a dependency no longer invalidating V8's RegExp fast
 * paths — shows on neither side here: measure those with classify-alternate.ts.
 * It also favours the current code (the one imported first) by about 5 %: an A/A run against an
 * identical copy gave a per-round median of 1.05 (ADR 0027). Read its ratios against that.
 */
import { join } from 'node:path';
import { classifyText } from '@cxm/classification';
import { benchWorkload, threadTimes } from './classify-workload';

type Classify = (text: string) => unknown;

function option(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

function main(): void {
  const baselineDir = option('baseline');
  const rounds = Number(option('rounds', '40'));
  const block = Number(option('block', '1000'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const baseline = (require(join(baselineDir, 'libs', 'classification', 'src', 'classify-text')) as { classifyText: Classify }).classifyText;
  const current: Classify = classifyText;
  const { texts } = benchWorkload();
  const differing = texts.filter((text) => JSON.stringify(baseline(text)) !== JSON.stringify(current(text)));
  if (differing.length > 0) throw new Error(`outputs differ on ${differing.length} texts, e.g. ${JSON.stringify(differing[0])}`);
  for (let i = 0; i < 5_000; i++) {
    baseline(texts[i % texts.length]);
    current(texts[i % texts.length]);
  }
  let baselineMs = 0;
  let currentMs = 0;
  const ratios: number[] = [];
  for (let round = 0, at = 0; round < rounds; round++, at += block) {
    // alternate who goes first, so neither always runs right after the other warmed the caches
    const order: Classify[] = round % 2 === 0 ? [baseline, current] : [current, baseline];
    const spent = new Map<Classify, number>();
    for (const classify of order) {
      const before = threadTimes().cpuMs;
      for (let i = 0; i < block; i++) classify(texts[(at + i) % texts.length]);
      spent.set(classify, threadTimes().cpuMs - before);
    }
    baselineMs += spent.get(baseline) ?? 0;
    currentMs += spent.get(current) ?? 0;
    ratios.push((spent.get(baseline) ?? 0) / (spent.get(current) ?? 1));
  }
  ratios.sort((a, b) => a - b);
  const rate = (ms: number) => Math.round((rounds * block) / (ms / 1_000)).toLocaleString('en-US');
  console.log(
    `baseline ${rate(baselineMs)} mentions per CPU-second, current ${rate(currentMs)}: ${(baselineMs / currentMs).toFixed(2)}× ` +
      `(per round: median ${ratios[Math.floor(rounds / 2)].toFixed(2)}, ${ratios[0].toFixed(2)}–${ratios[rounds - 1].toFixed(2)}); ` +
      `${rounds} rounds of ${block} each; CPU time from ${threadTimes().source}`,
  );
}

main();
