/**
 * `npm run bench:search [-- --size N --index embedded|elasticsearch --rounds N --keep]`: search
 * latency over a generated corpus (1,000,000 mentions by default), p50/p95/p99 per query type and
 * the ratio to the targets of issue 6 (p95 < 100 ms for filtered keyword queries, < 300 ms with
 * three aggregations).
 *
 * Corpus: texts, languages, intents, sentiments and topics of the multilingual demo generator
 * (@cxm/demo: 11 languages, emoji, hashtags), spread over a year (busier on weekdays and in the
 * day), follower counts heavy-tailed on public channels, some mentions with several intents,
 * order numbers and campaign hashtags for a long-tail vocabulary. The same seed gives the same
 * corpus. The index is the one configured (`CXM_INDEX`, `CXM_ELASTICSEARCH_URL`) unless
 * `--index` says; Elasticsearch gets a fresh namespaced index, deleted afterwards unless `--keep`.
 * The embedded index is loaded through its journal (a temporary data directory), then reopened
 * to measure the start-up replay.
 *
 * Each query type runs `--rounds` times (default 30) over its variants, after one untimed round.
 * Figures depend on what else the machine runs: the load average is printed with them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@elastic/elasticsearch';
import { generateLabelledDemoMentions, LabelledDemoMention, SeededRandom } from '@cxm/demo';
import { loadPlatformConfig } from '@cxm/platform-config';
import { AggregationRequest, ElasticsearchMentionIndex, EmbeddedMentionIndex, MentionDocument, MentionIndex, SEARCH_FIELD_NAMES } from '@cxm/platform-index';
import { silentLogger } from '@cxm/platform-logging';
import { parseQuery, QueryNode } from '@cxm/query';
import { percentile } from './percentile';

const TENANT = 'bench';
const SEED = 20_261_201;
const NOW = new Date('2026-11-30T23:00:00Z');
const YEAR_MS = 365 * 24 * 3600_000;
const TARGETS = { keyword: 100, aggregations: 300 } as const;

interface Options {
  size: number;
  index: 'embedded' | 'elasticsearch';
  rounds: number;
  keep: boolean;
}

function parseArgs(argv: string[], configured: 'embedded' | 'elasticsearch'): Options {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const size = Number(value('--size') ?? 1_000_000);
  const index = (value('--index') ?? configured) as Options['index'];
  const rounds = Number(value('--rounds') ?? 30);
  if (!Number.isInteger(size) || size < 1_000) throw new Error('--size must be an integer ≥ 1000');
  if (index !== 'embedded' && index !== 'elasticsearch') throw new Error('--index must be embedded or elasticsearch');
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive integer');
  return { size, index, rounds, keep: argv.includes('--keep') };
}

// ---------------------------------------------------------------------------------------------
// Corpus

const CAMPAIGNS = ['#AuroraX5', '#BlackFriday', '#batterygate', '#AuroraBuds', '#unboxing', '#техподдержка', '#แบตเสื่อม', '#şarjsorunu'];
const EXTRA_INTENTS = ['spam', 'lead', 'toxic', 'crisis'];
const FOLLOWER_CHANNELS = new Set(['x', 'instagram', 'youtube', 'facebook']);

/** Mention number `i` of the corpus, from a base of labelled demo mentions. */
function corpusGenerator(): (i: number) => MentionDocument {
  const base: LabelledDemoMention[] = generateLabelledDemoMentions({ tenantId: TENANT, count: 6_000, seed: SEED, now: NOW });
  const rng = new SeededRandom(SEED);
  return (i) => {
    const { mention, lang, expectedIntent, expectedSentiment } = base[rng.int(0, base.length - 1)];
    // A year, busier lately, on weekdays and in the day (rejection sampling keeps it cheap).
    let at: number;
    do at = NOW.getTime() - Math.floor(Math.pow(rng.next(), 1.3) * YEAR_MS);
    while ((new Date(at).getUTCDay() % 6 === 0 && rng.next() < 0.35) || (new Date(at).getUTCHours() < 6 && rng.next() < 0.6));
    const tail = rng.next() < 0.25 ? ` ${rng.pick(CAMPAIGNS)}` : rng.next() < 0.15 ? ` order ${rng.int(100_000, 999_999)}` : '';
    const intents = [expectedIntent, ...(rng.next() < 0.08 ? [rng.pick(EXTRA_INTENTS)] : [])];
    const followers = FOLLOWER_CHANNELS.has(mention.channel) ? Math.round(Math.exp(rng.next() * rng.next() * 14)) : undefined;
    return {
      id: `m-${i.toString(36).padStart(6, '0')}`,
      tenantId: TENANT,
      version: 1,
      channel: mention.channel,
      externalId: `x${i}`,
      text: mention.text + tail,
      createdAt: new Date(at).toISOString(),
      authorId: mention.author.id,
      authorHandle: mention.author.handle,
      authorDisplayName: mention.author.displayName,
      authorFollowers: followers,
      conversationId: `c-${(i >> 2).toString(36)}`,
      lang,
      sentiment: expectedSentiment,
      sentimentScore: expectedSentiment === 'negative' ? -0.6 : expectedSentiment === 'positive' ? 0.6 : 0,
      intent: expectedIntent,
      intents,
      topics: rng.next() < 0.7 ? [rng.pick(['battery', 'billing', 'delivery', 'screen', 'support', 'price'])] : [],
      priorityScore: rng.int(0, 100),
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Query mix

/** Query texts per type; `aggregations` are searches that also compute three aggregations. */
const QUERY_MIX: Record<string, { target: number; queries: string[] }> = {
  'filtered keyword': {
    target: TARGETS.keyword,
    queries: [
      'battery lang:en',
      'battery sentiment:negative channel:x',
      'refund intent:complaint',
      'батарея sentiment:negative',
      'şarj lang:tr date:[now-30d TO now]',
      'แบตเตอรี่ intent:complaint',
      'Aurora intent:question -channel:email',
      'order lang:en date:[now-90d TO now]',
    ],
  },
  phrase: { target: TARGETS.keyword, queries: ['"battery life"', '"Aurora X5"', '"Aurora X5 Pro" sentiment:positive', '"#BlackFriday"', '"my order"'] },
  wildcard: { target: TARGETS.keyword, queries: ['batt*', 'refu* lang:en', 'бата*', 'charg* sentiment:negative', '#aurora*'] },
  range: {
    target: TARGETS.keyword,
    queries: ['followers:>10000', 'followers:[1000 TO 50000] channel:instagram', 'date:[now-7d TO now]', 'date:[now-60d TO now-30d] intent:question', 'followers:>100000 date:>now-30d'],
  },
  'boolean + NEAR': {
    target: TARGETS.keyword,
    queries: ['(battery OR батарея OR แบตเตอรี่) -lang:en', 'battery NEAR/3 dies', 'Aurora NEAR/5 refund', '(refund OR return) AND NOT intent:praise', 'intent:crisis OR intent:toxic'],
  },
  'three aggregations': { target: TARGETS.aggregations, queries: ['', 'battery', 'sentiment:negative date:[now-30d TO now]', 'intent:complaint -lang:en'] },
};

/** Volume per day, sentiment breakdown, top languages: the dashboard's three aggregations. */
const THREE_AGGREGATIONS: readonly AggregationRequest[] = [
  { name: 'volume', type: 'dateHistogram', interval: 'day' },
  { name: 'sentiment', type: 'terms', field: 'sentiment' },
  { name: 'languages', type: 'terms', field: 'lang', size: 20 },
];

/** A search with the three aggregations through the port; returns a figure of the answer so the work is used. */
async function searchWithThreeAggregations(setup: Setup, query: QueryNode): Promise<number> {
  const result = await setup.index.search(TENANT, query, { limit: 20, aggregations: THREE_AGGREGATIONS });
  const aggregations = result.aggregations;
  if (!aggregations || Object.keys(aggregations).length !== THREE_AGGREGATIONS.length) throw new Error('the index answered without the three aggregations');
  const counted = (name: string) => aggregations[name].buckets.reduce((n, b) => n + b.count, 0);
  // Every hit has a createdAt and a sentiment in the corpus: the buckets must add up to the total.
  if (counted('volume') !== result.total || counted('sentiment') !== result.total) throw new Error(`aggregation counts do not add up to the ${result.total} hits`);
  return result.total;
}

// ---------------------------------------------------------------------------------------------
// Loading

interface Setup {
  index: MentionIndex;
  embedded?: EmbeddedMentionIndex;
  es?: { client: Client; alias: string; namespace: string };
  dataDir?: string;
  reopen?: () => Promise<{ index: EmbeddedMentionIndex; ms: number; cpuMs: number }>;
}

async function open(options: Options): Promise<Setup> {
  if (options.index === 'embedded') {
    const dataDir = mkdtempSync(join(tmpdir(), 'cxm-bench-search-'));
    const embedded = new EmbeddedMentionIndex(dataDir);
    return {
      index: embedded,
      embedded,
      dataDir,
      reopen: async () => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const index = new EmbeddedMentionIndex(dataDir);
        await index.flush();
        const used = process.cpuUsage(cpu);
        return { index, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
      },
    };
  }
  const config = loadPlatformConfig({ ...process.env, CXM_INDEX: 'elasticsearch' });
  const es = config.index.elasticsearch!;
  const namespace = `${es.namespace}bench-${randomBytes(3).toString('hex')}-`;
  // Refresh rarely while loading (a refresh per second would slow bulk indexing); `flush` refreshes.
  const index = new ElasticsearchMentionIndex({ node: es.url, namespace, logger: silentLogger(), refreshInterval: '30s', bulkSize: 1_000, maxQueued: 20_000 });
  return { index, es: { client: new Client({ node: es.url }), alias: `${namespace}mentions`, namespace } };
}

async function load(setup: Setup, size: number): Promise<{ ms: number; cpuMs: number }> {
  const next = corpusGenerator();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const batch = 5_000;
  let lastReport = started;
  for (let i = 0; i < size; i += batch) {
    const writes: Promise<void>[] = [];
    for (let j = i; j < Math.min(size, i + batch); j++) writes.push(setup.index.upsert(next(j)));
    await Promise.all(writes);
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      process.stdout.write(`  loaded ${Math.min(size, i + batch).toLocaleString('en')} (${Math.round(((i + batch) / (lastReport - started)) * 1000)}/s)\n`);
    }
  }
  await setup.index.flush();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Measuring

async function measure(setup: Setup, rounds: number): Promise<string[]> {
  const lines: string[] = [];
  for (const [type, { target, queries }] of Object.entries(QUERY_MIX)) {
    const parsed = queries.map((q) => parseQuery(q, { fields: SEARCH_FIELD_NAMES, now: () => NOW }));
    const run = (query: QueryNode) =>
      type === 'three aggregations' ? searchWithThreeAggregations(setup, query) : setup.index.search(TENANT, query, { limit: 20 }).then((r) => r.total);
    for (const query of parsed) await run(query); // warm-up round, untimed
    const durations: number[] = [];
    // CPU of this process per query: on a shared machine the embedded index's own cost (it runs
    // here), where wall time also counts waiting for the CPU. For Elasticsearch it is the client's part only.
    const cpuTimes: number[] = [];
    let hits = 0;
    for (let r = 0; r < rounds; r++) {
      for (const query of parsed) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        hits += await run(query);
        const c = process.cpuUsage(c0);
        cpuTimes.push((c.user + c.system) / 1000);
        durations.push(performance.now() - t0);
      }
    }
    durations.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    const p95 = percentile(durations, 95);
    lines.push(
      `  ${type.padEnd(20)} p50 ${percentile(durations, 50).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  p99 ${percentile(durations, 99).toFixed(1).padStart(7)} ms   p95 ${(p95 / target).toFixed(2)} × target (${target} ms)  cpu p50 ${percentile(cpuTimes, 50).toFixed(1)} p95 ${percentile(cpuTimes, 95).toFixed(1)} ms  [${durations.length} queries, ${hits.toLocaleString('en')} hits]`,
    );
  }
  return lines;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_048_576).toLocaleString('en')} MB`;
}

function heapNow(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const configured = loadPlatformConfig().index.driver;
  const options = parseArgs(process.argv.slice(2), configured);
  process.stdout.write(`bench:search — ${options.size.toLocaleString('en')} mentions, ${options.index} index, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  const heapBefore = heapNow();
  let setup = await open(options);
  try {
    const loaded = await load(setup, options.size);
    process.stdout.write(
      `  load: ${(loaded.ms / 1000).toFixed(1)} s wall, ${(loaded.cpuMs / 1000).toFixed(1)} s CPU of this process, ${Math.round((options.size / loaded.ms) * 1000).toLocaleString('en')} mentions/s\n`,
    );
    if (setup.embedded && setup.reopen) {
      const heapLoaded = heapNow();
      const segment = setup.embedded.segmentOf(TENANT)!;
      const estimate = segment.estimateIndexBytes();
      process.stdout.write(
        `  memory: heap +${megabytes(heapLoaded - heapBefore)} for ${segment.size.toLocaleString('en')} documents (index structures ≈ ${megabytes(estimate.structures + estimate.terms + estimate.postings)}: ` +
          `${megabytes(estimate.postings)} postings, ${megabytes(estimate.terms)} terms, ${megabytes(estimate.structures)} bitsets/columns/order; the rest is the documents), journal ${megabytes(statSync(join(setup.dataDir!, 'index', 'mentions.log')).size)}\n`,
      );
      await setup.index.close();
      // Let the loaded copy go before replaying, so the replay is measured with one copy in memory.
      const reopen = setup.reopen;
      setup = { dataDir: setup.dataDir, index: new EmbeddedMentionIndex() };
      const reopened = await reopen();
      process.stdout.write(`  start-up (journal replay): ${(reopened.ms / 1000).toFixed(1)} s wall, ${(reopened.cpuMs / 1000).toFixed(1)} s CPU\n`);
      setup = { ...setup, index: reopened.index, embedded: reopened.index };
      process.stdout.write(`  heap after start-up: ${megabytes(heapNow() - heapBefore)}\n`);
    } else if (setup.es) {
      const stats = await setup.es.client.indices.stats({ index: setup.es.alias, metric: ['store', 'docs'] });
      process.stdout.write(`  elasticsearch: ${megabytes(stats._all.primaries?.store?.size_in_bytes ?? 0)} on disk, ${stats._all.primaries?.docs?.count?.toLocaleString('en')} documents\n`);
    }
    for (const line of await measure(setup, options.rounds)) process.stdout.write(`${line}\n`);
    process.stdout.write(`  load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  } finally {
    await setup.index.close();
    if (setup.dataDir) rmSync(setup.dataDir, { recursive: true, force: true });
    if (setup.es) {
      if (!options.keep) {
        await setup.es.client.indices.delete({ index: `${setup.es.alias}-v*`, ignore_unavailable: true, allow_no_indices: true });
        await setup.es.client.indices.deleteIndexTemplate({ name: setup.es.alias }).catch(() => undefined);
      } else process.stdout.write(`  kept: alias ${setup.es.alias}\n`);
      await setup.es.client.close();
    }
  }
}

main().catch((error) => {
  process.stderr.write(`bench:search: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
