/** What the benchmarks that start their server as a child process share: waiting for it, its CPU time and its peak memory. */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves once `url` + `probe` (`/healthz`, or `/readyz`) answers 2xx; fails after a minute, naming `what`. */
export async function untilHealthy(url: string, what: string, probe = '/healthz'): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
    if ((await fetch(`${url}${probe}`).catch(() => undefined))?.ok) return;
  }
  throw new Error(`the ${what} did not start`);
}

/** User and system (kernel: writes, fsyncs, sockets) CPU seconds of a process, all its threads (/proc, in ticks of 1/100 s). */
export function processCpuSplit(pid: number): { user: number; system: number } {
  return cpuSplitOf(`/proc/${pid}/stat`);
}

/** utime and stime of a /proc `stat` file (a process's, or one thread's under `task/`), in seconds. */
function cpuSplitOf(statPath: string): { user: number; system: number } {
  // After the command name, which may hold spaces, closed by ") ": utime and stime are fields 12 and 13 from there.
  const fields = readFileSync(statPath, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/** The most resident memory the process has held since it started, in MiB (`VmHWM` of /proc/<pid>/status). */
export function peakResidentMiB(pid: number): number {
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kib === undefined) throw new Error(`/proc/${pid}/status has no VmHWM line`);
  return Number(kib) / 1024;
}

/** The two added: every CPU second the process spent. */
export function processCpuSeconds(pid: number): number {
  const { user, system } = processCpuSplit(pid);
  return user + system;
}

/**
 * CPU seconds (user and system) of each thread of a process, by name: `main` for the thread whose
 * id is the pid, its own name for a thread that set one (the all-in-one's `cxm-*`,
 * apps/all-in-one/src/thread-name.ts), and `other` for the rest together (V8's background thread,
 * libuv's pool). A thread that ends between two readings takes its time with it. Linux (/proc) only.
 */
export function threadCpuSeconds(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const reading = readThread(pid, tid);
    if (!reading) continue;
    const name = Number(tid) === pid ? 'main' : reading.name.startsWith(NAMED_THREAD_PREFIX) ? reading.name : 'other';
    byName.set(name, (byName.get(name) ?? 0) + reading.seconds);
  }
  return byName;
}

/** The prefix the all-in-one's threads name themselves with. */
const NAMED_THREAD_PREFIX = 'cxm-';

function readThread(pid: number, tid: string): { name: string; seconds: number } | undefined {
  try {
    const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
    const { user, system } = cpuSplitOf(`/proc/${pid}/task/${tid}/stat`);
    return { name, seconds: user + system };
  } catch {
    return undefined; // it ended while being read
  }
}

/** What each thread spent between two readings of `threadCpuSeconds`, in the order of the later one. */
export function threadCpuSpent(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...after].map(([name, seconds]) => [name, Math.max(0, seconds - (before.get(name) ?? 0))]));
}
