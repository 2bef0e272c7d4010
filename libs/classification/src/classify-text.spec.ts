import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { Classification } from '@cxm/contracts';
import { classifyText, MODEL_VERSION } from './index';
import { DEV_SET } from './fixtures/dev-set';

describe('classifyText', () => {
  it('returns a Classification that passes the contract validation', () => {
    const result = classifyText('Thanks @acme, the new update works great 😍');
    expect(validateSync(plainToInstance(Classification, result))).toEqual([]);
    expect(result).toEqual({
      language: { code: 'en', confidence: expect.any(Number) },
      sentiment: { label: 'positive', score: expect.any(Number) },
      intent: { label: 'praise', confidence: expect.any(Number) },
      modelVersion: MODEL_VERSION,
      intents: [{ label: 'praise', confidence: expect.any(Number) }],
      customerState: { label: 'happy', confidence: expect.any(Number) },
      entities: { hashtags: [], mentions: ['acme'], urls: [], cashtags: [], emails: [], phones: [], containsPersonalData: false },
    });
  });

  it('handles the empty string', () => {
    expect(classifyText('')).toMatchObject({
      language: { code: 'und', confidence: 0 },
      sentiment: { label: 'neutral', score: 0 },
      intent: { label: 'other', confidence: expect.any(Number) },
      modelVersion: MODEL_VERSION,
      intents: [{ label: 'other', confidence: expect.any(Number) }],
      customerState: { label: 'neutral' },
      entities: { hashtags: [], mentions: [], urls: [], cashtags: [], emails: [], phones: [], containsPersonalData: false },
    });
  });

  const labels = (text: string) => (classifyText(text).intents ?? []).map((i) => i.label);

  it.each([
    ['a legal threat is complaint + crisis', "Refund now or I'll call my lawyer", ['complaint', 'crisis']],
    ['a sarcastic insult is complaint + toxic', 'Great job idiots, my phone died again 🙄', ['complaint', 'toxic']],
    ['a safety incident is a crisis (ja)', 'バッテリーが発火しました。消費者センターに連絡します', ['complaint', 'crisis']],
    ['a business prospect is a lead (es)', 'Nuestra empresa necesita 30 líneas corporativas', ['purchase_intent', 'lead']],
    ['spam with a repeated link', 'DM me to earn $500 a day with crypto https://x.co/a https://x.co/a', ['spam']],
    ['an insult in Russian with a refund demand', 'ты идиот, верните деньги', ['complaint', 'toxic']],
  ])('multi-label: %s', (_name, text, expected) => {
    expect(labels(text)).toEqual(expect.arrayContaining(expected));
  });

  it('keeps the primary intent first in intents, and never repeats a label', () => {
    for (const [, , text] of DEV_SET) {
      const result = classifyText(text);
      expect(result.intents?.[0]).toEqual(result.intent);
      const all = (result.intents ?? []).map((i) => i.label);
      expect(new Set(all).size).toBe(all.length);
      expect(['question', 'complaint', 'praise', 'purchase_intent', 'other']).toContain(result.intent.label);
    }
  });

  it('marks personal data and fills the entities', () => {
    const result = classifyText('@acme call me on +44 20 7946 0958 or jane@example.com #help');
    expect(result.entities).toMatchObject({ mentions: ['acme'], hashtags: ['help'], containsPersonalData: true });
    expect(validateSync(plainToInstance(Classification, result))).toEqual([]);
  });

  it('says unsupported (not a guess) for a language without a lexicon, unless emoji decide', () => {
    expect(classifyText('Þetta er mjög gott og fallegt veður í dag').sentiment).toEqual({ label: 'unsupported', score: 0 });
    expect(classifyText('Þetta er mjög gott og fallegt veður í dag 😍😍').sentiment.label).toBe('positive');
  });

  it('handles a 20,000-character input quickly and validly', () => {
    const text = 'The product is great but the delivery was slow. '.repeat(410).slice(0, 20_000);
    const started = Date.now();
    const result = classifyText(text);
    expect(Date.now() - started).toBeLessThan(500);
    expect(result.language.code).toBe('en');
    expect(validateSync(plainToInstance(Classification, result))).toEqual([]);
  });

  it.each([
    ['emoji only', '😍😍🔥'],
    ['symbols only', '!!!???...'],
    ['lone surrogate', 'abc \uD83D def'],
    ['control characters', '\u0000\u0007text\u001b'],
    ['zero-width joiners', '\u200d\u200d\u200d'],
  ])('does not throw on %s', (_name, text) => {
    const result = classifyText(text);
    expect(validateSync(plainToInstance(Classification, result))).toEqual([]);
  });

  it('gives mixed-language text one plausible answer', () => {
    const result = classifyText('I love Paris mais le service était vraiment nul');
    expect(['en', 'fr']).toContain(result.language.code);
    const ruEn = classifyText('Заказ не пришёл, order #12345 still missing');
    expect(['ru', 'en']).toContain(ruEn.language.code);
    expect(ruEn.intent.label).toBe('complaint');
  });

  describe('on the bundled dev set (optimistic: written alongside the rules)', () => {
    const results = DEV_SET.map(([language, intent, text]) => ({ language, intent, got: classifyText(text) }));

    it('identifies the language of at least 95% of posts', () => {
      const correct = results.filter((r) => r.got.language.code === r.language).length;
      expect(correct / results.length).toBeGreaterThanOrEqual(0.95);
    });

    it('gets the intent of at least 90% of posts', () => {
      const correct = results.filter((r) => r.got.intent.label === r.intent).length;
      expect(correct / results.length).toBeGreaterThanOrEqual(0.9);
    });
  });
});
