import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CHANNELS, CanonicalMention } from '@cxm/contracts';

/** The primary intents the demo writes mentions for (flag intents such as spam are not its job). */
const DEMO_INTENTS = ['question', 'complaint', 'praise', 'purchase_intent', 'other'];
import {
  DEMO_AUTHORS,
  DEMO_LANGS,
  DEMO_REPLY_TEMPLATES,
  DEMO_TEMPLATES,
  DemoLang,
  MAX_DEMO_TEXT_LENGTH,
  generateDemoMentions,
  generateLabelledDemoMentions,
} from './index';
import { SeededRandom } from './seeded-random';

const NOW = new Date('2025-03-15T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const options = { tenantId: 'demo-tenant', seed: 7, now: NOW };

/** Rough script check: does the text contain characters typical of the language? */
const SCRIPT: Partial<Record<DemoLang, RegExp>> = {
  ru: /[а-яё]/i,
  th: /[\u0E00-\u0E7F]/,
  ar: /[\u0600-\u06FF]/,
  ja: /[\u3040-\u30FF\u4E00-\u9FFF]/,
};

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new SeededRandom(1);
    const b = new SeededRandom(1);
    const c = new SeededRandom(2);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('demo templates', () => {
  it('has at least 12 templates for each of the 11 languages, with valid labels and unique ids', () => {
    expect(DEMO_LANGS).toHaveLength(11);
    for (const lang of DEMO_LANGS) {
      const mine = DEMO_TEMPLATES.filter((t) => t.lang === lang);
      expect(mine.length).toBeGreaterThanOrEqual(12);
      expect(new Set(mine.map((t) => t.expectedIntent))).toEqual(new Set(DEMO_INTENTS));
      expect(new Set(mine.map((t) => t.text)).size).toBe(mine.length);
      expect(DEMO_REPLY_TEMPLATES.filter((t) => t.lang === lang)).toHaveLength(9);
      const script = SCRIPT[lang];
      if (script) for (const t of mine) expect(t.text).toMatch(script);
    }
    const ids = [...DEMO_TEMPLATES, ...DEMO_REPLY_TEMPLATES].map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has an author pool of about 80 people with unique handles', () => {
    const people = DEMO_AUTHORS.filter((a) => a.kind !== 'media');
    expect(people.length).toBeGreaterThanOrEqual(75);
    expect(new Set(DEMO_AUTHORS.map((a) => a.handle)).size).toBe(DEMO_AUTHORS.length);
    expect(people.some((a) => a.followers >= 100_000)).toBe(true);
  });
});

describe('generateDemoMentions', () => {
  const mentions = generateDemoMentions(options);
  const labelled = generateLabelledDemoMentions(options);

  it('produces 300 mentions by default, or exactly `count`', () => {
    expect(mentions).toHaveLength(300);
    expect(generateDemoMentions({ ...options, count: 17 })).toHaveLength(17);
    expect(generateDemoMentions({ ...options, count: 0 })).toEqual([]);
  });

  it('is deterministic for the same seed, and varies with the seed', () => {
    expect(generateDemoMentions(options)).toEqual(mentions);
    const other = generateDemoMentions({ ...options, seed: 8 });
    expect(other).not.toEqual(mentions);
  });

  it('yields mentions that pass CanonicalMention validation', () => {
    for (const m of mentions) {
      const errors = validateSync(plainToInstance(CanonicalMention, m), { forbidUnknownValues: true });
      if (errors.length > 0) throw new Error(`${JSON.stringify(m)}\n${errors.map(String).join('\n')}`);
    }
  });

  it('stamps the tenant, fills every slot and keeps texts under 1,000 chars', () => {
    for (const m of mentions) {
      expect(m.tenantId).toBe('demo-tenant');
      expect(m.text).not.toMatch(/\{\w+\}/);
      expect(m.text.length).toBeLessThan(MAX_DEMO_TEXT_LENGTH);
      expect(m.target).toBeTruthy();
      if (m.url) expect(m.url.startsWith('https://')).toBe(true);
    }
  });

  it('spreads createdAt over the 14 days before `now`, oldest first', () => {
    const times = mentions.map((m) => Date.parse(m.createdAt));
    for (const t of times) {
      expect(t).toBeLessThan(NOW.getTime());
      expect(t).toBeGreaterThanOrEqual(NOW.getTime() - 14 * DAY);
    }
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const days = new Set(times.map((t) => Math.floor((NOW.getTime() - t) / DAY)));
    expect(days.size).toBeGreaterThanOrEqual(12);
    for (const m of mentions) expect(m.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('covers at least 8 languages (all 11 here), every intent and many channels', () => {
    const langs = new Set(labelled.map((l) => l.lang));
    expect(langs.size).toBeGreaterThanOrEqual(8);
    expect(langs.size).toBe(11);
    expect(new Set(labelled.map((l) => l.expectedIntent))).toEqual(new Set(DEMO_INTENTS));
    expect(new Set(mentions.map((m) => m.channel)).size).toBe(CHANNELS.length);
    expect(new Set(mentions.map((m) => m.author.handle)).size).toBeGreaterThan(50);
    // Even a tiny sample is multilingual.
    const small = generateLabelledDemoMentions({ ...options, count: 11 });
    expect(new Set(small.map((l) => l.lang)).size).toBeGreaterThanOrEqual(8);
  });

  it('keeps externalIds unique per channel', () => {
    for (const channel of CHANNELS) {
      const ids = mentions.filter((m) => m.channel === channel).map((m) => m.externalId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('makes replies point to an earlier mention of the same conversation and channel', () => {
    const replies = mentions.filter((m) => m.inReplyTo !== undefined);
    expect(replies.length).toBeGreaterThan(20);
    expect(replies.length).toBeLessThan(mentions.length / 2);
    mentions.forEach((m, index) => {
      if (m.inReplyTo === undefined) return;
      const parentIndex = mentions.findIndex((p) => p.channel === m.channel && p.externalId === m.inReplyTo);
      expect(parentIndex).toBeGreaterThanOrEqual(0);
      expect(parentIndex).toBeLessThan(index);
      const parent = mentions[parentIndex];
      expect(Date.parse(parent.createdAt)).toBeLessThan(Date.parse(m.createdAt));
      expect(m.conversationId).toBeDefined();
      expect(parent.conversationId).toBe(m.conversationId);
    });
    // The brand answers in some threads.
    expect(replies.some((m) => ['aurora_mobile', '@AuroraMobile', 'auroramobile'].includes(m.author.handle))).toBe(true);
  });

  it('rejects bad options', () => {
    expect(() => generateDemoMentions({ tenantId: '' })).toThrow(RangeError);
    expect(() => generateDemoMentions({ tenantId: 't', count: -1 })).toThrow(RangeError);
    expect(() => generateDemoMentions({ tenantId: 't', now: new Date('nope') })).toThrow(RangeError);
  });
});
