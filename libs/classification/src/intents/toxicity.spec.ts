import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { variedTexts } from '../fixtures/varied-texts';
import { INSULTS } from './flag-keywords';
import { detectToxicity, listHits } from './toxicity';

describe('detectToxicity, English profanity', () => {
  it("gives obscenity's own hasMatch answer behind its pre-screen (leetspeak, spacing and whitelisted words included)", () => {
    const reference = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
    const texts = [
      ...variedTexts(2_000),
      'what the fuck is this', 'f u c k this app', 'fuuuuck', 'this is sh1t', 'you b1tch', 'FUCKING useless', 'a$$hole support',
      'I live in Scunthorpe', 'an assassin movie', 'cocktail bar', 'c0ck', 'Dickens novel', 'bullshit!!', 'shiitake mushrooms',
    ];
    const differing = texts.filter((text) => detectToxicity(text, 'en').profanity !== reference.hasMatch(text));
    expect(differing).toEqual([]);
    expect(texts.filter((text) => detectToxicity(text, 'en').profanity).length).toBeGreaterThanOrEqual(6);
  });
});

describe('listHits (insult and naughty-words lists per language)', () => {
  it("finds, from the screen's matches, what the list pattern's own matchAll finds", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const naughty = require('naughty-words') as Record<string, string[] | undefined>;
    const codes = ['fr', 'es', 'de', 'pt', 'it', 'ru', 'tr', 'ar', 'hi', 'pl', 'nl', 'ja', 'th'];
    const texts = [
      ...variedTexts(800),
      ...codes.flatMap((code) => [...(INSULTS[code] ?? []), ...(naughty[code] ?? [])].filter((entry) => !/[\\()[\]?*+{}|]/.test(entry)).slice(0, 40)
        .flatMap((word, i) => [`${word}`, `x${word} ${word}!`, `Заказ ${word.toUpperCase()}${i % 2 ? 'a' : ''} ok`, `😡${word}`])),
    ];
    const differing = codes.flatMap((code) => texts
      .filter((text) => JSON.stringify(listHits(text, code)) !== JSON.stringify(listHits(text, code, 'full')))
      .map((text) => `${code}: ${text}`));
    expect(differing).toEqual([]);
    expect(codes.reduce((n, code) => n + texts.filter((text) => listHits(text, code).insult || listHits(text, code).profanity).length, 0)).toBeGreaterThan(200);
  });
});
