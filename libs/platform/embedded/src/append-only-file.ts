import { closeSync, constants, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, existsSync, truncateSync, writeSync } from 'node:fs';
import { open, FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as nextTurnOfTheEventLoop } from 'node:timers/promises';

export interface AppendOnlyFileOptions {
  /**
   * Each group of appends is on disk before it is acknowledged. On for anything a client was
   * promised is stored; off for state that is cheap to rebuild (consumer offsets: losing some
   * only causes redelivery).
   */
  durable: boolean;
}

/**
 * A newline-delimited journal that many callers append to at once. Appends made while a write is
 * in flight are grouped into the next write and share one fsync ("group commit"), so durability
 * costs one disk flush per burst rather than one per record.
 */
export class AppendOnlyFile {
  private pending: { lines: string[]; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private rewriting = false;

  private constructor(
    private readonly path: string,
    private handle: FileHandle,
    private readonly options: AppendOnlyFileOptions,
  ) {}

  /**
   * Opens (creating if needed) and returns the journal with the complete lines it holds. A torn
   * last line — a process killed mid-write — is cut off: its append was never acknowledged.
   */
  static async open(path: string, options: AppendOnlyFileOptions): Promise<{ file: AppendOnlyFile; lines: string[] }> {
    mkdirSync(dirname(path), { recursive: true });
    const lines = existsSync(path) ? readCompleteLines(path) : [];
    const handle = await open(path, openFlags(options));
    return { file: new AppendOnlyFile(path, handle, options), lines };
  }

  append(lines: string[]): Promise<void> {
    if (lines.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.pending.push({ lines, resolve, reject });
      if (!this.flushing && !this.rewriting) this.flushing = this.flushSoon();
    });
  }

  /**
   * Replaces the whole content atomically (write aside, fsync, rename): used to compact, and to
   * swap in a rebuilt index. Appends made while it runs are not lost to the rename: they are
   * written after `lines` in the new file (a line already reflected in `lines` is then replayed
   * twice, which the journals' version checks make harmless).
   */
  async rewrite(lines: string[]): Promise<void> {
    this.rewriting = true;
    try {
      await this.flushing; // the loop stops after its current write (it checks `rewriting`)
      const waiting = this.pending;
      this.pending = [];
      try {
        await this.handle.close();
        const tmp = `${this.path}.compact`;
        const fd = openSync(tmp, 'w');
        try {
          const all = waiting.length ? [...lines, ...waiting.flatMap((w) => w.lines)] : lines;
          // In chunks: one joined string of a million documents would pass V8's string length limit.
          for (let i = 0; i < all.length; i += REWRITE_CHUNK_LINES) writeSync(fd, all.slice(i, i + REWRITE_CHUNK_LINES).join('\n') + '\n');
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, this.path);
        fsyncDirectory(dirname(this.path));
        this.handle = await open(this.path, openFlags(this.options));
        waiting.forEach((w) => w.resolve());
      } catch (error) {
        waiting.forEach((w) => w.reject(error));
        throw error;
      }
    } finally {
      this.rewriting = false;
      if (this.pending.length && !this.flushing) this.flushing = this.flushSoon();
    }
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }

  /**
   * Starts the flush loop once the callers already running have had their turn: appends made in
   * the same burst (a batch of mentions, the events of one request) then share the first write
   * and its fsync instead of the first append going out alone.
   */
  private async flushSoon(): Promise<void> {
    await nextTurnOfTheEventLoop();
    await this.flushLoop();
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length && !this.rewriting) {
      const batch = this.pending;
      this.pending = [];
      try {
        // A durable journal is opened with O_DSYNC: the write returns once the data is on disk, as
        // write + fdatasync would, in one trip to libuv's thread pool instead of two.
        await writeSlots.take();
        try {
          await this.handle.write(batch.map((b) => b.lines.join('\n') + '\n').join(''));
          if (this.options.durable && !SYNCHRONISED_WRITES) await this.handle.datasync();
        } finally {
          writeSlots.give();
        }
        batch.forEach((b) => b.resolve());
      } catch (error) {
        batch.forEach((b) => b.reject(error));
      }
    }
    this.flushing = undefined;
  }
}

/**
 * How many journal writes this thread may have in libuv's thread pool at once. The pool is the
 * process's, shared by every thread: unbounded, the all-in-one's lifecycle thread (some twenty
 * journals, each with a write in flight) kept the front door's writes queued behind its own
 * (ADR 0028). Appends that wait for a slot are not idle — they join their journal's next group
 * commit, so fewer, larger writes go out.
 */
class WriteSlots {
  private limit: () => number = () => Infinity;
  private inUse = 0;
  private readonly waiting: (() => void)[] = [];

  setLimit(limit: () => number): void {
    this.limit = limit;
  }

  take(): Promise<void> | undefined {
    if (this.inUse < this.limit()) {
      this.inUse += 1;
      return undefined;
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.inUse += 1;
        resolve();
      }),
    );
  }

  /** A write waits only while another is in flight, so the limit is looked at again here. */
  give(): void {
    this.inUse -= 1;
    const limit = this.limit();
    while (this.inUse < limit && this.waiting.length) this.waiting.shift()!();
  }
}

/** Module state is per thread (each worker thread loads its own copy of the module). */
const writeSlots = new WriteSlots();

/**
 * Bounds this thread's journal writes in flight at once; `limit` is asked at each write (the
 * lifecycle thread's answer depends on whether the front door is busy). Default: unbounded.
 */
export function limitJournalWritesInFlight(limit: () => number): void {
  writeSlots.setLimit(() => Math.max(1, limit()));
}

/**
 * Whether a journal replayed into `live` documents is worth rewriting: only when it is long and
 * mostly superseded entries, so small journals are never rewritten at every start.
 */
export function journalNeedsCompaction(journalLines: number, live: number): boolean {
  return journalLines > 1000 && journalLines > live * 2;
}

const REWRITE_CHUNK_LINES = 10_000;

/**
 * Append-only, created if missing; a durable journal's writes are synchronised (O_DSYNC: each
 * completes as write + fdatasync would). Measured on this project's VM (`npm run bench:journal`):
 * 0.56–0.60× the main thread's CPU per durable append, and 0.8× the wall time (docs/performance.md).
 */
function openFlags(options: AppendOnlyFileOptions): number {
  const append = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND;
  return options.durable && SYNCHRONISED_WRITES ? append | constants.O_DSYNC : append;
}

/** Where the platform has no O_DSYNC (Windows), durable journals fsync after each write instead. */
const SYNCHRONISED_WRITES = constants.O_DSYNC !== undefined;
const NEWLINE = 0x0a;

/**
 * The journal's complete lines, decoded one by one from the bytes: a journal of a million
 * documents is larger than the longest string V8 can hold, so it is never decoded whole.
 */
function readCompleteLines(path: string): string[] {
  const content = readFileSync(path);
  const end = content.lastIndexOf(NEWLINE) + 1;
  if (end < content.length) truncateSync(path, end);
  const lines: string[] = [];
  for (let start = 0; start < end; ) {
    const newline = content.indexOf(NEWLINE, start);
    if (newline > start) lines.push(content.toString('utf8', start, newline));
    start = newline + 1;
  }
  return lines;
}

function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
