import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { variedTexts } from '../fixtures/varied-texts';
import { detectToxicity } from './toxicity';

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
