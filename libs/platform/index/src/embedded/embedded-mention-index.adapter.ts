import { AppendOnlyFile, cloneJson, journalNeedsCompaction } from '@cxm/platform-embedded';
import { QueryNode } from '@cxm/query';
import { join } from 'node:path';
import { aggregateDocuments, SelectDocuments } from '../aggregations/aggregate-documents';
import { planAggregations } from '../aggregations/aggregation-plan';
import { toHit } from '../highlight/highlight-hit';
import { IndexRebuild, MentionDocument, MentionIndex, SearchPage, SearchResult } from '../mention-index.port';
import { decodeCursor, encodeCursor, selectPage, SortValues } from '../sort/mention-sort';
import { Bitset } from './bitset';
import { aggregateMatches } from './columnar-aggregations';
import { TenantSegment } from './tenant-segment';
import { EmbeddedRebuild, TenantSegments } from './tenant-segments';

/** A journal line that forgets a document (erasure). */
interface RemovalRecord {
  $removed: { tenantId: string; id: string };
}

/**
 * A journal line holding a document and the tokens of its text, so a replay does not tokenise a
 * million texts again (the dominant cost of start-up). Lines written before tokens were kept are
 * bare documents and are tokenised at replay. Updates that keep the text omit the tokens.
 */
interface DocumentRecord {
  $doc: MentionDocument;
  $tokens?: string[];
}

type JournalRecord = DocumentRecord | RemovalRecord | MentionDocument;

function documentLine(doc: MentionDocument, tokens: readonly string[] | boolean): string {
  return JSON.stringify(Array.isArray(tokens) ? { $doc: doc, $tokens: tokens } : { $doc: doc });
}

/**
 * The mention index of the all-in-one: per tenant an in-memory inverted index
 * ({@link TenantSegment}: posting lists, value bitsets, typed columns, time order), every write
 * journalled to disk and replayed at start. Queries cost what their posting lists cost, not a
 * scan of the tenant; docs/data-stores.md describes the structures and their memory.
 */
export class EmbeddedMentionIndex implements MentionIndex {
  private segments = new TenantSegments();
  private rebuilding: EmbeddedRebuild | undefined;
  private file: AppendOnlyFile | undefined;
  private readonly ready: Promise<void>;

  /** `dataDir` absent: memory only — for unit tests. */
  constructor(dataDir?: string) {
    this.ready = this.load(dataDir && join(dataDir, 'index', 'mentions.log'));
  }

  async upsert(doc: MentionDocument): Promise<void> {
    await this.ready;
    this.rebuilding?.segments.apply(doc);
    const applied = this.segments.apply(doc);
    if (applied === false) return;
    await this.file?.append([documentLine(doc, applied)]);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.ready;
    this.rebuilding?.remove(tenantId, id);
    if (!this.segments.remove(tenantId, id)) return;
    const record: RemovalRecord = { $removed: { tenantId, id } };
    await this.file?.append([JSON.stringify(record)]);
  }

  async get(tenantId: string, id: string): Promise<MentionDocument | undefined> {
    await this.ready;
    const doc = this.segments.segment(tenantId)?.get(id);
    return doc && cloneJson(doc);
  }

  async search(tenantId: string, query: QueryNode, page: SearchPage): Promise<SearchResult> {
    await this.ready;
    const sort = page.sort ?? 'newest';
    const after = page.cursor === undefined ? undefined : decodeCursor(sort, page.cursor);
    const segment = this.segments.segment(tenantId);
    const matches = segment?.match(query);
    // Every match, materialised at most once and only when a sort or the aggregations need them.
    let all: MentionDocument[] | undefined;
    const hits = () => (all ??= this.matching(tenantId, query));
    // Newest first is the segment's own time order: walk it and stop after one page.
    const { items, more } =
      sort === 'newest' && segment && matches ? newestPage(segment, matches.bits, after, page.limit) : selectPage(hits(), sort, after, page.limit);
    const last = items[items.length - 1];
    const result: SearchResult = {
      items: items.map((doc) => toHit(cloneJson(doc), query, page.highlight)),
      total: matches?.count ?? 0,
      nextCursor: more && last ? encodeCursor(sort, last) : null,
    };
    if (page.aggregations?.length) {
      const select: SelectDocuments = (sub) => {
        const ids = new Set(this.matching(tenantId, sub).map((doc) => doc.id));
        return (doc) => ids.has(doc.id);
      };
      // From the columns where they hold what is aggregated; documents only for the rest.
      result.aggregations =
        segment && matches
          ? aggregateMatches(segment, matches, page.aggregations, query, { hits, select })
          : aggregateDocuments([], planAggregations(page.aggregations, query, undefined), select);
    }
    return result;
  }

  async rebuild(): Promise<IndexRebuild> {
    await this.ready;
    if (this.rebuilding) throw new Error('a rebuild of the embedded index is already running');
    const rebuild = new EmbeddedRebuild({
      commit: async (fresh) => {
        this.segments = fresh;
        this.rebuilding = undefined;
        // The journal becomes the new copy: a restart replays what was swapped in.
        await this.file?.rewrite(this.journalLines(fresh));
      },
      abort: async () => {
        this.rebuilding = undefined;
      },
    });
    this.rebuilding = rebuild;
    return rebuild;
  }

  async flush(): Promise<void> {
    await this.ready;
  }

  /**
   * The tenant's segment (after `flush()` resolved): its `match(query)` and `columns` let
   * aggregations and benchmarks count over a million matches without materialising documents.
   */
  segmentOf(tenantId: string): TenantSegment | undefined {
    return this.segments.segment(tenantId);
  }

  async close(): Promise<void> {
    await this.ready;
    await this.file?.close();
  }

  /**
   * The tenant's documents matching `query`, newest first (createdAt, then id, descending): the
   * seam sort, highlighting and aggregations build on. For counts and facets over many matches,
   * prefer `segment.match(query)` + `segment.columns` (no document is touched).
   */
  private matching(tenantId: string, query: QueryNode): MentionDocument[] {
    const segment = this.segments.segment(tenantId);
    if (!segment) return [];
    const docs: MentionDocument[] = [];
    segment.newestFirst(segment.match(query).bits, (doc) => docs.push(doc) > 0);
    return docs;
  }

  /** The whole content as a compacted journal: one line per live document, with its tokens. */
  private journalLines(segments: TenantSegments): string[] {
    return segments.allEntries().map(([doc, tokens]) => documentLine(doc, tokens));
  }

  private async load(path: string | undefined): Promise<void> {
    if (!path) return;
    const { file, lines } = await AppendOnlyFile.open(path, { durable: true });
    for (const line of lines) {
      const record = JSON.parse(line) as JournalRecord;
      if ('$removed' in record) this.segments.remove(record.$removed.tenantId, record.$removed.id);
      else if ('$doc' in record) this.segments.apply(record.$doc, record.$tokens);
      else this.segments.apply(record);
    }
    this.segments.settle();
    if (journalNeedsCompaction(lines.length, this.segments.size)) await file.rewrite(this.journalLines(this.segments));
    this.file = file;
  }
}

/** One page of `matches` newest first, after the cursor's position, and whether another follows. */
function newestPage(segment: TenantSegment, matches: Bitset, after: SortValues | undefined, limit: number): { items: MentionDocument[]; more: boolean } {
  const items: MentionDocument[] = [];
  let more = false;
  segment.newestFirst(
    matches,
    (doc) => {
      if (items.length === limit) return !(more = true);
      items.push(doc);
      return true;
    },
    after && { createdAt: after[0] as string, id: after[1] as string },
  );
  return { items, more };
}
