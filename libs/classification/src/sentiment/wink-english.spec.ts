import winkSentiment from 'wink-sentiment';
import { WINK_TABLES, tokensOf, winkScoredTokens } from './wink-english';

/** What wink-sentiment itself says, token by token: the oracle for our cached, Map-based copy. */
function winkReference(text: string): Array<{ value: string; tag: string; score?: number; negation?: boolean }> {
  return (winkSentiment(text).tokenizedPhrase ?? []).map(({ value, tag, score, negation }) => ({
    value,
    tag,
    ...(score ? { score } : {}),
    ...(negation ? { negation } : {}),
  }));
}

function ours(text: string): ReturnType<typeof winkReference> {
  return winkScoredTokens(text).map(({ value, tag, score, negation }) => ({
    value,
    tag,
    ...(score ? { score } : {}),
    ...(negation ? { negation } : {}),
  }));
}

/** Object.prototype's keys that a plain-object lookup would find (wink's bug, not copied). */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype).map((key) => key.toLowerCase()));

describe('winkScoredTokens (wink-sentiment scoring over our own look-up tables)', () => {
  const words = [...WINK_TABLES.afinn.keys()].filter((word) => !PROTOTYPE_KEYS.has(word));
  const negators = [...WINK_TABLES.negations];
  const pairs = [...WINK_TABLES.bigrams].flatMap(([first, seconds]) => [...seconds.keys()].map((second) => `${first} ${second}`));
  const emoticons = [...WINK_TABLES.emoticons.keys()];

  it('reads all of AFINN-165, the 2-grams, emoticons and negators', () => {
    expect(WINK_TABLES.afinn.size).toBeGreaterThan(3_000);
    expect(WINK_TABLES.afinn.get('good')).toBe(3);
    expect(WINK_TABLES.bigrams.get('kind')?.get('of')).toBe(0);
    expect(WINK_TABLES.negations.has('not')).toBe(true);
    expect(pairs.length).toBeGreaterThan(20);
    expect(emoticons).toContain(':)');
  });

  it('scores every AFINN word exactly as wink-sentiment does, plain, capitalised, negated and as a hashtag', () => {
    const mismatches: string[] = [];
    words.forEach((word, i) => {
      const negator = negators[i % negators.length];
      const capitalised = word.charAt(0).toUpperCase() + word.slice(1);
      for (const text of [word, `it is ${capitalised}!`, `${negator} ${word}`, `${negator}, really ${word}`, `#${word} lol`]) {
        if (JSON.stringify(ours(text)) !== JSON.stringify(winkReference(text))) mismatches.push(text);
      }
    });
    expect(mismatches).toEqual([]);
  });

  it('scores the 2-grams, emoticons, contractions and times as wink-sentiment does', () => {
    const texts = [
      ...pairs.map((pair) => `that was ${pair} honestly`),
      ...pairs.map((pair) => `not ${pair}`),
      ...emoticons.map((emoticon) => `service ${emoticon} ok`),
      "I don't like it, it isn't good and we can't wait",
      "the team's work wasn't bad",
      'waited 2 hrs, then 10 am, then 5: pm and 12 hours :( never again',
      'Meeting at 10 am; delivery in 5 hours; call me at 3pm',
      'email me at a.b@example.com or https://example.com/x?y=1 @handle #Love #fail',
      'order 1st 2nd 3rd 12th, 1/4 and 8.8.8.8 cost $5 €10',
      'शानदार सेवा good',
    ];
    for (const text of texts) expect(ours(text)).toEqual(winkReference(text));
  });

  it('does not treat Object.prototype keys as words with a score or as negators (wink does)', () => {
    const tokens = winkScoredTokens('the constructor was not good');
    expect(tokens.find((token) => token.value === 'constructor')?.score).toBeUndefined();
    expect(tokens.find((token) => token.value === 'good')).toMatchObject({ score: -3, negation: true });
    expect(winkScoredTokens('constructor good').find((token) => token.value === 'good')).toMatchObject({ score: 3 });
  });

  it('tokenizes a text the same whether its chunks were seen before or not', () => {
    const text = 'Paid at 9 am, still nothing 2 hrs later :( #fail';
    const first = tokensOf(text).map(({ value, tag }) => ({ value, tag }));
    expect(tokensOf(text).map(({ value, tag }) => ({ value, tag }))).toEqual(first);
    expect(first.map((token) => token.tag)).toContain('time');
  });
});
