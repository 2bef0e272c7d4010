import { compileMatcher, MatchableDocument, parseQuery, QueryNode, tokenizeText } from '@cxm/query';
import { TestRandom } from '@cxm/testing';
import { MentionDocument, rangeFieldValues, SEARCH_FIELD_NAMES, searchFieldValues } from '../mention-index.port';
import { EmbeddedMentionIndex } from './embedded-mention-index.adapter';

/**
 * Property-style check of the inverted index against the reference semantics: over a generated
 * multilingual corpus (with updates, text edits and erasures), every generated query must return
 * exactly what a linear scan with `compileMatcher` returns, in the same newest-first order.
 */
const NOW = new Date(Date.UTC(2026, 10, 20, 12, 0, 0));
const TENANT = 'prop';

// The same corpus and queries on every run.
const rng = new TestRandom(20_261_201);

/** Words per language (and emoji, hashtags, handles), from which texts are drawn. */
const VOCABULARY = [
  'battery dies fast my phone charger refund support screen broken love great shipping late order the a of and'.split(' '),
  'батарея быстро садится телефон зарядка возврат ужасно спасибо экран доставка'.split(' '),
  'ekran şarj batarya İstanbul ılık telefon iade teşekkürler kargo geç'.split(' '),
  "batterie écran livraison remboursement l'été très déçu merci téléphone".split(' '),
  'البطارية الشاشة التوصيل استرداد شكرا الهاتف سيء'.split(' '),
  'बैटरी स्क्रीन डिलीवरी रिफंड धन्यवाद फोन खराब'.split(' '),
  '#battery #Aurora @aurora_support @Mara 😡 🔋 ❤️ 👍🏽 🙄 e-mail ΟΔΟΣ'.split(' '),
];
const WHOLE_TEXTS = ['แบตเตอรี่หมดเร็วมาก', 'バッテリーの寿命が短い', '#電池の寿命 すぐ切れる', '東京都でスマホが壊れた', 'ส่งของช้ามาก ขอเงินคืน'];

function generatedText(): string {
  if (rng.next() < 0.15) return `${rng.pick(WHOLE_TEXTS)} ${rng.pick(rng.pick(VOCABULARY))}`;
  const words = rng.pick(VOCABULARY);
  return Array.from({ length: rng.int(2, 14) }, () => (rng.next() < 0.85 ? rng.pick(words) : rng.pick(rng.pick(VOCABULARY)))).join(rng.next() < 0.1 ? ', ' : ' ');
}

const EXTRA_TEXTS = [
  '#Battery 🔋 dead again @Aurora_Support',
  'Батарея села, #батарея 😡',
  'แบตเตอรี่หมดเร็วมาก #แบต',
  "l'été est chaud, la batterie aussi",
  'İstanbul’da şarj sorunu, ılık telefon',
  'البطارية لا تعمل 😤',
  'バッテリーの寿命が短い #電池の寿命',
  'बैटरी जल्दी खत्म 👎',
  'e-mail support never answers my e mail',
  `${'ab'.repeat(70)} battery`,
  'ΟΔΟΣ battery ❤️ 👍🏽',
];
const LANGS = ['en', 'ru', 'th', 'fr', 'tr', 'ar', 'ja', 'hi', 'es', 'de'];
const SENTIMENTS = ['positive', 'negative', 'neutral'];
const INTENTS = ['complaint', 'question', 'praise', 'purchase_intent', 'lead', 'spam', 'toxic', 'crisis'];
const TOPICS = ['battery', 'Billing', 'shipping', 'screen', 'Legal'];
const CHANNELS = ['x', 'reddit', 'reddit-ads', 'facebook', 'instagram', 'email', 'vk', 'line'];

function corpus(): MentionDocument[] {
  const texts = [...Array.from({ length: 1_200 }, generatedText), ...EXTRA_TEXTS, ...EXTRA_TEXTS];
  return texts.map((text, i) => {
    const intents = rng.next() < 0.8 ? Array.from(new Set([rng.pick(INTENTS), ...(rng.next() < 0.3 ? [rng.pick(INTENTS)] : [])])) : undefined;
    return {
      id: `doc-${String(i).padStart(4, '0')}`,
      tenantId: TENANT,
      version: 1,
      channel: rng.pick(CHANNELS),
      externalId: `e${i}`,
      text,
      // Many ties on createdAt, so the id tie-break is exercised.
      createdAt: new Date(NOW.getTime() - rng.int(0, 60 * 24 * 3) * 60_000 * (rng.next() < 0.2 ? 0 : 1)).toISOString(),
      authorId: `a${i % 50}`,
      authorHandle: `@user${i % 50}`,
      authorDisplayName: `User ${i % 50}`,
      authorFollowers: rng.next() < 0.7 ? rng.int(0, 300_000) : undefined,
      conversationId: `c${i % 200}`,
      lang: rng.next() < 0.9 ? rng.pick(LANGS) : undefined,
      sentiment: rng.next() < 0.9 ? rng.pick(SENTIMENTS) : undefined,
      intent: intents?.[0],
      intents: rng.next() < 0.1 ? undefined : intents,
      topics: rng.next() < 0.6 ? rng.shuffle(TOPICS).slice(0, rng.int(1, 2)) : undefined,
    };
  });
}

/** Words, phrases, prefixes, filters and ranges drawn from the corpus itself, combined at random. */
function queryGenerator(docs: MentionDocument[]): () => string {
  const tokenLists = docs.map((d) => tokenizeText(d.text)).filter((t) => t.length > 0);
  const quote = (s: string) => `"${s.replace(/(["\\])/g, '\\$1')}"`;
  const word = () => {
    const tokens = rng.pick(tokenLists);
    const token = rng.pick(tokens);
    return /^[\p{L}\p{N}_#@]+$/u.test(token) ? token : quote(token);
  };
  const phrase = () => {
    const tokens = rng.pick(tokenLists);
    const start = rng.int(0, tokens.length - 1);
    return quote(tokens.slice(start, start + rng.int(2, 3)).join(' '));
  };
  const prefix = () => {
    const token = rng.pick(rng.pick(tokenLists)).replace(/[^\p{L}\p{N}#@_]/gu, '');
    const chars = [...token];
    const mark = chars[0] === '#' || chars[0] === '@' ? 1 : 0;
    return chars.length - mark < 2 ? 'bat*' : `${chars.slice(0, mark + rng.int(2, Math.min(4, chars.length - mark))).join('')}*`;
  };
  const filter = () =>
    rng.pick([
      () => `lang:${rng.pick(LANGS)}`,
      () => `sentiment:${rng.pick(SENTIMENTS)}`,
      () => `intent:${rng.pick(INTENTS)}`,
      () => `channel:${rng.pick(CHANNELS)}`,
      () => `channel:red*`,
      () => `topic:${rng.pick(TOPICS).toLowerCase()}`,
      () => `followers:>${rng.int(0, 200_000)}`,
      () => `followers:[${rng.int(0, 1000)} TO ${rng.int(1000, 100_000)}]`,
      () => `date:[now-${rng.int(1, 3)}d TO now]`,
      () => `date:<now-${rng.int(1, 48)}h`,
    ])();
  const near = () => `${rng.next() < 0.3 ? prefix() : word()} NEAR/${rng.int(1, 6)} ${rng.next() < 0.3 ? phrase() : word()}`;
  const leaf = (): string => rng.pick([word, word, phrase, prefix, filter, filter, near])();
  const expr = (depth: number): string => {
    if (depth === 0 || rng.next() < 0.35) return leaf();
    const parts = Array.from({ length: rng.int(2, 3) }, () => expr(depth - 1));
    const op = rng.pick([' ', ' AND ', ' OR ']);
    const joined = parts.join(op);
    const grouped = rng.next() < 0.5 ? `(${joined})` : joined;
    return rng.next() < 0.2 ? `NOT ${grouped.startsWith('(') ? grouped : `(${grouped})`}` : rng.next() < 0.15 ? `-${leaf()}` : grouped;
  };
  return () => expr(3);
}

const views = new WeakMap<MentionDocument, MatchableDocument>();
/** The matcher's view of a document, computed once (tokens and field values do not change). */
function viewOf(doc: MentionDocument): MatchableDocument {
  let view = views.get(doc);
  if (!view) {
    view = { text: doc.text, tokens: tokenizeText(doc.text), fields: { ...searchFieldValues(doc), ...rangeFieldValues(doc) } };
    views.set(doc, view);
  }
  return view;
}

/** What the index held before postings: every document through the reference matcher. */
function linearScan(docs: Iterable<MentionDocument>, query: QueryNode): MentionDocument[] {
  const matches = compileMatcher(query);
  const time = (d: MentionDocument) => Date.parse(d.createdAt);
  return [...docs]
    .filter((d) => matches(viewOf(d)))
    .sort((a, b) => time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

describe('embedded inverted index vs the reference linear scan', () => {
  const index = new EmbeddedMentionIndex();
  const held = new Map<string, MentionDocument>();
  let docs: MentionDocument[];

  beforeAll(async () => {
    docs = corpus();
    for (const doc of docs) {
      await index.upsert(doc);
      held.set(doc.id, doc);
    }
    // Later versions: classification changes in place, a text edit, a moved createdAt, erasures.
    for (const doc of rng.shuffle(docs).slice(0, 150)) {
      const edited: MentionDocument = { ...doc, version: 2, sentiment: rng.pick(SENTIMENTS), intents: [rng.pick(INTENTS)] };
      if (rng.next() < 0.3) edited.text = `${rng.pick(EXTRA_TEXTS)} ${doc.text.slice(0, 20)}`;
      if (rng.next() < 0.2) edited.createdAt = new Date(NOW.getTime() - rng.int(0, 5_000) * 60_000).toISOString();
      await index.upsert(edited);
      await index.upsert({ ...doc, version: 1, text: 'stale version never wins' });
      held.set(doc.id, edited);
    }
    for (const doc of rng.shuffle(docs).slice(0, 40)) {
      await index.remove(TENANT, doc.id);
      held.delete(doc.id);
    }
  });
  afterAll(() => index.close());

  it('returns exactly the linear scan\'s matches, newest first, for 400 generated queries', async () => {
    const next = queryGenerator(docs);
    let nonEmpty = 0;
    for (let i = 0; i < 400; i++) {
      const text = next();
      const query = parseQuery(text, { fields: SEARCH_FIELD_NAMES, now: () => NOW });
      const expected = linearScan(held.values(), query);
      const result = await index.search(TENANT, query, { limit: 5_000 });
      if (expected.length > 0) nonEmpty++;
      expect({ text, total: result.total, ids: result.items.map((d) => d.id) }).toEqual({ text, total: expected.length, ids: expected.map((d) => d.id) });
    }
    // The generator must produce selective queries, not only empty or match-all ones.
    expect(nonEmpty).toBeGreaterThan(200);
  });

  it('pages through the same order as the scan with cursors', async () => {
    for (const text of ['battery', '', 'sentiment:negative OR lang:ru', 'NOT intent:complaint']) {
      const query = parseQuery(text, { fields: SEARCH_FIELD_NAMES, now: () => NOW });
      const expected = linearScan(held.values(), query).map((d) => d.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await index.search(TENANT, query, { limit: 37, cursor });
        seen.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
  });
});
