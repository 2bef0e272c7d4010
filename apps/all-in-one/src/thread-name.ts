import { writeFileSync } from 'node:fs';

/** Linux keeps at most 15 bytes of a thread's name. */
const MAX_THREAD_NAME_BYTES = 15;

/**
 * Names the calling OS thread (Linux: `/proc/thread-self/comm`), so `top -H`, `ps -L` and
 * `bench:ingest`'s CPU by thread tell the all-in-one's threads apart: every thread of a Node.js
 * process is otherwise called `node`. The main thread keeps that name, as the process's (`pgrep
 * node`, `ps`). Where there is no procfs, or it refuses, the thread keeps its name: it is a
 * convenience for whoever reads the CPU by thread, nothing depends on it.
 */
export function nameThisThread(name: string): void {
  try {
    writeFileSync('/proc/thread-self/comm', Buffer.from(name, 'utf8').subarray(0, MAX_THREAD_NAME_BYTES));
  } catch {
    // Not Linux, or procfs is not mounted.
  }
}
