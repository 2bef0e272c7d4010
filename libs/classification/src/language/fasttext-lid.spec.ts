import { readFileSync } from 'node:fs';
import { FastTextLanguageModel, getLid176, lid176ModelPath } from './fasttext-lid';
import { variedTexts } from '../fixtures/varied-texts';
import { languageSamples } from './fixtures';
import { SCRIPT_CANDIDATES, scriptOf, scriptProfile, type Script } from './script-rules';

const TEXTS = [
  ...languageSamples().map((sample) => sample.text),
  'Pneumonoultramicroscopicsilicovolcanoconiosis is a very long word indeed',
  'ありがとうございましたありがとうございましたありがとうございましたありがとうございました',
  '',
  '   ',
];

/** The walk with the generic per-node loop (private methods, reached for the comparison). */
function withGenericSigmoids(model: FastTextLanguageModel, text: string): Float64Array {
  const internals = model as unknown as { sigmoids16(): void; sigmoids(): void };
  const unrolled = internals.sigmoids16;
  internals.sigmoids16 = internals.sigmoids;
  try {
    return Float64Array.from(model.predictAll(text));
  } finally {
    internals.sigmoids16 = unrolled;
  }
}

/** fastText's own order: every row added one by one (the pre-summed tokens switched off). */
function rowByRow(model: FastTextLanguageModel, text: string): Float64Array {
  const internals = model as unknown as { exactSumLimit: number };
  const limit = internals.exactSumLimit;
  internals.exactSumLimit = 0;
  try {
    return Float64Array.from(model.predictAll(text));
  } finally {
    internals.exactSumLimit = limit;
  }
}

/** Same bits (a byte comparison: much faster than toEqual on 176 floats × 1,300 texts). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

describe('FastTextLanguageModel (lid.176)', () => {
  it('gives bit-identical probabilities adding each token\'s pre-summed rows and adding rows one by one', () => {
    const model = getLid176();
    const texts = [...TEXTS, ...variedTexts(1_500), 'lorem ipsum dolor '.repeat(40), 'Заказ не пришёл, order still missing 😡 '.repeat(15)];
    const differing = texts.filter((text) => !sameBits(Float64Array.from(model.predictAll(text)), rowByRow(model, text)));
    expect(differing).toEqual([]);
  });

  it('computes only the labels of a mask, each bit for bit as the full walk does, and 0 for the others', () => {
    const model = getLid176();
    const labels = model.labels;
    const masks = [
      ...Object.values(SCRIPT_CANDIDATES).map((codes) => Uint8Array.from(labels, (label) => (codes.includes(label) ? 1 : 0))),
      Uint8Array.from(labels, (_, i) => (i % 3 === 0 ? 1 : 0)),
      Uint8Array.from(labels, (label) => (label === 'en' ? 1 : 0)),
      Uint8Array.from(labels, () => 1),
    ];
    const texts = [...TEXTS.slice(0, 300), 'Заказ не пришёл, order still missing', 'لم يصل الطلب بعد'];
    const differing = texts.flatMap((text) => {
      const full = Float64Array.from(model.predictAll(text));
      return masks.flatMap((mask, m) => {
        const masked = Float64Array.from(model.predictAll(text, mask));
        const expected = full.map((p, i) => (mask[i] ? p : 0));
        return sameBits(masked, expected) ? [] : [`mask ${m}: ${text}`];
      });
    });
    expect(differing).toEqual([]);
  });

  it('adds pre-summed rows only below the magnitude where float64 adds of its values stay exact', () => {
    // lid.176's smallest non-zero value is ~8.8e-6 (2^-17 ≤ v < 2^-16): float32 multiples of 2^-40,
    // exact in a float64 up to 2^53 of them.
    expect((getLid176() as unknown as { exactSumLimit: number }).exactSumLimit).toBe(2 ** 13);
  });

  it('gives bit-identical probabilities with the unrolled 16-column sigmoids and the generic loop', () => {
    const model = getLid176();
    const differing = TEXTS.filter((text) => {
      const unrolled = Float64Array.from(model.predictAll(text));
      return !sameBits(withGenericSigmoids(model, text), unrolled);
    });
    expect(differing).toEqual([]);
  });

  it('gives bit-identical probabilities whether the out-of-vocabulary token cache is cold or warm', () => {
    const warm = getLid176();
    for (const text of TEXTS) warm.predictAll(text);
    const cold = new FastTextLanguageModel(readFileSync(lid176ModelPath()));
    const differing = TEXTS.filter((text) => {
      const first = Float64Array.from(cold.predictAll(text));
      return !sameBits(warm.predictAll(text), first) || !sameBits(cold.predictAll(text), first);
    });
    expect(differing).toEqual([]);
  });

  it('still names the obvious languages', () => {
    const model = getLid176();
    expect(model.predict('Доставка опять задержалась, очень недоволен', 1)[0].label).toBe('ru');
    expect(model.predict("Le colis n'est toujours pas arrivé, c'est inadmissible", 1)[0].label).toBe('fr');
    expect(model.predict('Kargom hâlâ gelmedi, çok kötü bir hizmet', 1)[0].label).toBe('tr');
  });
});

/** scriptProfile as first written (a Map per text, a binary search per letter): the oracle. */
function referenceProfile(text: string): ReturnType<typeof scriptProfile> {
  const dense = new Set<Script>(['han', 'kana', 'hangul', 'thai', 'lao', 'khmer', 'myanmar', 'tibetan']);
  const counts = new Map<Script, number>();
  let letters = 0;
  let weightedLetters = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!/\p{L}/u.test(char)) continue;
    const script = scriptOf(codePoint);
    counts.set(script, (counts.get(script) ?? 0) + 1);
    letters++;
    weightedLetters += dense.has(script) ? 3 : 1;
  }
  let dominant: Script = 'other';
  let best = 0;
  for (const [script, count] of counts) {
    if (count > best) {
      dominant = script;
      best = count;
    }
  }
  const kana = counts.get('kana') ?? 0;
  const hangul = counts.get('hangul') ?? 0;
  if (dominant === 'han' && kana > 0) dominant = 'kana';
  if (dominant === 'han' && hangul > 0) dominant = 'hangul';
  const share = letters === 0 ? 0 : (counts.get(dominant) ?? 0) / letters;
  const cjkShare = letters === 0 ? 0 : ((counts.get('han') ?? 0) + kana + hangul) / letters;
  return { dominant, share: dominant === 'kana' || dominant === 'hangul' ? cjkShare : share, letters, weightedLetters, kana, hangul };
}

describe('scriptProfile', () => {
  it('matches the straightforward per-letter count on every fixture text', () => {
    for (const text of TEXTS) expect(scriptProfile(text)).toEqual(referenceProfile(text));
  });

  it('breaks a tie in favour of the script whose first letter comes first', () => {
    expect(scriptProfile('abc где').dominant).toBe('latin');
    expect(scriptProfile('где abc').dominant).toBe('cyrillic');
    expect(scriptProfile('𠀀𠀁 \uD83D x').dominant).toBe(referenceProfile('𠀀𠀁 \uD83D x').dominant);
  });
});
