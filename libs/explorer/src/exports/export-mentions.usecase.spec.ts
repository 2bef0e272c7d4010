import { loadPlatformConfig } from '@cxm/platform-config';
import { EmbeddedMentionIndex, MentionIndex, SEARCH_FIELD_NAMES, SearchPage } from '@cxm/platform-index';
import { parseQuery, QueryNode } from '@cxm/query';
import { parse } from 'csv-parse/sync';
import { Writable } from 'node:stream';
import { aMentionDocument } from '../common/mention-document.builder';
import { CSV_COLUMNS, spreadsheetSafe } from './export-format';
import { ExportMentions } from './export-mentions.usecase';

const PAGE = 10;
const TEXTS = ['Батарея садится за два часа', 'แบตเตอรี่หมดเร็วมาก', 'Pil çok çabuk bitiyor 😤', 'La batterie ne tient pas', 'البطارية سيئة جدا', 'バッテリーの持ちが悪い', 'बैटरी जल्दी खत्म हो जाती है'];

/** Records, for each search, how many bytes had already been written: proves pages are written as they come. */
class WatchedIndex {
  readonly bytesWrittenAtSearch: number[] = [];
  written = 0;
  constructor(private readonly inner: MentionIndex) {}
  search(tenantId: string, query: QueryNode, page: SearchPage) {
    this.bytesWrittenAtSearch.push(this.written);
    return this.inner.search(tenantId, query, page);
  }
}

function sink(watch?: WatchedIndex): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      if (watch) watch.written += chunk.length;
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('ExportMentions', () => {
  const config = loadPlatformConfig({ CXM_EXPORT_PAGE_SIZE: String(PAGE) });
  const all = parseQuery('', { fields: SEARCH_FIELD_NAMES });
  let index: EmbeddedMentionIndex;

  beforeEach(async () => {
    index = new EmbeddedMentionIndex();
    // 57 mentions: five full pages and a partial one, one second apart, in seven languages.
    for (let i = 0; i < 57; i++) {
      await index.upsert(aMentionDocument({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, text: TEXTS[i % TEXTS.length], createdAt: new Date(Date.UTC(2026, 10, 20, 10, 0, i)).toISOString(), topics: ['battery', 'hardware'] }));
    }
    await index.upsert(aMentionDocument({ tenantId: 'acme', text: 'acme only' }));
  });

  it('streams every matching mention as NDJSON, newest first, fetching one page at a time while writing', async () => {
    const watched = new WatchedIndex(index);
    const exporter = new ExportMentions(watched as unknown as MentionIndex, config);
    const opened = await exporter.open('demo', all, 'ndjson');
    expect(opened.count).toBe(57);
    const out = sink(watched);
    await opened.writeTo(out.stream);

    const lines = out.text().trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(57);
    expect(lines[0].createdAt).toBe('2026-11-20T10:00:56.000Z');
    expect(lines[56].createdAt).toBe('2026-11-20T10:00:00.000Z');
    expect(new Set(lines.map((l) => l.id)).size).toBe(57);
    expect(lines.every((l) => l.tenantId === 'demo')).toBe(true);
    // Six pages of at most ten; each later page was asked for only after the previous one was written.
    expect(watched.bytesWrittenAtSearch).toHaveLength(6);
    for (let i = 1; i < 6; i++) expect(watched.bytesWrittenAtSearch[i]).toBeGreaterThan(watched.bytesWrittenAtSearch[i - 1]);
  });

  it('writes CSV with a header row and the documented columns, which parses back to the same mentions', async () => {
    const exporter = new ExportMentions(index, config);
    const out = sink();
    await (await exporter.open('demo', parseQuery('lang:en', { fields: SEARCH_FIELD_NAMES }), 'csv')).writeTo(out.stream);
    expect(out.text().charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(out.text(), { bom: true });
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(58);
    const byHeader = (row: string[]) => Object.fromEntries(rows[0].map((h, i) => [h, row[i]]));
    const first = byHeader(rows[1]);
    expect(first).toMatchObject({ createdAt: '2026-11-20T10:00:56.000Z', channel: 'x', authorHandle: '@ana', lang: 'en', sentiment: 'negative', intents: 'complaint', topics: 'battery|hardware' });
    expect(rows.slice(1).map((r) => byHeader(r).text)).toContain('แบตเตอรี่หมดเร็วมาก');
  });

  it('stops at the limit without fetching further pages', async () => {
    const watched = new WatchedIndex(index);
    const opened = await new ExportMentions(watched as unknown as MentionIndex, config).open('demo', all, 'ndjson', 23);
    expect(opened.count).toBe(23);
    const out = sink(watched);
    await opened.writeTo(out.stream);
    expect(out.text().trimEnd().split('\n')).toHaveLength(23);
    expect(watched.bytesWrittenAtSearch).toHaveLength(3);
  });

  it("exports only the tenant's own mentions", async () => {
    const out = sink();
    await (await new ExportMentions(index, config).open('acme', all, 'ndjson')).writeTo(out.stream);
    expect(out.text().trimEnd().split('\n').map((l) => JSON.parse(l).text)).toEqual(['acme only']);
  });

  it('defuses cells a spreadsheet would run as formulas, but leaves plain handles and numbers alone', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://evil.example","click")')).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(spreadsheetSafe('+7 999 123')).toBe("'+7 999 123");
    expect(spreadsheetSafe('-1 star, never again')).toBe("'-1 star, never again");
    expect(spreadsheetSafe('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(spreadsheetSafe('@mara_k')).toBe('@mara_k');
    expect(spreadsheetSafe('@Мария')).toBe('@Мария');
    expect(spreadsheetSafe(-0.6)).toBe(-0.6);
    expect(spreadsheetSafe('Батарея')).toBe('Батарея');
  });
});
