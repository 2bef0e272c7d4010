import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendOnlyFile } from './append-only-file';

describe('AppendOnlyFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxm-aof-'));

  it('returns every line appended before it was reopened, in order', async () => {
    const path = join(dir, 'ordered.log');
    const { file } = await AppendOnlyFile.open(path, { durable: true });
    await Promise.all([file.append(['a', 'b']), file.append(['c']), file.append(['d'])]);
    await file.close();
    const { lines } = await AppendOnlyFile.open(path, { durable: true });
    expect(lines).toEqual(['a', 'b', 'c', 'd']);
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
    const { lines } = await AppendOnlyFile.open(path, { durable: true });
    expect(lines.slice(0, 1)).toEqual(['snapshot']);
    expect(lines.slice(1).filter((l) => l !== 'in-flight')).toEqual(['after-1', 'after-2', 'later']);
    expect(lines).not.toContain('old-1');
  });
});
