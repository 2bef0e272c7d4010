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
    });
  });

  it('handles the empty string', () => {
    expect(classifyText('')).toEqual({
      language: { code: 'und', confidence: 0 },
      sentiment: { label: 'neutral', score: 0 },
      intent: { label: 'other', confidence: expect.any(Number) },
      modelVersion: MODEL_VERSION,
    });
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
