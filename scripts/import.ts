/**
 * `npm run import -- <file> [--url …] [--token …]`: bulk import of NDJSON or CSV files of canonical
 * mentions into a running API, resumable after any interruption (tools/import, docs/api.md).
 */
import { runImportCli } from '@cxm/import-cli';

const abort = new AbortController();
let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // First Ctrl-C: finish what is in flight and write the checkpoint. Second: leave at once (still resumable).
    if (++interrupts > 1) process.exit(130);
    abort.abort();
  });
}

runImportCli({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, signal: abort.signal }).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`import: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
