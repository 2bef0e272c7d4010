import { Client, errors } from '@elastic/elasticsearch';
import { Logger } from '@cxm/platform-logging';
import { normalizeText, QueryNode } from '@cxm/query';
import { backOff } from 'exponential-backoff';
import { planAggregations, planNeedsHitSpan } from '../aggregations/aggregation-plan';
import { TimeSpan } from '../aggregations/date-histogram';
import { toHit } from '../highlight/highlight-hit';
import { IndexRebuild, MentionDocument, MentionIndex, SearchPage, SearchResult, searchFieldValues } from '../mention-index.port';
import { decodeCursor, encodeCursor } from '../sort/mention-sort';
import { compileAggregations, readAggregations } from './compile-aggregations';
import { compileQuery } from './compile-query';
import { elasticsearchSort, searchAfter } from './compile-sort';
import { MENTION_MAPPING_VERSION, mentionMapping } from './mention-mapping';
import { searchTokenFields } from './search-tokens';

export interface ElasticsearchMentionIndexOptions {
  node: string;
  /** Prepended to the alias, indexes and template: several deployments or test runs can share a cluster. */
  namespace: string;
  logger: Logger;
  /** Documents per bulk request. */
  bulkSize?: number;
  /** Upserts waiting beyond this make `upsert` wait: backpressure on the consumers feeding the index. */
  maxQueued?: number;
  refreshInterval?: string;
}

interface PendingWrite {
  doc: MentionDocument;
  /** The alias, or during a rebuild also the new index. */
  index: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const INTERNAL_FIELDS = ['tok_exact', 'tok_bare', 'filters'];

function hitSpan(aggs: Record<string, { value?: number | null }> | undefined): TimeSpan | undefined {
  const from = aggs?.first?.value;
  const to = aggs?.last?.value;
  return typeof from === 'number' && typeof to === 'number' ? { from, to } : undefined;
}

/**
 * The mention index on Elasticsearch. Writes go through one bulk loop (batched, retried with
 * backoff on 429/5xx, idempotent by id with external versions); searches hit an alias that points
 * at a versioned index, so the mapping can evolve by building a new index and moving the alias.
 */
export class ElasticsearchMentionIndex implements MentionIndex {
  private readonly client: Client;
  private readonly alias: string;
  private readonly queue: PendingWrite[] = [];
  private draining: Promise<void> | undefined;
  private spaceWaiters: (() => void)[] = [];
  private readonly ready: Promise<void>;
  /** The index a rebuild fills, while one runs: every write goes there too. */
  private rebuilding: { index: string; erased: string[] } | undefined;
  /** Whether the cluster has the analysis-common module (language analyzers etc.): detected, not assumed. */
  hasAnalysisCommon = false;

  constructor(private readonly options: ElasticsearchMentionIndexOptions) {
    this.client = new Client({ node: options.node, requestTimeout: 30_000, maxRetries: 3 });
    this.alias = `${options.namespace}mentions`;
    this.ready = this.prepare();
    // Callers await `ready` and see a failure there; this only keeps it from being "unhandled".
    this.ready.catch(() => undefined);
  }

  async upsert(doc: MentionDocument): Promise<void> {
    await this.ready;
    const rebuilding = this.rebuilding;
    await Promise.all([this.enqueue(doc, this.alias), rebuilding && this.enqueue(doc, rebuilding.index)]);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.ready;
    // Writes queued before the erasure must not land after it.
    while (this.draining) await this.draining;
    this.rebuilding?.erased.push(`${tenantId}/${id}`);
    const targets = [this.alias, ...(this.rebuilding ? [this.rebuilding.index] : [])];
    await Promise.all(targets.map((index) => this.client.delete({ index, id: `${tenantId}/${id}`, refresh: true }, { ignore: [404] })));
  }

  /**
   * Builds a new versioned index beside the current one (same template, refresh off while it
   * fills); live writes go to both. Commit re-applies the erasures seen meanwhile, then moves the
   * alias in one `_aliases` call — searchers see the old index until that instant and the new one
   * after — and drops the old index.
   */
  async rebuild(): Promise<IndexRebuild> {
    await this.ready;
    if (this.rebuilding) throw new Error('a rebuild of this index is already running');
    const index = `${this.alias}-v${MENTION_MAPPING_VERSION}-r${Date.now()}`;
    await this.client.indices.create({ index, settings: { refresh_interval: '-1' } });
    const state = { index, erased: [] as string[] };
    this.rebuilding = state;
    let over = false;
    const finish = () => {
      if (over) throw new Error('this rebuild is over');
      over = true;
    };
    return {
      target: index,
      upsert: (doc) => {
        if (over) return Promise.reject(new Error('this rebuild is over'));
        return this.ready.then(() => this.enqueue(doc, index));
      },
      commit: async () => {
        finish();
        while (this.draining) await this.draining;
        for (const id of state.erased) await this.client.delete({ index, id }, { ignore: [404] });
        await this.client.indices.putSettings({ index, settings: { refresh_interval: this.options.refreshInterval ?? '1s' } });
        await this.client.indices.refresh({ index });
        const previous = Object.keys(await this.client.indices.getAlias({ name: this.alias }));
        await this.client.indices.updateAliases({
          actions: [...previous.map((old) => ({ remove: { index: old, alias: this.alias } })), { add: { index, alias: this.alias, is_write_index: true } }],
        });
        this.rebuilding = undefined;
        if (previous.length) await this.client.indices.delete({ index: previous }, { ignore: [404] });
      },
      abort: async () => {
        finish();
        this.rebuilding = undefined;
        while (this.draining) await this.draining;
        await this.client.indices.delete({ index }, { ignore: [404] });
      },
    };
  }

  private async enqueue(doc: MentionDocument, index: string): Promise<void> {
    while (this.queue.length >= (this.options.maxQueued ?? 5_000)) await new Promise<void>((r) => this.spaceWaiters.push(r));
    const written = new Promise<void>((resolve, reject) => this.queue.push({ doc, index, resolve, reject }));
    this.draining ??= this.drain();
    return written;
  }

  async get(tenantId: string, id: string): Promise<MentionDocument | undefined> {
    await this.ready;
    // A realtime get by id (not a search), so a write is readable at once, before any refresh.
    const result = await this.client.get<MentionDocument>({ index: this.alias, id: `${tenantId}/${id}`, _source_excludes: INTERNAL_FIELDS }, { ignore: [404] });
    return result.found && result._source?.tenantId === tenantId ? result._source : undefined;
  }

  async search(tenantId: string, query: QueryNode, page: SearchPage): Promise<SearchResult> {
    await this.ready;
    const sort = page.sort ?? 'newest';
    const after = page.cursor === undefined ? undefined : decodeCursor(sort, page.cursor);
    // The tenant filter wraps whatever the query says: no query can reach another tenant.
    const filter = { bool: { filter: [{ term: { tenantId } }, compileQuery(query)] } };
    const requests = page.aggregations ?? [];
    // A histogram over a query that leaves time open needs the hits' first and last instant to be planned.
    const spanFirst = requests.length > 0 && planNeedsHitSpan(requests, query);
    const plan = requests.length > 0 && !spanFirst ? planAggregations(requests, query, undefined) : undefined;
    const result = await this.client.search<MentionDocument>({
      index: this.alias,
      size: page.limit + 1,
      track_total_hits: true,
      query: filter,
      // search_after on a sort ending with the unique id: any depth, no from/size window.
      sort: elasticsearchSort(sort) as never,
      search_after: after ? searchAfter(sort, after) : undefined,
      _source: { excludes: INTERNAL_FIELDS },
      aggs: spanFirst ? { first: { min: { field: 'createdAt' } }, last: { max: { field: 'createdAt' } } } : plan && compileAggregations(plan),
    });
    const hits = result.hits.hits.map((hit) => hit._source!);
    const items = hits.slice(0, page.limit);
    const last = items[items.length - 1];
    const total = typeof result.hits.total === 'number' ? result.hits.total : (result.hits.total?.value ?? 0);
    const answer: SearchResult = {
      items: items.map((doc) => toHit(doc, query, page.highlight)),
      total,
      nextCursor: hits.length > page.limit && last ? encodeCursor(sort, last) : null,
    };
    if (plan) answer.aggregations = readAggregations(plan, result.aggregations as Record<string, unknown>);
    if (spanFirst) answer.aggregations = await this.aggregate(filter, query, requests, hitSpan(result.aggregations as Record<string, { value?: number | null }>));
    return answer;
  }

  /** The aggregations alone (size 0), once the hits' time span is known. */
  private async aggregate(filter: object, query: QueryNode, requests: NonNullable<SearchPage['aggregations']>, span: TimeSpan | undefined) {
    const plan = planAggregations(requests, query, span);
    const result = await this.client.search({ index: this.alias, size: 0, track_total_hits: false, query: filter, aggs: compileAggregations(plan) as never });
    return readAggregations(plan, result.aggregations as Record<string, unknown>);
  }

  async flush(): Promise<void> {
    await this.ready;
    while (this.draining) await this.draining;
    await this.client.indices.refresh({ index: this.alias });
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    while (this.draining) await this.draining;
    await this.client.close();
  }

  /** Reachability, for readiness probes (`GET /` may 404 on a minimal distribution). */
  async ping(): Promise<boolean> {
    const health = await this.client.cluster.health({ timeout: '5s' });
    return health.status !== 'red';
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.options.bulkSize ?? 500);
        this.wakeWriters();
        await this.writeBatch(batch);
      }
    } finally {
      this.draining = undefined;
    }
  }

  private wakeWriters(): void {
    const waiters = this.spaceWaiters;
    this.spaceWaiters = [];
    waiters.forEach((wake) => wake());
  }

  /** One bulk request, re-sending only the items that failed for a retryable reason. */
  private async writeBatch(batch: PendingWrite[]): Promise<void> {
    let pending = batch;
    try {
      await backOff(
        async () => {
          const response = await this.client.bulk({
            operations: pending.flatMap(({ doc, index }) => [
              { index: { _index: index, _id: `${doc.tenantId}/${doc.id}`, version: doc.version, version_type: 'external' } },
              this.toSource(doc),
            ]),
          });
          const retry: PendingWrite[] = [];
          response.items.forEach((item, i) => {
            const status = item.index?.status ?? 500;
            // 409: the index already holds this or a newer version — exactly what an upsert wants.
            if (status < 300 || status === 409) pending[i].resolve();
            else if (status === 429 || status >= 500) retry.push(pending[i]);
            else pending[i].reject(new Error(`indexing ${pending[i].doc.id} failed: ${JSON.stringify(item.index?.error)}`));
          });
          pending = retry;
          if (retry.length) throw new Error(`${retry.length} documents to retry`);
        },
        {
          numOfAttempts: 8,
          startingDelay: 100,
          maxDelay: 5_000,
          jitter: 'full',
          retry: (error) => {
            const retryable = !(error instanceof errors.ResponseError) || error.statusCode === 429 || (error.statusCode ?? 500) >= 500;
            this.options.logger.warn({ err: error, retryable }, 'bulk indexing failed');
            return retryable;
          },
        },
      );
    } catch (error) {
      pending.forEach((p) => p.reject(error));
    }
  }

  private toSource(doc: MentionDocument): Record<string, unknown> {
    const normalized = (value: string | string[] | undefined) => (Array.isArray(value) ? value.map(normalizeText) : value === undefined ? undefined : normalizeText(value));
    const filters = Object.fromEntries(Object.entries(searchFieldValues(doc)).map(([name, value]) => [name, normalized(value)]));
    return { ...doc, ...searchTokenFields(doc.text), filters };
  }

  /** Template for every version of the index, and the alias on the current version. */
  private async prepare(): Promise<void> {
    const modules = await this.client.nodes.info({ metric: 'plugins' }).catch(() => undefined);
    this.hasAnalysisCommon = Object.values(modules?.nodes ?? {}).some((node) => node.modules?.some((m) => m.name === 'analysis-common'));
    await this.client.indices.putIndexTemplate({
      name: this.alias,
      index_patterns: [`${this.alias}-v*`],
      template: {
        settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: this.options.refreshInterval ?? '1s' },
        mappings: mentionMapping() as never,
      },
    });
    const current = `${this.alias}-v${MENTION_MAPPING_VERSION}`;
    if (!(await this.client.indices.existsAlias({ name: this.alias }))) {
      try {
        await this.client.indices.create({ index: current, aliases: { [this.alias]: { is_write_index: true } } });
      } catch (error) {
        // Another process created it first: fine.
        if (!(error instanceof errors.ResponseError && error.body?.error?.type === 'resource_already_exists_exception')) throw error;
      }
    }
    const pointsAt = Object.keys(await this.client.indices.getAlias({ name: this.alias }));
    // `<alias>-v2` or, after a reindex, `<alias>-v2-r<time>`: the mapping version is the `-v` part.
    if (!pointsAt.some((name) => name === current || name.startsWith(`${current}-r`))) {
      // Additive changes (new fields) can be applied in place so new documents still index;
      // older documents lack the new fields until a reindex.
      const properties = (mentionMapping() as { properties: Record<string, unknown> }).properties;
      const patched = await this.client.indices.putMapping({ index: this.alias, properties: properties as never }).then(() => true, () => false);
      this.options.logger.warn({ alias: this.alias, pointsAt, current, patched }, 'mention index alias points at an older mapping version; reindex');
    }
    this.options.logger.info({ alias: this.alias, index: current, analysisCommon: this.hasAnalysisCommon }, 'mention index ready');
  }
}
