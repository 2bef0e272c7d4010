import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { FileHandle, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendOnlyFile, limitJournalWritesInFlight } from './append-only-file';

/** Counts the FileHandle writes in flight at once, across every journal of this thread. */
async function watchWrites(firstWriteWaitsFor?: Promise<void>): Promise<{ mostAtOnce: () => number; writes: () => number; restore: () => void }> {
  const probeDir = mkdtempSync(join(tmpdir(), 'cxm-probe-'));
  const probe = await open(join(probeDir, 'probe'), 'w');
  const prototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  rmSync(probeDir, { recursive: true, force: true });
  const original = prototype.write;
  let inFlight = 0;
  let most = 0;
  let writes = 0;
  prototype.write = async function (this: FileHandle, ...args: unknown[]) {
    most = Math.max(most, ++inFlight);
    writes += 1;
    try {
      if (writes === 1 && firstWriteWaitsFor) await firstWriteWaitsFor;
      return await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    } finally {
      inFlight -= 1;
    }
  } as typeof original;
  return { mostAtOnce: () => most, writes: () => writes, restore: () => void (prototype.write = original) };
}

describe('limitJournalWritesInFlight', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxm-aof-slots-'));
  afterEach(() => limitJournalWritesInFlight(() => Infinity));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function appendToFiveJournals(name: string): Promise<{ mostAtOnce: number; writes: number; contents: string[] }> {
    const files = await Promise.all([0, 1, 2, 3, 4].map((i) => AppendOnlyFile.open(join(dir, `${name}-${i}.log`), { durable: true })));
    const watch = await watchWrites();
    try {
      // Three bursts per journal, each burst in its own turn of the event loop.
      const appends: Promise<void>[] = [];
      for (let burst = 0; burst < 3; burst += 1) {
        files.forEach(({ file }, i) => appends.push(file.append([`${i}:${burst}`])));
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(appends);
      return { mostAtOnce: watch.mostAtOnce(), writes: watch.writes(), contents: files.map((_, i) => readFileSync(join(dir, `${name}-${i}.log`), 'utf8')) };
    } finally {
      watch.restore();
      await Promise.all(files.map(({ file }) => file.close()));
    }
  }

  it('lets every journal write at once by default', async () => {
    expect((await appendToFiveJournals('unbounded')).mostAtOnce).toBeGreaterThan(1);
  });

  it('keeps one write in flight when limited to one, grouping what waited, and loses nothing', async () => {
    limitJournalWritesInFlight(() => 1);
    const { mostAtOnce, contents } = await appendToFiveJournals('one');
    expect(mostAtOnce).toBe(1);
    contents.forEach((content, i) => expect(content).toBe(`${i}:0\n${i}:1\n${i}:2\n`));
  });

  it('asks the limit again when a write ends: everything waiting goes once it has risen', async () => {
    let limit = 1;
    limitJournalWritesInFlight(() => limit);
    const files = await Promise.all(['a', 'b', 'c', 'd'].map((name) => AppendOnlyFile.open(join(dir, `rising-${name}.log`), { durable: true })));
    let releaseFirstWrite = () => {};
    const watch = await watchWrites(new Promise((resolve) => (releaseFirstWrite = resolve)));
    try {
      // a's write goes out (and is held there); b, c and d wait for it. The limit rises meanwhile.
      const appends = files.map(({ file }, i) => file.append([`line ${i}`]));
      while (watch.writes() === 0) await new Promise((resolve) => setImmediate(resolve));
      limit = Infinity;
      releaseFirstWrite();
      await Promise.all(appends);
      // When a's write ended, b, c and d all went out together rather than one after another.
      expect(watch.mostAtOnce()).toBe(3);
    } finally {
      watch.restore();
      await Promise.all(files.map(({ file }) => file.close()));
    }
  });
});
