// Preloaded into the bench's server child (`bench:ingest -- --cpu-prof DIR`): the first SIGWINCH (not
// SIGUSR2, on which Nest's shutdown hooks close the app)
// starts the V8 sampling profiler, the second writes `<DIR>/server-<pid>-<n>.cpuprofile`. So the
// profile covers exactly the measured phase, not the start-up or the warm-up (which `--cpu-prof`
// would include, and it only writes on a clean exit, which a SIGTERM through Nest is not).
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.CXM_BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  let written = 0;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) process.stderr.write(`cpu-profile: ${error.message}\n`);
      else writeFileSync(join(dir, `server-${process.pid}-${++written}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
