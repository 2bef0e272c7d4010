// Preloaded into the bench's server child (`bench:ingest -- --cpu-prof DIR`): the first SIGWINCH (not
// SIGUSR2, on which Nest's shutdown hooks close the app)
// starts the V8 sampling profiler, the second writes `<DIR>/server-<pid>-<thread>-<n>.cpuprofile`.
// So the profile covers exactly the measured phase, not the start-up or the warm-up (which
// `--cpu-prof` would include, and it only writes on a clean exit, which a SIGTERM through Nest is not).
//
// Node.js preloads this into every worker thread too (the lifecycle thread, the front-door
// replicas), but signals reach the main thread only: it passes each toggle on over a
// BroadcastChannel, so every thread's profile covers the same phase. `<thread>` is `main`,
// `replica<N>` for front-door replica N (its workerData), else `worker<threadId>` (the all-in-one's
// one other worker: the lifecycle thread).
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { BroadcastChannel, isMainThread, threadId, workerData } = require('node:worker_threads');

const dir = process.env.CXM_BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  const replica = !isMainThread && workerData && typeof workerData.index === 'number' && typeof workerData.threads === 'number' ? workerData.index : undefined;
  const thread = isMainThread ? 'main' : replica !== undefined ? `replica${replica}` : `worker${threadId}`;
  let running = false;
  let written = 0;
  const toggle = () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) process.stderr.write(`cpu-profile: ${error.message}\n`);
      else writeFileSync(join(dir, `server-${process.pid}-${thread}-${++written}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  const toggles = new BroadcastChannel('cxm-bench-cpu-profile');
  // It must not keep a thread alive that would otherwise end.
  toggles.unref();
  if (isMainThread) {
    process.on('SIGWINCH', () => {
      toggles.postMessage('toggle');
      toggle();
    });
  } else {
    toggles.onmessage = toggle;
  }
}
