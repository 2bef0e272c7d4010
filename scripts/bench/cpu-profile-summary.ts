/**
 * `npm run profile:summary -- DIR [--top N] [--match REGEX]`: reads the V8 CPU profiles that
 * `bench:ingest -- --cpu-prof DIR` wrote (one per thread and phase, scripts/bench/cpu-profile.js)
 * and prints, per phase (bench:ingest starts a server process for each: full speed first, then
 * the fixed rate), where the busy samples went: each thread's share, then
 * the functions that hold the most samples themselves (self) and those under which the most
 * samples fall (inclusive), over every thread of the phase.
 *
 * A sample is taken when the thread runs, so on a machine with fewer cores than busy threads the
 * shares are shares of CPU; a native function a thread was descheduled in (a write that woke a
 * libuv pool thread) also collects the samples of the wait.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  startTime: number;
  endTime: number;
}

const FILE_NAME = /^server-(\d+)-(main|replica\d+|worker\d+)-(\d+)\.cpuprofile$/;

/** Names a frame the way a reader finds it: function, then the path inside the repository or node_modules. */
function frameName({ functionName, url, lineNumber }: CallFrame): string {
  const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '').replace(`${join(__dirname, '..', '..')}/`, '');
  return where ? `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}` : functionName || '(anonymous)';
}

class Tally {
  readonly self = new Map<string, number>();
  readonly inclusive = new Map<string, number>();
  busy = 0;

  add(profile: CpuProfile): number {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parentOf = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
    let busy = 0;
    for (const sample of profile.samples) {
      const leaf = byId.get(sample)!;
      if (leaf.callFrame.functionName === '(idle)') continue;
      busy += 1;
      bump(this.self, frameName(leaf.callFrame));
      // A recursive function counts once per sample, or its inclusive share could pass 100 %.
      const seen = new Set<string>();
      for (let id: number | undefined = sample; id !== undefined; id = parentOf.get(id)) seen.add(frameName(byId.get(id)!.callFrame));
      seen.forEach((name) => bump(this.inclusive, name));
    }
    this.busy += busy;
    return busy;
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function main(): void {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, match: { type: 'string' } } });
  const dir = positionals[0];
  if (!dir) throw new Error('usage: npm run profile:summary -- DIR [--top N] [--match REGEX]');
  const top = Number(values.top);
  const match = values.match === undefined ? undefined : new RegExp(values.match);
  const phases = new Map<string, { thread: string; file: string }[]>();
  for (const file of readdirSync(dir).sort()) {
    const parsed = FILE_NAME.exec(file);
    if (!parsed) continue;
    const phase = `${parsed[1]}-${parsed[3]}`;
    phases.set(phase, [...(phases.get(phase) ?? []), { thread: parsed[2], file }]);
  }
  if (phases.size === 0) throw new Error(`no server-*.cpuprofile in ${dir} (bench:ingest -- --cpu-prof ${dir} writes them)`);
  for (const [phase, threads] of phases) {
    const tally = new Tally();
    const perThread = threads.map(({ thread, file }) => {
      const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
      return { thread, busy: tally.add(profile), samples: profile.samples.length, seconds: (profile.endTime - profile.startTime) / 1e6 };
    });
    const share = (count: number) => `${((100 * count) / tally.busy).toFixed(1).padStart(5)} %`;
    const lines = perThread.map(({ thread, busy, samples, seconds }) => `    ${share(busy)}  thread ${thread} (${busy} busy of ${samples} samples over ${seconds.toFixed(1)} s)`);
    process.stdout.write(`server ${phase.replace('-', ', profile ')}: ${tally.busy} busy samples, by thread\n${lines.join('\n')}\n`);
    const list = (title: string, counts: Map<string, number>) => {
      const rows = [...counts].filter(([name]) => !match || match.test(name)).sort((a, b) => b[1] - a[1]).slice(0, top);
      process.stdout.write(`  ${title}\n${rows.map(([name, count]) => `    ${share(count)}  ${name}`).join('\n')}\n`);
    };
    list('self (share of all threads\' busy samples)', tally.self);
    list('inclusive', tally.inclusive);
  }
}

main();
