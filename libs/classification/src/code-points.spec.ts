import { CodePointClass, LETTERS, WORD_CHARACTERS, codePointAt, runsOf } from './code-points';
import { clauseTokens } from './sentiment-scoring';

/** Multilingual samples with the awkward cases: marks, digits, emoji, surrogate pairs, lone surrogates. */
const SAMPLES = [
  '',
  'Заказ не пришёл, order still missing 😡😡',
  'ขอบคุณมากครับ บริการดีมาก!',
  'الخدمة سيئة جدا، ولم يصل الطلب؟',
  '配送が遅すぎる。最悪です！返金して',
  'यह सेवा बहुत अच्छी है, धन्यवाद',
  'İstanbul’da kargo 3 gündür gelmedi... #rezalet',
  'Ça marche pas: 1ère fois, 2ème fois; jamais!!',
  '𝒜𝓌𝑒𝓈𝑜𝓂𝑒 𠀀𠀁 👨‍👩‍👧 \uD83D lone \uDC00 surrogates',
  'מעולה\nשירות גרוע\n\nnl: niet goed, vi: rất tệ',
];

describe('code-point classes', () => {
  it.each([
    ['letters', LETTERS, /\p{L}/u],
    ['letters, marks and digits', WORD_CHARACTERS, /[\p{L}\p{M}\p{N}]/u],
  ])('%s: the same answer as the regex for every BMP code point', (_name, characters, regex) => {
    const wrong: number[] = [];
    for (let cp = 0; cp < 0x10000; cp++) if (characters.has(cp) !== regex.test(String.fromCharCode(cp))) wrong.push(cp);
    expect(wrong).toEqual([]);
  });

  it('the same answer as the regex for astral code points (math letters, CJK extension B, emoji)', () => {
    for (const cp of [0x1d49c, 0x20000, 0x1f621, 0x1f3fb, 0x10400]) {
      expect(LETTERS.has(cp)).toBe(/\p{L}/u.test(String.fromCodePoint(cp)));
    }
  });

  it('refuses a global pattern (its lastIndex would make test() stateful)', () => {
    expect(() => new CodePointClass(/\p{L}/gu)).toThrow();
  });

  it('reads a surrogate pair as one code point and a lone surrogate as its own', () => {
    expect(codePointAt('😡', 0)).toBe(0x1f621);
    expect(codePointAt('\uD83D!', 0)).toBe(0xd83d);
    expect(codePointAt('a\uDC00', 1)).toBe(0xdc00);
  });
});

describe('runsOf', () => {
  it.each(SAMPLES)('letter runs equal split(/[^\\p{L}]+/u) without empties: %j', (text) => {
    expect(runsOf(text, LETTERS)).toEqual(text.split(/[^\p{L}]+/u).filter((word) => word.length > 0));
  });

  it.each(SAMPLES)('word-character runs equal match(/[\\p{L}\\p{M}\\p{N}]+/gu): %j', (text) => {
    expect(runsOf(text, WORD_CHARACTERS)).toEqual(text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
  });
});

describe('clauseTokens', () => {
  it.each(SAMPLES)('equals the split-then-match of the clause regexes: %j', (text) => {
    const reference = text
      .split(/[.,!?;:，。！？、؟？\n]+/u)
      .map((clause) => clause.match(/[\p{L}\p{M}\p{N}]+/gu))
      .filter((tokens): tokens is RegExpMatchArray => tokens !== null)
      .map((tokens) => [...tokens]);
    expect(clauseTokens(text)).toEqual(reference);
  });
});
