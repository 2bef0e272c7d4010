/**
 * The Node.js flags the all-in-one is launched with, in one place. `npm start`, `start:demo`,
 * `bench:lifecycle` and the Nx target carry them (node-flags.spec.ts checks those scripts, which
 * cannot import this file); the e2e suites that start it as a child process and `bench:ingest`
 * take them from here. The e2e suites that start it inside jest's own process run without them,
 * as jest was started.
 *
 * `--v8-pool-size=1` (ADR 0029): V8's background threads (concurrent GC marking, parallel
 * scavenges, JIT compilation) serve every thread's heap and run at normal priority, also for the
 * lifecycle thread that runs at nice 19. With V8's default of four, on two cores they took both
 * CPUs for tens of milliseconds at a time, and the front door's journal writes waited in libuv's
 * pool for a CPU: those were the stalls behind the p99 at 1,000 mentions/s (docs/performance.md).
 *
 * `--max-semi-space-size=32` (ADR 0034): each thread's young generation may grow to twice the
 * 16 MB semi-spaces Node 20 gives it on the measured machine. Per request the front door allocates
 * the body, the mapped mentions, their journal lines and the messages between its threads, and
 * keeps little of it: with more room, more of it is dead by the next scavenge, so less is copied
 * or promoted. Measured with `--trace-gc`: the main thread ran 107 scavenges instead of 205 in the
 * same bench run. Every isolate takes it, the worker threads' too.
 */
const FLAGS: readonly { flag: string; withoutIt: string }[] = [
  { flag: '--v8-pool-size=1', withoutIt: "V8's background threads compete with the front door for the CPU on a machine with few cores (ADR 0029)" },
  { flag: '--max-semi-space-size=32', withoutIt: 'the front door collects its young generation about twice as often (ADR 0034)' },
];

export const ALL_IN_ONE_NODE_FLAGS: readonly string[] = FLAGS.map(({ flag }) => flag);

/** The arguments that start the all-in-one as `npm start` does, for a child process. */
export function allInOneLaunchArguments(...appArguments: string[]): string[] {
  return [...ALL_IN_ONE_NODE_FLAGS, '-r', './scripts/register.js', 'apps/all-in-one/src/main.ts', ...appArguments];
}

/**
 * What to tell the operator when the process was started without one of the flags' options set
 * to any value, ours or their own (on the command line or in `NODE_OPTIONS`); undefined when each
 * was. Node accepts `--v8_pool_size` for `--v8-pool-size`, and a value as the next argument.
 */
export function missingNodeFlagsWarning(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string | undefined {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)].map(optionName));
  const missing = FLAGS.filter(({ flag }) => !given.has(optionName(flag)));
  if (missing.length === 0) return undefined;
  const flags = missing.map(({ flag }) => flag);
  const reasons = missing.map(({ flag, withoutIt }) => `without ${flag}, ${withoutIt}`).join('; ');
  // "Add": NODE_OPTIONS may already hold the operator's other settings, the other flag among them.
  return `all-in-one: started without ${flags.join(' and ')}, which npm start sets. ${capitalised(reasons)}. Add ${flags.join(' ')} to NODE_OPTIONS.\n`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `--v8_pool_size=1` → `--v8-pool-size`: the option an argument sets, spelt one way. */
function optionName(arg: string): string {
  const name = arg.replace(/^["']|["']$/g, '').split('=')[0];
  return name.startsWith('--') ? `--${name.slice(2).replace(/_/g, '-')}` : name;
}
