import { AppendOnlyFile, cloneJson, journalNeedsCompaction } from '@cxm/platform-embedded';
import { compileMatcher, QueryNode, tokenizeText } from '@cxm/query';
import { join } from 'node:path';
import { MentionDocument, MentionIndex, SearchPage, SearchResult, rangeFieldValues, searchFieldValues } from '../mention-index.port';
import { decodeCursor, encodeCursor } from '../search-cursor';

interface IndexedEntry {
  doc: MentionDocument;
  text: string;
  tokens: string[];
  fields: Record<string, string | string[] | number | undefined>;
}

const newestFirst = (a: IndexedEntry, b: IndexedEntry) =>
  a.doc.createdAt < b.doc.createdAt ? 1 : a.doc.createdAt > b.doc.createdAt ? -1 : a.doc.id < b.doc.id ? 1 : a.doc.id > b.doc.id ? -1 : 0;

/**
 * The mention index of the all-in-one: documents in memory with their text tokenised once at
 * indexing, journalled to disk, searched by evaluating the query AST. Linear in the tenant's
 * mentions per query — fine for a single node's demo and development volumes.
 */
export class EmbeddedMentionIndex implements MentionIndex {
  private readonly byTenant = new Map<string, Map<string, IndexedEntry>>();
  private file: AppendOnlyFile | undefined;
  private readonly ready: Promise<void>;

  /** `dataDir` absent: memory only — for unit tests. */
  constructor(dataDir?: string) {
    this.ready = this.load(dataDir && join(dataDir, 'index', 'mentions.log'));
  }

  async upsert(doc: MentionDocument): Promise<void> {
    await this.ready;
    if (!this.apply(doc)) return;
    await this.file?.append([JSON.stringify(doc)]);
  }

  async get(tenantId: string, id: string): Promise<MentionDocument | undefined> {
    await this.ready;
    const entry = this.tenant(tenantId).get(id);
    return entry && cloneJson(entry.doc);
  }

  async search(tenantId: string, query: QueryNode, page: SearchPage): Promise<SearchResult> {
    await this.ready;
    const matches = compileMatcher(query);
    const hits = [...this.tenant(tenantId).values()].filter((entry) => matches(entry)).sort(newestFirst);
    const start = page.cursor ? this.positionAfter(hits, page.cursor) : 0;
    const items = hits.slice(start, start + page.limit).map((entry) => cloneJson(entry.doc));
    const last = items[items.length - 1];
    const more = start + items.length < hits.length;
    return { items, total: hits.length, nextCursor: more && last ? encodeCursor(last.createdAt, last.id) : null };
  }

  async flush(): Promise<void> {
    await this.ready;
  }

  async close(): Promise<void> {
    await this.ready;
    await this.file?.close();
  }

  private positionAfter(hits: IndexedEntry[], cursor: string): number {
    const [createdAt, id] = decodeCursor(cursor);
    const index = hits.findIndex((e) => e.doc.createdAt < createdAt || (e.doc.createdAt === createdAt && e.doc.id < id));
    return index === -1 ? hits.length : index;
  }

  /** Applies a document if it is newer than what is held; says whether it was. */
  private apply(doc: MentionDocument): boolean {
    const docs = this.tenant(doc.tenantId);
    const held = docs.get(doc.id);
    if (held && held.doc.version >= doc.version) return false;
    docs.set(doc.id, { doc: cloneJson(doc), text: doc.text, tokens: tokenizeText(doc.text), fields: { ...searchFieldValues(doc), ...rangeFieldValues(doc) } });
    return true;
  }

  private tenant(tenantId: string): Map<string, IndexedEntry> {
    let docs = this.byTenant.get(tenantId);
    if (!docs) {
      docs = new Map();
      this.byTenant.set(tenantId, docs);
    }
    return docs;
  }

  private async load(path: string | undefined): Promise<void> {
    if (!path) return;
    const { file, lines } = await AppendOnlyFile.open(path, { durable: true });
    for (const line of lines) this.apply(JSON.parse(line) as MentionDocument);
    const live = [...this.byTenant.values()].reduce((n, docs) => n + docs.size, 0);
    if (journalNeedsCompaction(lines.length, live)) {
      await file.rewrite([...this.byTenant.values()].flatMap((docs) => [...docs.values()].map((e) => JSON.stringify(e.doc))));
    }
    this.file = file;
  }
}
