import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Rejection } from './acknowledged-prefix';
import { importFile, ImportSummary } from './import-file';
import { FatalImportError, MentionsApi } from './mentions-api';
import { BarProgress, ImportRate, LineProgress, settled } from './progress';

export const USAGE = `usage: npm run import -- <file.ndjson|file.csv> [--url URL] [--token TOKEN]
       [--format ndjson|csv] [--batch-size 500] [--concurrency 4]
       [--checkpoint FILE] [--rejects FILE] [--restart]
  URL defaults to $CXM_URL (else http://127.0.0.1:3000), TOKEN to $CXM_ADMIN_TOKEN.
  Exit: 0 every record accepted (or already there), 2 some rejected (see the rejects file),
        1 fatal error (run again to resume), 130 interrupted (run again to resume).`;

/** Exit codes (documented in USAGE and README). */
export const EXIT = { ok: 0, fatal: 1, rejected: 2, interrupted: 130 } as const;

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  signal?: AbortSignal;
}

/** `npm run import`: parses the arguments, runs the import, prints the summary; returns the exit code. */
export async function runImportCli(io: CliIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(io.argv);
  } catch (error) {
    io.stderr.write(`import: ${(error as Error).message}\n${USAGE}\n`);
    return EXIT.fatal;
  }
  const { file, values } = args;
  const token = values.token ?? io.env.CXM_ADMIN_TOKEN;
  if (!token) {
    io.stderr.write('import: give --token or set CXM_ADMIN_TOKEN\n');
    return EXIT.fatal;
  }
  const url = (values.url ?? io.env.CXM_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const format = (values.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'ndjson')) as 'csv' | 'ndjson';
  try {
    const summary = await importFile({
      file,
      format,
      api: new MentionsApi(url, token),
      checkpointPath: values.checkpoint ?? `${file}.checkpoint.json`,
      rejectsPath: values.rejects ?? `${file}.rejects.ndjson`,
      batchSize: positive(values['batch-size'], 500, '--batch-size'),
      concurrency: positive(values.concurrency, 4, '--concurrency'),
      restart: values.restart,
      signal: io.signal,
      progress: (initial) => {
        const rate = new ImportRate(initial.offset, settled(initial.counts));
        return io.stdout.isTTY ? new BarProgress(rate, initial) : new LineProgress(rate, (text) => io.stdout.write(text));
      },
    });
    return await report(summary, values.rejects ?? `${file}.rejects.ndjson`, io);
  } catch (error) {
    const message = error instanceof FatalImportError || (error as NodeJS.ErrnoException).code ? (error as Error).message : String((error as Error).stack ?? error);
    io.stderr.write(`import: ${message}\nimport: stopped; the checkpoint keeps what was acknowledged — run the same command again to resume\n`);
    return EXIT.fatal;
  }
}

async function report(summary: ImportSummary, rejectsPath: string, io: CliIo): Promise<number> {
  const c = summary.counts;
  if (summary.alreadyComplete) {
    io.stdout.write(`already imported (the checkpoint says complete): ${c.accepted} new, ${c.duplicates} duplicate, ${c.edited} edited, ${c.rejected} rejected; --restart to send it again\n`);
    return c.rejected ? EXIT.rejected : EXIT.ok;
  }
  const resumed = summary.resumedFromLine ? ` (resumed after line ${summary.resumedFromLine})` : '';
  io.stdout.write(`${summary.complete ? 'done' : 'interrupted'}${resumed}: ${c.accepted} new, ${c.duplicates} duplicate, ${c.edited} edited, ${c.rejected} rejected, up to line ${summary.line}\n`);
  // The rejects file holds those of earlier, interrupted runs too: the summary lists from it.
  if (c.rejected) io.stderr.write(describeRejections(await firstRejections(rejectsPath, 20), c.rejected, rejectsPath));
  if (!summary.complete) return EXIT.interrupted;
  return c.rejected ? EXIT.rejected : EXIT.ok;
}

/** The stderr summary: the first rejections with their line numbers and reasons, and where all of them are. */
export function describeRejections(first: Rejection[], total: number, rejectsPath: string): string {
  const lines = first.map((r) => `  line ${r.line}: ${r.reason}${r.status ? ` (${r.status})` : ''}\n`);
  const more = total > first.length ? `  … and ${total - first.length} more\n` : '';
  return `${total} rejected line(s) — all of them, with reasons, in ${rejectsPath}:\n${lines.join('')}${more}`;
}

/** The first `count` entries of the rejects file, read without loading the rest. */
async function firstRejections(path: string, count: number): Promise<Rejection[]> {
  const found: Rejection[] = [];
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim()) found.push(JSON.parse(line) as Rejection);
    if (found.length >= count) break;
  }
  lines.close();
  return found;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      format: { type: 'string' },
      'batch-size': { type: 'string' },
      concurrency: { type: 'string' },
      checkpoint: { type: 'string' },
      rejects: { type: 'string' },
      restart: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new Error('name exactly one file to import');
  if (values.format !== undefined && !['ndjson', 'csv'].includes(values.format)) throw new Error('--format is ndjson or csv');
  return { file: positionals[0], values };
}

function positive(raw: string | undefined, fallback: number, flag: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new FatalImportError(`${flag} takes a positive whole number (got "${raw}")`);
  return value;
}
