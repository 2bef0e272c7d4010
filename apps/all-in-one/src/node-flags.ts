/**
 * The Node.js flags the all-in-one is launched with (ADR 0029), in one place: `npm start`, the
 * Nx target, the e2e suites and `bench:ingest` all start it with these (node-flags.spec.ts checks
 * the scripts that cannot import this file).
 *
 * `--v8-pool-size=1`: V8's background threads (concurrent GC marking, parallel scavenges, JIT
 * compilation) serve both threads' heaps and run at normal priority, also for the lifecycle thread
 * that runs at nice 19. With V8's default of four, on two cores they took both CPUs for tens of
 * milliseconds at a time, and the front door's journal writes waited in libuv's pool for a CPU:
 * those were the stalls behind the p99 at 1,000 mentions/s (docs/performance.md).
 */
export const ALL_IN_ONE_NODE_FLAGS: readonly string[] = ['--v8-pool-size=1'];

/** The arguments that start the all-in-one as `npm start` does, for a child process. */
export function allInOneLaunchArguments(...appArguments: string[]): string[] {
  return [...ALL_IN_ONE_NODE_FLAGS, '-r', './scripts/register.js', 'apps/all-in-one/src/main.ts', ...appArguments];
}

/**
 * What to tell the operator when the process was started without a V8 pool size, neither ours nor
 * one of their own (a flag or `NODE_OPTIONS`); undefined when one was chosen.
 */
export function missingNodeFlagsWarning(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string | undefined {
  const chosen = [...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => arg.startsWith('--v8-pool-size'));
  if (chosen) return undefined;
  return `all-in-one: started without ${ALL_IN_ONE_NODE_FLAGS.join(' ')} (npm start sets it): on a machine with few cores V8's background threads then compete with the front door for the CPU; set NODE_OPTIONS=${ALL_IN_ONE_NODE_FLAGS.join(' ')} (ADR 0029)\n`;
}
