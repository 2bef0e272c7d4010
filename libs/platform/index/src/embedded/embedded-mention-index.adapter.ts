import { AppendOnlyFile, cloneJson, journalNeedsCompaction } from '@cxm/platform-embedded';
import { compileMatcher, QueryNode, tokenizeText } from '@cxm/query';
import { join } from 'node:path';
import { aggregateDocuments, timeSpanOf } from '../aggregations/aggregate-documents';
import { planAggregations, planNeedsHitSpan } from '../aggregations/aggregation-plan';
import { toHit } from '../highlight/highlight-hit';
import { MentionDocument, MentionIndex, SearchPage, SearchResult, rangeFieldValues, searchFieldValues } from '../mention-index.port';
import { decodeCursor, encodeCursor, selectPage } from '../sort/mention-sort';

interface IndexedEntry {
  doc: MentionDocument;
  text: string;
  tokens: string[];
  fields: Record<string, string | string[] | number | undefined>;
}

/**
 * The mention index of the all-in-one: documents in memory with their text tokenised once at
 * indexing, journalled to disk, searched by evaluating the query AST ({@link matching}); sorting,
 * paging, highlights and aggregations are computed over what that returns.
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
    const sort = page.sort ?? 'newest';
    const after = page.cursor === undefined ? undefined : decodeCursor(sort, page.cursor);
    const hits = this.matching(tenantId, query);
    const { items, more } = selectPage(hits, sort, after, page.limit);
    const last = items[items.length - 1];
    const result: SearchResult = {
      items: items.map((doc) => toHit(cloneJson(doc), query, page.highlight)),
      total: hits.length,
      nextCursor: more && last ? encodeCursor(sort, last) : null,
    };
    if (page.aggregations?.length) {
      const plan = planAggregations(page.aggregations, query, planNeedsHitSpan(page.aggregations, query) ? timeSpanOf(hits) : undefined);
      result.aggregations = aggregateDocuments(hits, plan, (sub) => {
        const ids = new Set(this.matching(tenantId, sub).map((doc) => doc.id));
        return (doc) => ids.has(doc.id);
      });
    }
    return result;
  }

  /**
   * THE seam every search and aggregation goes through: the tenant's documents the query
   * matches, in no particular order (callers sort and page). Returned documents are the held
   * ones, not copies: callers must not change them. A scan today; an inverted index can answer
   * it without touching non-matching documents.
   */
  private matching(tenantId: string, query: QueryNode): MentionDocument[] {
    const matches = compileMatcher(query);
    const found: MentionDocument[] = [];
    for (const entry of this.tenant(tenantId).values()) if (matches(entry)) found.push(entry.doc);
    return found;
  }

  async flush(): Promise<void> {
    await this.ready;
  }

  async close(): Promise<void> {
    await this.ready;
    await this.file?.close();
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
