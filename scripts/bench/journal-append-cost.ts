/**
 * `npm run bench:journal [-- --appends 3000 --rounds 3 --bytes 1800]`: what one durable journal
 * append costs the event loop's thread, the two ways a journal can be made durable —
 * `write` then `fdatasync` (two trips to libuv's thread pool), or one `write` on a descriptor
 * opened with O_DSYNC (what AppendOnlyFile does, docs/performance.md). Prints the main thread's
 * CPU (`/proc/thread-self/schedstat`) and wall time per append, and O_DSYNC's ratio to the other.
 */
import { constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

type Mode = 'write+fdatasync' | 'O_DSYNC write';

/** ms this thread has run on a CPU. */
const threadCpuMs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;

async function appendCost(dir: string, mode: Mode, appends: number, line: string): Promise<{ cpuUs: number; wallUs: number }> {
  const append = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND;
  const handle = await open(join(dir, `${mode === 'O_DSYNC write' ? 'dsync' : 'fdatasync'}.log`), mode === 'O_DSYNC write' ? append | constants.O_DSYNC : append);
  const cpuStart = threadCpuMs();
  const wallStart = performance.now();
  for (let i = 0; i < appends; i++) {
    await handle.write(`${line}${i}\n`);
    if (mode === 'write+fdatasync') await handle.datasync();
  }
  const result = { cpuUs: ((threadCpuMs() - cpuStart) * 1000) / appends, wallUs: ((performance.now() - wallStart) * 1000) / appends };
  await handle.close();
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { appends: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '3' }, bytes: { type: 'string', default: '1800' } } });
  const dir = mkdtempSync(join(tmpdir(), 'cxm-bench-journal-'));
  const line = 'x'.repeat(Number(values.bytes));
  try {
    console.log(`durable journal appends of ${values.bytes} bytes, ${values.appends} per run, alternating (per append: main-thread CPU, wall)`);
    for (let round = 1; round <= Number(values.rounds); round++) {
      const separate = await appendCost(dir, 'write+fdatasync', Number(values.appends), line);
      const synchronised = await appendCost(dir, 'O_DSYNC write', Number(values.appends), line);
      console.log(
        `  round ${round}: write+fdatasync ${separate.cpuUs.toFixed(1)} µs CPU, ${separate.wallUs.toFixed(1)} µs wall | O_DSYNC write ${synchronised.cpuUs.toFixed(1)} µs CPU, ${synchronised.wallUs.toFixed(1)} µs wall | O_DSYNC's CPU ${(synchronised.cpuUs / separate.cpuUs).toFixed(2)}×, wall ${(synchronised.wallUs / separate.wallUs).toFixed(2)}×`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench:journal: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
