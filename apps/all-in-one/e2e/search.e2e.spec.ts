import { aCanonicalMention, waitFor } from '@cxm/testing';
import { ApiClient } from './support/api-client';
import { startAllInOneTarget, Target } from './support/all-in-one-target';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(60_000);

interface Hit {
  id: string;
  text: string;
  createdAt: string;
  lang?: string;
  sentiment?: string;
  intents?: string[];
  country?: string;
  hashtags?: string[];
  priorityScore?: number;
  highlight?: { spans: { start: number; end: number }[]; text: string };
}
interface Bucket {
  key: string;
  count: number;
  share?: number;
  aggregations?: Record<string, { buckets: Bucket[]; otherCount?: number }>;
}
interface SearchAnswer {
  items: Hit[];
  total: number;
  nextCursor: string | null;
  aggregations?: Record<string, { type: string; interval?: string; buckets: Bucket[]; otherCount?: number }>;
}
interface Problem {
  type: string;
  status: number;
  position?: number;
  errors?: { field: string; message: string }[];
}

/** Twelve mentions in seven languages over three days, some with a country. */
const MENTIONS = [
  { text: 'My Aurora X5 battery died again, I want a refund 😡 #battery', country: 'GB', day: 18 },
  { text: 'Aurora battery life is terrible, charger broke too #battery', country: 'US', day: 18 },
  { text: 'Love my new Nova phone, the camera is amazing 😍', country: 'US', day: 18 },
  { text: 'Aurora X5 şarjı çok çabuk bitiyor, berbat! #pil', country: 'TR', day: 19 },
  { text: 'Aurora X5 батарея садится за два часа, ужасно', country: undefined, day: 19 },
  { text: 'La batterie de mon Aurora est morte, remboursez-moi', country: 'FR', day: 19 },
  { text: 'แบตเตอรี่ Aurora หมดเร็วมาก แย่มาก', country: 'TH', day: 19 },
  { text: 'Nova のカメラは最高です', country: 'JP', day: 20 },
  { text: 'بطارية Aurora سيئة جدا', country: undefined, day: 20 },
  { text: 'Nova camera test: great photos at night', country: 'US', day: 20 },
  { text: 'Is the Aurora X5 battery covered by warranty?', country: 'GB', day: 20 },
  { text: 'Aurora बैटरी बहुत जल्दी खत्म हो जाती है', country: 'IN', day: 20 },
];

describe('search API: sorts, cursors, highlights and aggregations over HTTP', () => {
  let receiver: WebhookReceiver;
  let target: Target;
  let api: ApiClient;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    target = await startAllInOneTarget(await receiver.start());
    api = target.api;
    for (const [i, m] of MENTIONS.entries()) {
      const mention = aCanonicalMention({ text: m.text, createdAt: new Date(Date.UTC(2026, 10, m.day, 8 + i)).toISOString(), author: { id: `a${i % 5}`, handle: `@fan${i % 5}`, displayName: `Fan ${i % 5}` }, ...(m.country ? { country: m.country } : {}) });
      expect((await api.post('/v1/mentions', mention)).status).toBe(202);
    }
    // Searchable with their classification: every one has its language.
    await waitFor(async () => {
      const { body } = await api.get<SearchAnswer>('/v1/search?limit=100');
      return body.total === MENTIONS.length && body.items.every((h) => h.lang && h.priorityScore !== undefined) ? true : undefined;
    }, 30_000, 'every mention to be classified and indexed');
  });

  afterAll(async () => {
    await target?.stop();
    await receiver?.stop();
  });

  const fieldsOf = (problem: Problem) => (problem.errors ?? []).map((e) => e.field);

  it('pages with GET in every sort, each page continuing where the last stopped', async () => {
    for (const sort of ['newest', 'oldest', 'priority']) {
      const all = (await api.get<SearchAnswer>(`/v1/search?q=aurora&sort=${sort}&limit=100`)).body.items.map((h) => h.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: SearchAnswer } = await api.get<SearchAnswer>(`/v1/search?q=aurora&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        paged.push(...page.body.items.map((h) => h.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
      expect(all).toHaveLength(9);
    }
    const oldest = (await api.get<SearchAnswer>('/v1/search?sort=oldest&limit=2')).body.items.map((h) => h.text);
    expect(oldest).toEqual([MENTIONS[0].text, MENTIONS[1].text]);
    const priority = (await api.get<SearchAnswer>('/v1/search?sort=priority&limit=100')).body.items.map((h) => h.priorityScore!);
    expect(priority).toEqual([...priority].sort((a, b) => b - a));
  });

  it('carries the classification, the country and the hashtags on each result', async () => {
    const { body } = await api.get<SearchAnswer>(`/v1/search?q=${encodeURIComponent('country:tr')}`);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ country: 'TR', lang: 'tr', hashtags: ['#pil'] });
    expect(body.items[0].sentiment).toBeDefined();
    expect(body.items[0].intents!.length).toBeGreaterThan(0);
  });

  it('highlights the matched words, HTML-escaped, in GET and POST alike', async () => {
    const get = await api.get<SearchAnswer>(`/v1/search?q=${encodeURIComponent('батарея OR "battery life"')}&highlight=true`);
    const post = await api.post<SearchAnswer>('/v1/search', { query: 'батарея OR "battery life"', highlight: true });
    expect(post.status).toBe(200);
    expect(get.body.items.map((h) => h.highlight!.text)).toEqual([
      'Aurora X5 <mark>батарея</mark> садится за два часа, ужасно',
      'Aurora <mark>battery life</mark> is terrible, charger broke too #battery',
    ]);
    expect(post.body.items).toEqual(get.body.items);
  });

  it('answers aggregations over every hit: volume per day with sentiment per day, breakdowns, share of voice', async () => {
    const { status, body } = await api.post<SearchAnswer>('/v1/search', {
      query: 'date:[2026-11-18 TO 2026-11-20]',
      limit: 1,
      aggregations: [
        { name: 'volume', type: 'dateHistogram', interval: 'day', aggregations: [{ name: 'sentiment', type: 'terms', field: 'sentiment' }] },
        { name: 'countries', type: 'terms', field: 'country', size: 3 },
        { name: 'hashtags', type: 'terms', field: 'hashtag' },
        { name: 'languages', type: 'terms', field: 'lang', size: 20 },
        { name: 'brands', type: 'shareOfVoice', queries: [{ name: 'Aurora', query: 'aurora' }, { name: 'Nova', query: 'nova' }] },
      ],
    });
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    const agg = body.aggregations!;
    expect(agg.volume.buckets.map((b) => [b.key, b.count])).toEqual([
      ['2026-11-18T00:00:00.000Z', 3],
      ['2026-11-19T00:00:00.000Z', 4],
      ['2026-11-20T00:00:00.000Z', 5],
    ]);
    for (const day of agg.volume.buckets) {
      const sentiment = day.aggregations!.sentiment;
      expect(sentiment.buckets.reduce((n, b) => n + b.count, 0) + sentiment.otherCount!).toBe(day.count);
    }
    expect(agg.countries).toMatchObject({ type: 'terms', buckets: [{ key: 'US', count: 3 }, { key: 'GB', count: 2 }, { key: 'FR', count: 1 }], otherCount: 4 });
    expect(agg.hashtags.buckets).toEqual([{ key: '#battery', count: 2 }, { key: '#pil', count: 1 }]);
    expect(agg.languages.buckets.map((b) => b.key)).toEqual(expect.arrayContaining(['en', 'ru', 'tr', 'fr', 'th', 'ja', 'ar', 'hi']));
    expect(agg.brands.buckets).toEqual([
      { key: 'Aurora', count: 9, share: 0.75 },
      { key: 'Nova', count: 3, share: 0.25 },
    ]);
  });

  it('names every bad field of a search body in a validation problem', async () => {
    const bad = await api.post<Problem>('/v1/search', {
      query: 'x',
      sort: 'loudest',
      highlight: 'yes',
      aggregations: [
        { name: 'v', type: 'dateHistogram', size: 5 },
        { name: 't', type: 'terms' },
        { name: 's', type: 'shareOfVoice', queries: [] },
        { name: 'deep', type: 'terms', field: 'lang', aggregations: [{ name: 'd2', type: 'terms', field: 'lang', aggregations: [] }] },
        { name: '__proto__', type: 'pie' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe('/problems/validation-error');
    expect(fieldsOf(bad.body)).toEqual(
      expect.arrayContaining(['sort', 'highlight', 'aggregations.0.size', 'aggregations.1.field', 'aggregations.2.queries', 'aggregations.3.aggregations.0.aggregations', 'aggregations.4.name', 'aggregations.4.type']),
    );
    const duplicate = await api.post<Problem>('/v1/search', { query: '', aggregations: [{ name: 'a', type: 'terms', field: 'lang' }, { name: 'a', type: 'dateHistogram' }] });
    expect(fieldsOf(duplicate.body)).toEqual(['aggregations.1.name']);
    expect((await api.post<Problem>('/v1/search', {})).status).toBe(400);
    expect(fieldsOf((await api.get<Problem>('/v1/search?highlight=yes')).body)).toEqual(['highlight']);
    expect(fieldsOf((await api.get<Problem>('/v1/search?sort=loudest')).body)).toEqual(['sort']);
  });

  it('answers a syntax error in the query or a share-of-voice query with its position and field', async () => {
    const main = await api.post<Problem>('/v1/search', { query: 'battery NEAR/0 charger' });
    expect(main.status).toBe(400);
    expect(main.body).toMatchObject({ type: '/problems/query-syntax-error', position: 13 });
    expect(fieldsOf(main.body)).toEqual(['query']);
    const sov = await api.post<Problem>('/v1/search', { query: '', aggregations: [{ name: 'b', type: 'shareOfVoice', queries: [{ name: 'A', query: 'aurora' }, { name: 'N', query: 'nova AND' }] }] });
    expect(sov.body).toMatchObject({ type: '/problems/query-syntax-error', position: 8 });
    expect(fieldsOf(sov.body)).toEqual(['aggregations.0.queries.1.query']);
  });

  it('refuses a cursor issued for another sort, and a histogram too fine for its span', async () => {
    const first = await api.get<SearchAnswer>('/v1/search?sort=priority&limit=1');
    const crossed = await api.get<Problem>(`/v1/search?sort=oldest&cursor=${first.body.nextCursor}`);
    expect(crossed.status).toBe(400);
    expect(fieldsOf(crossed.body)).toEqual(['cursor']);
    const fine = await api.post<Problem>('/v1/search', { query: 'date:[2020-01-01 TO 2026-12-31]', aggregations: [{ name: 'v', type: 'dateHistogram', interval: 'minute' }] });
    expect(fine.status).toBe(400);
    expect(fieldsOf(fine.body)).toEqual(['aggregations']);
  });

  it('describes GET and POST /v1/search, their parameters and answer in the OpenAPI document', async () => {
    const { body } = await api.get<{ paths: Record<string, Record<string, { parameters?: { name: string }[] }>>; components: { schemas: Record<string, unknown> } }>('/docs-json');
    const search = body.paths['/v1/search'];
    expect(Object.keys(search).sort()).toEqual(['get', 'post']);
    expect(search.get.parameters!.map((p) => p.name).sort()).toEqual(['cursor', 'highlight', 'limit', 'q', 'sort']);
    expect(Object.keys(body.components.schemas)).toEqual(expect.arrayContaining(['SearchRequestDto', 'AggregationRequestDto', 'SearchResponseDto', 'AggregationResultDto']));
  });

  it('refuses a country that is not an ISO 3166-1 alpha-2 code at ingest', async () => {
    const bad = await api.post<Problem>('/v1/mentions', aCanonicalMention({ country: 'turkey' }));
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['country']);
  });
});
