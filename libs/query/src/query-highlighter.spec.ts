import { highlightSpans, parseQuery, tokenizeText, tokenizeTextWithOffsets } from './index';

const FIELDS = { fields: ['lang', 'channel'] };
/** The highlighted substrings of `text` for `query`, in order. */
const marked = (query: string, text: string) => highlightSpans(parseQuery(query, FIELDS), text).map((s) => text.slice(s.start, s.end));

describe('tokenizeTextWithOffsets', () => {
  it.each([
    'Battery dies fast on my Aurora X5',
    "L'été à Paris: l’hôtel était trop cher",
    'Şarj İSTANBUL’da bitti #Pil @Turkcell_Destek',
    'แบตเตอรี่หมดเร็วมาก 😡👍🏽',
    '東京タワーのバッテリーが #電池の寿命 短い',
    'Ｂａｔｔｅｒｙ ﬁle ｶﾀｶﾅ Cafe\u0301 soft\u00ADware',
    'बैटरी जल्दी खत्म हो जाती है',
    'البطارية ضعيفة جدا 😤',
  ])('yields exactly the tokens of tokenizeText for %j, each covering its own characters', (text) => {
    const positioned = tokenizeTextWithOffsets(text);
    expect(positioned.map((t) => t.token)).toEqual(tokenizeText(text));
    for (const { token, start, end } of positioned) expect(tokenizeText(text.slice(start, end))).toEqual([token]);
  });

  it('maps normalised tokens back to the original characters (full-width, decomposed, dotted İ)', () => {
    const text = 'Ｂａｔｔｅｒｙ İSTANBUL Cafe\u0301!';
    expect(tokenizeTextWithOffsets(text).map((t) => text.slice(t.start, t.end))).toEqual(['Ｂａｔｔｅｒｙ', 'İSTANBUL', 'Cafe\u0301']);
  });

  it('includes the # or @ of a hashtag or handle in its span', () => {
    const text = 'ask @Acme_Support about #Battery';
    expect(tokenizeTextWithOffsets(text).map((t) => text.slice(t.start, t.end))).toEqual(['ask', '@Acme_Support', 'about', '#Battery']);
  });
});

describe('highlightSpans', () => {
  it('marks every occurrence of every word asked for, case-insensitively', () => {
    expect(marked('battery charger', 'Battery and charger; the BATTERY again')).toEqual(['Battery', 'charger', 'BATTERY']);
  });

  it('marks a phrase as one span from its first to its last word', () => {
    expect(marked('"battery life"', 'Love the battery  life, not the battery')).toEqual(['battery  life']);
  });

  it('marks hashtags for a bare word, and only hashtags for a #word', () => {
    expect(marked('battery', 'my #battery and battery')).toEqual(['#battery', 'battery']);
    expect(marked('#battery', 'my #battery and battery')).toEqual(['#battery']);
  });

  it('marks wildcard matches in every script', () => {
    expect(marked('batt*', 'Battery, #batterylife, combat')).toEqual(['Battery', '#batterylife']);
    expect(marked('бата*', 'Батарея быстро садится')).toEqual(['Батарея']);
    expect(marked('แบต*', 'แบตเตอรี่หมดเร็วมาก')).toEqual(['แบตเตอรี่']);
  });

  it('marks nothing under NOT, and nothing for field filters', () => {
    expect(marked('battery -charger', 'battery charger')).toEqual(['battery']);
    expect(marked('NOT (charger OR cable) lang:en channel:x', 'charger cable')).toEqual([]);
    expect(marked('NOT NOT charger', 'charger cable')).toEqual(['charger']);
  });

  it('marks NEAR operands only where they stand close enough', () => {
    const text = 'battery one two three four five six charger; x y battery charger';
    expect(marked('battery NEAR/1 charger', text)).toEqual(['battery', 'charger']);
    expect(highlightSpans(parseQuery('battery NEAR/1 charger'), text)).toEqual([
      { start: 49, end: 56 },
      { start: 57, end: 64 },
    ]);
    expect(marked('battery NEAR/6 charger', text)).toEqual(['battery', 'charger', 'battery', 'charger']);
    expect(marked('"my phone" NEAR/2 charger', 'charger for my phone')).toEqual(['charger', 'my phone']);
  });

  it('keeps the other NEAR operand when one has no searchable token', () => {
    expect(marked('+ NEAR/1 battery', 'a battery')).toEqual(['battery']);
  });

  it('merges overlapping spans (a phrase and its own words)', () => {
    expect(marked('"battery life" battery', 'battery life')).toEqual(['battery life']);
  });

  it('marks Turkish, Japanese and French words in the original spelling', () => {
    expect(marked('istanbul', 'İSTANBUL’da şarj bitti')).toEqual(['İSTANBUL']);
    expect(marked('バッテリー', '東京タワーのバッテリーが短い')).toEqual(['バッテリー']);
    expect(marked('été', "L'été à Paris")).toEqual(['été']);
  });

  it('marks nothing for an empty query', () => {
    expect(highlightSpans(parseQuery(''), 'anything')).toEqual([]);
  });
});
