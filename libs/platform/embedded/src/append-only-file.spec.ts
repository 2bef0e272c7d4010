import { appendFileSync, constants, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendOnlyFile } from './append-only-file';

describe('AppendOnlyFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxm-aof-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns every line appended before it was reopened, in order', async () => {
    const path = join(dir, 'ordered.log');
    const { file } = await AppendOnlyFile.open(path, { durable: true });
    await Promise.all([file.append(['a', 'b']), file.append(['c']), file.append(['d'])]);
    await file.close();
    const reopened = await AppendOnlyFile.open(path, { durable: true });
    await reopened.file.close();
    expect(reopened.lines).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops a torn last line left by a killed writer and keeps appending cleanly after it', async () => {
    const path = join(dir, 'torn.log');
    const first = await AppendOnlyFile.open(path, { durable: true });
    await first.file.append(['{"n":1}']);
    await first.file.close();
    appendFileSync(path, '{"n":2, "half');
    const reopened = await AppendOnlyFile.open(path, { durable: true });
    expect(reopened.lines).toEqual(['{"n":1}']);
    await reopened.file.append(['{"n":3}']);
    await reopened.file.close();
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n{"n":3}\n');
  });

  it('rewrites its content atomically for compaction', async () => {
    const path = join(dir, 'compact.log');
    const { file } = await AppendOnlyFile.open(path, { durable: false });
    await file.append(['x', 'y', 'z']);
    await file.rewrite(['z']);
    await file.append(['w']);
    await file.close();
    expect(readFileSync(path, 'utf8')).toBe('z\nw\n');
  });

  it('keeps the appends made while a rewrite runs, after the rewritten content', async () => {
    const path = join(dir, 'concurrent.log');
    const { file } = await AppendOnlyFile.open(path, { durable: true });
    await file.append(['old-1', 'old-2']);
    const during = [file.append(['in-flight'])];
    const rewritten = file.rewrite(['snapshot']);
    during.push(file.append(['after-1']), file.append(['after-2']));
    await Promise.all([rewritten, ...during]);
    await file.append(['later']);
    await file.close();
    const reopened = await AppendOnlyFile.open(path, { durable: true });
    await reopened.file.close();
    const lines = reopened.lines;
    expect(lines.slice(0, 1)).toEqual(['snapshot']);
    expect(lines.slice(1).filter((l) => l !== 'in-flight')).toEqual(['after-1', 'after-2', 'later']);
    expect(lines).not.toContain('old-1');
  });

  // /proc/self/fdinfo is Linux's (where CI, the images and Kubernetes run); elsewhere there is nothing to read the flags from.
  const onLinux = process.platform === 'linux' ? it : it.skip;

  onLinux('writes a durable journal synchronously (O_DSYNC on its descriptor) and a non-durable one without', async () => {
    const durable = await AppendOnlyFile.open(join(dir, 'durable.log'), { durable: true });
    const cheap = await AppendOnlyFile.open(join(dir, 'cheap.log'), { durable: false });
    await Promise.all([durable.file.append(['kept']), cheap.file.append(['rebuildable'])]);
    expect(openFlagsOf(join(dir, 'durable.log')) & constants.O_DSYNC).toBe(constants.O_DSYNC);
    expect(openFlagsOf(join(dir, 'cheap.log')) & constants.O_DSYNC).toBe(0);
    await durable.file.rewrite(['kept', 'again']);
    // The descriptor opened after a compaction's rename is synchronised too.
    expect(openFlagsOf(join(dir, 'durable.log')) & constants.O_DSYNC).toBe(constants.O_DSYNC);
    await Promise.all([durable.file.close(), cheap.file.close()]);
  });
});

/** The open flags of this process's descriptor on `path`, from /proc (Linux: where the embedded mode runs in CI and in containers). */
function openFlagsOf(path: string): number {
  const fd = readdirSync('/proc/self/fd').find((entry) => {
    try {
      return readlinkSync(`/proc/self/fd/${entry}`) === path;
    } catch {
      return false; // the descriptor readdir itself used, gone by now
    }
  });
  if (fd === undefined) throw new Error(`no open descriptor on ${path}`);
  const flags = /^flags:\s+([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
  if (flags === undefined) throw new Error(`no flags in /proc/self/fdinfo/${fd}`);
  return parseInt(flags, 8);
}
