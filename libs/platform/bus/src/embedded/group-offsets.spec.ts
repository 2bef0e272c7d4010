import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupOffsets } from './group-offsets';

describe('GroupOffsets', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cxm-offsets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('knows a commit at once, and after close() a reopened group resumes at the last commit of every partition', async () => {
    const path = join(dir, 'classifier', 'mentions.raw.log');
    const offsets = await GroupOffsets.open(path, 4);
    for (let offset = 1; offset <= 500; offset++) {
      offsets.commit(offset % 4, offset);
      expect(offsets.next(offset % 4)).toBe(offset);
    }
    await offsets.close();
    const reopened = await GroupOffsets.open(path, 4);
    expect([0, 1, 2, 3].map((p) => reopened.next(p))).toEqual([500, 497, 498, 499]);
    await reopened.close();
  });

  it('writes far fewer lines than commits while a write is in flight: one write carries the latest offsets', async () => {
    const path = join(dir, 'router', 'mentions.classified.log');
    const offsets = await GroupOffsets.open(path, 2);
    for (let offset = 1; offset <= 1000; offset++) offsets.commit(offset % 2, offset);
    await offsets.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThan(20);
    expect(lines.slice(-2).map((line) => JSON.parse(line))).toEqual(expect.arrayContaining([{ p: 0, o: 1000 }, { p: 1, o: 999 }]));
  });
});
