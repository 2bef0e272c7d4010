/** What the benchmarks that start their server as a child process share: waiting for it, and its CPU time. */
import { readFileSync } from 'node:fs';
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
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/** The two added: every CPU second the process spent. */
export function processCpuSeconds(pid: number): number {
  const { user, system } = processCpuSplit(pid);
  return user + system;
}
