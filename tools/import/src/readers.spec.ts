import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv } from './read-csv';
import { readNdjson } from './read-ndjson';
import { SourceItem } from './source-item';

async function all(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('file readers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxm-import-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('NDJSON', () => {
    const path = join(dir, 'mentions.ndjson');
    const lines = ['{"externalId":"1","text":"Привет 👋"}', '', '{"externalId":"2","text":"สวัสดี"}', '{broken', '[1,2]', '{"externalId":"3"}'];
    beforeAll(() => writeFileSync(path, lines.join('\n')));

    it('numbers records by their line, skips blank lines, and reports unreadable ones', async () => {
      const items = await all(readNdjson(path, { offset: 0, line: 0 }));
      expect(items.map((i) => [i.line, i.error ? 'error' : (i.value as { externalId: string }).externalId])).toEqual([
        [1, '1'],
        [3, '2'],
        [4, 'error'],
        [5, 'error'],
        [6, '3'],
      ]);
      expect(items[2].error).toMatch(/^not valid JSON/);
      expect(items[3].error).toBe('not a JSON object');
    });

    it('gives each record the byte offset just after it, so reading can resume there', async () => {
      const items = await all(readNdjson(path, { offset: 0, line: 0 }));
      const bytes = readFileSync(path);
      expect(items[items.length - 1].endOffset).toBe(bytes.length);
      const resumed = await all(readNdjson(path, { offset: items[1].endOffset, line: items[1].line }));
      expect(resumed.map((i) => i.line)).toEqual([4, 5, 6]);
      expect(bytes.subarray(items[0].endOffset, items[1].endOffset).toString()).toBe('\n{"externalId":"2","text":"สวัสดี"}\n');
    });
  });

  describe('CSV', () => {
    const path = join(dir, 'mentions.csv');
    const csv = [
      'tenantId,channel,externalId,author.id,author.handle,author.displayName,author.followers,text,createdAt',
      'demo,reviews,r-1,u1,@ayse,Ayşe,120,"Kargo geç geldi, ""berbat""",2026-11-20T10:00:00Z',
      'demo,reviews,r-2,u2,@jean,Jean,,"Très bien,',
      'merci !",2026-11-20T11:00:00Z',
      'demo,reviews,r-3,u3,@x,X,many,texte,2026-11-20T12:00:00Z',
      '',
    ].join('\n');
    beforeAll(() => writeFileSync(path, csv));

    it('builds nested canonical mentions from dotted headers, leaving empty cells out', async () => {
      const [first, second] = await all(readCsv(path, { offset: 0, line: 0 }));
      expect(first).toMatchObject({ line: 2, value: { channel: 'reviews', author: { id: 'u1', handle: '@ayse', displayName: 'Ayşe', followers: 120 }, text: 'Kargo geç geldi, "berbat"' } });
      expect(second.line).toBe(4);
      expect(second.value).toEqual({ tenantId: 'demo', channel: 'reviews', externalId: 'r-2', author: { id: 'u2', handle: '@jean', displayName: 'Jean' }, text: 'Très bien,\nmerci !', createdAt: '2026-11-20T11:00:00Z' });
    });

    it('reports a non-numeric follower count with its line', async () => {
      const items = await all(readCsv(path, { offset: 0, line: 0 }));
      expect(items[2]).toMatchObject({ line: 5, error: 'author.followers: "many" is not a whole number' });
    });

    it('resumes after a record using the header row it read first', async () => {
      const [first] = await all(readCsv(path, { offset: 0, line: 0 }));
      const resumed = await all(readCsv(path, { offset: first.endOffset, line: first.line }));
      expect(resumed.map((i) => i.line)).toEqual([4, 5]);
      expect((resumed[0].value as { externalId: string }).externalId).toBe('r-2');
    });
  });
});
