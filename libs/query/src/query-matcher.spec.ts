import { compileMatcher, matchesQuery, parseQuery, tokenizeText, type MatchableDocument } from './index';

const FIELDS = { fields: ['lang', 'sentiment', 'intent', 'channel', 'followers'] };

function doc(text: string, fields: MatchableDocument['fields'] = {}): MatchableDocument {
  return { text, fields };
}

/** Whether `query` matches a document with `text` (and optional fields). */
function matches(query: string, text: string, fields: MatchableDocument['fields'] = {}): boolean {
  return matchesQuery(parseQuery(query, FIELDS), doc(text, fields));
}

describe('matchesQuery', () => {
  describe('basics', () => {
    it('matches everything with the empty query', () => {
      expect(matches('', 'anything')).toBe(true);
      expect(matches('   ', '')).toBe(true);
    });

    it('matches a single term as a whole token', () => {
      expect(matches('battery', 'My battery died')).toBe(true);
      expect(matches('batt', 'My battery died')).toBe(false);
      expect(matches('battery', 'batterylife')).toBe(false);
    });

    it('ignores case', () => {
      expect(matches('BATTERY', 'my Battery died')).toBe(true);
      expect(matches('battery', 'MY BATTERY DIED')).toBe(true);
      expect(matches('Ёлка', 'ЁЛКА')).toBe(true);
    });

    it('implicit AND requires every word, in any order', () => {
      expect(matches('died battery', 'My battery died')).toBe(true);
      expect(matches('battery charger', 'My battery died')).toBe(false);
    });

    it('explicit AND', () => {
      expect(matches('battery AND died', 'My battery died')).toBe(true);
      expect(matches('battery AND charger', 'My battery died')).toBe(false);
    });

    it('OR', () => {
      expect(matches('charger OR battery', 'My battery died')).toBe(true);
      expect(matches('charger OR screen', 'My battery died')).toBe(false);
    });

    it('NOT and minus', () => {
      expect(matches('battery NOT charger', 'My battery died')).toBe(true);
      expect(matches('battery NOT died', 'My battery died')).toBe(false);
      expect(matches('battery -died', 'My battery died')).toBe(false);
      expect(matches('-charger', 'My battery died')).toBe(true);
      expect(matches('NOT NOT battery', 'My battery died')).toBe(true);
    });

    it('lowercase "and" / "or" / "not" are searched as words', () => {
      expect(matches('salt and pepper', 'salt and pepper')).toBe(true);
      expect(matches('salt and pepper', 'salt, pepper')).toBe(false);
      expect(matches('salt or pepper', 'salt')).toBe(false);
    });

    it('respects precedence: a OR b c = a OR (b AND c)', () => {
      const ast = parseQuery('refund OR battery died', FIELDS);
      expect(matchesQuery(ast, doc('I want a refund'))).toBe(true); // a alone
      expect(matchesQuery(ast, doc('battery died'))).toBe(true); // b and c
      expect(matchesQuery(ast, doc('battery is fine'))).toBe(false); // b alone is not enough
      // ...whereas with parentheses (a OR b) c, "refund" alone is not enough.
      const grouped = parseQuery('(refund OR battery) died', FIELDS);
      expect(matchesQuery(grouped, doc('I want a refund'))).toBe(false);
      expect(matchesQuery(grouped, doc('refund, my phone died'))).toBe(true);
    });

    it('NOT binds tighter than AND and OR', () => {
      expect(matches('NOT battery died', 'my phone died')).toBe(true);
      expect(matches('NOT battery died', 'my battery died')).toBe(false);
      expect(matches('NOT battery OR died', 'my battery died')).toBe(true);
    });

    it('negated groups', () => {
      expect(matches('phone -(battery OR screen)', 'phone battery')).toBe(false);
      expect(matches('phone -(battery OR screen)', 'phone speaker')).toBe(true);
    });
  });

  describe('phrases and multi-token terms', () => {
    it('requires consecutive tokens for phrases', () => {
      expect(matches('"battery life"', 'The Battery Life is short')).toBe(true);
      expect(matches('"battery life"', 'life of the battery')).toBe(false);
      expect(matches('"battery life"', 'battery, life')).toBe(true); // punctuation is not a token
    });

    it('matches phrases containing escaped quotes (quotes are punctuation in text)', () => {
      expect(matches('"the \\"smart\\" charger"', 'So the "smart" charger broke')).toBe(true);
      expect(matches('"the \\"smart\\" charger"', 'the charger is smart')).toBe(false);
    });

    it('treats operators inside phrases as words', () => {
      expect(matches('"salt OR pepper"', 'Salt or pepper?')).toBe(true);
      expect(matches('"salt OR pepper"', 'salt')).toBe(false);
    });

    it('matches a hyphenated term as a token sequence', () => {
      expect(matches('e-mail', 'send an E-Mail')).toBe(true);
      expect(matches('e-mail', 'send an e mail')).toBe(true);
      expect(matches('e-mail', 'mail me')).toBe(false);
    });

    it('negated phrase', () => {
      expect(matches('battery -"battery life"', 'battery life')).toBe(false);
      expect(matches('battery -"battery life"', 'life with this battery')).toBe(true);
    });

    it('ignores terms and phrases without searchable characters', () => {
      expect(matches('battery +', 'battery')).toBe(true);
      expect(matches('battery -+', 'battery')).toBe(true);
      expect(matches('""', 'anything')).toBe(true);
      expect(matches('battery OR ...', 'charger')).toBe(false);
      expect(matches('(- OR "") x', 'x')).toBe(true);
    });
  });

  describe('hashtags and mentions', () => {
    it('a #tag query matches the hashtag case-insensitively, not the plain word', () => {
      expect(matches('#battery', 'Love the #Battery')).toBe(true);
      expect(matches('#battery', 'Love the battery')).toBe(false);
      expect(matches('#battery', 'Love the @battery')).toBe(false);
    });

    it('a plain word also matches it used as a hashtag or mention', () => {
      expect(matches('battery', 'Love the #Battery')).toBe(true);
      expect(matches('acme_support', 'cc @Acme_Support')).toBe(true);
      expect(matches('@acme_support', 'cc @ACME_SUPPORT please')).toBe(true);
    });

    it('a hashtag inside a phrase', () => {
      expect(matches('"#battery life"', '#battery life sucks')).toBe(true);
      expect(matches('"battery life"', '#battery life sucks')).toBe(true);
    });
  });

  describe('field filters', () => {
    it('matches a string field exactly and case-insensitively', () => {
      expect(matches('lang:en', '', { lang: 'EN' })).toBe(true);
      expect(matches('lang:EN', '', { lang: 'en' })).toBe(true);
      expect(matches('lang:en', '', { lang: 'en-GB' })).toBe(false);
      expect(matches('lang:e', '', { lang: 'en' })).toBe(false);
    });

    it('matches quoted values with spaces', () => {
      expect(matches('intent:"Cancel Order"', '', { intent: 'cancel order' })).toBe(true);
      expect(matches('intent:"cancel order"', '', { intent: 'cancel' })).toBe(false);
    });

    it('matches any element of an array field', () => {
      expect(matches('channel:email', '', { channel: ['Chat', 'Email'] })).toBe(true);
      expect(matches('channel:sms', '', { channel: ['chat', 'email'] })).toBe(false);
      expect(matches('channel:sms', '', { channel: [] })).toBe(false);
    });

    it('matches numbers by their decimal string', () => {
      expect(matches('followers:10000', '', { followers: 10000 })).toBe(true);
      expect(matches('followers:1e4', '', { followers: 10000 })).toBe(false);
    });

    it('never matches a missing field; its negation does', () => {
      expect(matches('lang:en', '', {})).toBe(false);
      expect(matches('lang:en', '', { lang: undefined })).toBe(false);
      expect(matches('-lang:en', '', {})).toBe(true);
      expect(matches('-lang:en', '', { lang: 'en' })).toBe(false);
    });

    it('does not look at inherited properties', () => {
      const ast = parseQuery('constructor:x', { fields: ['constructor'] });
      expect(matchesQuery(ast, doc('', {}))).toBe(false);
    });

    it('combines fields and text', () => {
      const q = '(lang:en OR lang:fr) -sentiment:negative battery';
      expect(matches(q, 'battery ok', { lang: 'fr', sentiment: 'positive' })).toBe(true);
      expect(matches(q, 'battery ok', { lang: 'fr', sentiment: 'negative' })).toBe(false);
      expect(matches(q, 'battery ok', { lang: 'de', sentiment: 'positive' })).toBe(false);
      expect(matches(q, 'screen ok', { lang: 'en' })).toBe(false);
    });

    it('normalises field values with NFKC', () => {
      expect(matches('intent:ｒｅｆｕｎｄ', '', { intent: 'Refund' })).toBe(true);
    });
  });

  describe('multilingual text', () => {
    it('Russian (Cyrillic case-insensitivity)', () => {
      expect(matches('батарея', 'Моя БАТАРЕЯ разрядилась')).toBe(true);
      expect(matches('"батарея разрядилась"', 'Батарея разрядилась быстро')).toBe(true);
      expect(matches('батарея -быстро', 'Батарея разрядилась быстро')).toBe(false);
      expect(matches('ёлка', 'елка')).toBe(false); // ё and е are different letters
    });

    it('Thai (no spaces between words)', () => {
      const text = 'ภาษาไทยง่ายนิดเดียว';
      expect(matches('ไทย', text)).toBe(true);
      expect(matches('ภาษาไทย', text)).toBe(true); // two tokens, consecutive
      expect(matches('"ไทยง่าย"', text)).toBe(true);
      expect(matches('ลาว', text)).toBe(false);
    });

    it('Japanese (no spaces, mixed scripts, half-width katakana)', () => {
      const text = '東京都に住んでいます。バッテリーがすぐ切れる';
      expect(matches('東京', text)).toBe(true);
      expect(matches('住んで', text)).toBe(true);
      expect(matches('ﾊﾞｯﾃﾘｰ', text)).toBe(true); // NFKC: half-width → full-width
      expect(matches('大阪', text)).toBe(false);
    });

    it('Chinese', () => {
      expect(matches('电池', '我喜欢这个电池')).toBe(true);
      expect(matches('电池 -喜欢', '我喜欢这个电池')).toBe(false);
      expect(matches('屏幕', '我喜欢这个电池')).toBe(false);
    });

    it('Turkish dotted and dotless I', () => {
      // Plain toLowerCase() would make "İSTANBUL" → "i̇stanbul" (with U+0307) and miss.
      expect(matches('istanbul', 'İSTANBUL’da yaşıyorum')).toBe(true);
      expect(matches('İstanbul', 'istanbul')).toBe(true);
      expect(matches('ISTANBUL', 'İstanbul')).toBe(true);
      expect(matches('yaşıyorum', 'İstanbul’da YAŞIYORUM')).toBe(false); // ASCII I → i, not ı (locale-independent)
      expect(matches('ılık', 'ılık su')).toBe(true);
      expect(matches('ılık', 'ilik su')).toBe(false); // dotless ı is a distinct letter
    });

    it('French accents are significant but case-insensitive', () => {
      expect(matches('été', "L'ÉTÉ est chaud")).toBe(true);
      expect(matches('ete', "L'été est chaud")).toBe(false);
      expect(matches('café', 'un cafe\u0301 noir')).toBe(true); // decomposed é
      expect(matches('"l\'été"', 'l’été')).toBe(true); // straight vs curly apostrophe
    });

    it('Arabic', () => {
      const text = 'مرحبا بالعالم، البطارية سيئة';
      expect(matches('البطارية', text)).toBe(true);
      expect(matches('"البطارية سيئة"', text)).toBe(true);
      expect(matches('البطاريـــة', text)).toBe(true); // tatweel ignored
      expect(matches('جيدة', text)).toBe(false);
    });

    it('Greek final sigma', () => {
      expect(matches('οδος', 'ΟΔΟΣ')).toBe(true);
    });
  });

  describe('emoji', () => {
    it('matches emoji as terms, ignoring presentation selectors and skin tones', () => {
      expect(matches('😡', 'battery died 😡😡')).toBe(true);
      expect(matches('❤', 'love it ❤️')).toBe(true);
      expect(matches('❤️', 'love it ❤')).toBe(true);
      expect(matches('👍', 'great 👍🏽')).toBe(true);
      expect(matches('😀', 'battery died 😡')).toBe(false);
    });

    it('matches words glued to emoji', () => {
      expect(matches('love', 'love❤️it')).toBe(true);
      expect(matches('"love ❤ it"', 'love❤️it')).toBe(true);
      expect(matches('battery -😡', 'battery died 😡')).toBe(false);
    });
  });
});

describe('compileMatcher', () => {
  it('gives the same results as matchesQuery', () => {
    const ast = parseQuery('(battery OR charger) -"battery life" lang:en', FIELDS);
    const docs = [
      doc('the battery died', { lang: 'en' }),
      doc('battery life is short', { lang: 'en' }),
      doc('charger broke', { lang: 'fr' }),
      doc('charger broke', { lang: ['de', 'EN'] }),
    ];
    const match = compileMatcher(ast);
    expect(docs.map(match)).toEqual([true, false, false, true]);
    expect(docs.map((d) => matchesQuery(ast, d))).toEqual([true, false, false, true]);
  });

  it('uses pre-computed tokens instead of the text when given', () => {
    const match = compileMatcher(parseQuery('battery'));
    expect(match({ text: 'nothing here', fields: {}, tokens: ['battery'] })).toBe(true);
    expect(match({ text: 'battery', fields: {}, tokens: [] })).toBe(false);
    const text = 'Love the #Battery ❤️';
    expect(match({ text, fields: {}, tokens: tokenizeText(text) })).toBe(match(doc(text)));
  });

  it('reads and tokenises each document text at most once, and only when needed', () => {
    let reads = 0;
    const counting = (text: string, fields: MatchableDocument['fields'] = {}): MatchableDocument => ({
      get text() {
        reads++;
        return text;
      },
      fields,
    });

    const match = compileMatcher(parseQuery('battery OR charger OR "power bank" OR screen', FIELDS));
    expect([counting('a screen'), counting('a power bank'), counting('nothing')].map(match)).toEqual([true, true, false]);
    expect(reads).toBe(3); // once per document, not once per term

    reads = 0;
    compileMatcher(parseQuery('lang:en', FIELDS))(counting('some long text', { lang: 'en' }));
    expect(reads).toBe(0); // no text leaf, no tokenisation

    reads = 0;
    expect(compileMatcher(parseQuery('battery lang:en', FIELDS))(counting('battery', { lang: 'fr' }))).toBe(false);
    expect(reads).toBe(0); // the cheap field filter is checked first and short-circuits
  });

  it('matches everything for the empty query and for queries of ignorable terms only', () => {
    expect(compileMatcher(parseQuery(''))(doc(''))).toBe(true);
    expect(compileMatcher(parseQuery('+ -...'))(doc('x'))).toBe(true);
  });
});

describe('NEAR, wildcards and ranges', () => {
  const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
  const RFIELDS = {
    fields: ['lang', 'channel', { name: 'followers', type: 'number' as const }, { name: 'date', type: 'date' as const }],
    now: () => new Date(NOW),
  };
  const m = (query: string, text: string, fields: MatchableDocument['fields'] = {}) => matchesQuery(parseQuery(query, RFIELDS), doc(text, fields));

  describe('NEAR', () => {
    const text = 'the battery of my phone needs a new charger today';
    it.each([
      ['battery NEAR/6 charger', true], // 6 tokens between
      ['battery NEAR/5 charger', false],
      ['charger NEAR/6 battery', true], // either order
      ['battery NEAR charger', false], // NEAR = NEAR/5
      ['phone NEAR charger', true],
      ['"my phone" NEAR/3 charger', true],
      ['"phone my" NEAR/3 charger', false],
      ['batt* NEAR/6 charg*', true],
      ['batt* NEAR/1 charg*', false],
      ['the NEAR/1 battery', true],
      ['battery NEAR/1 the', true],
      ['battery NEAR/1 tablet', false],
      ['+ NEAR/1 battery', true], // an empty operand is dropped
      ['+ NEAR/1 -', true],
      ['x OR phone NEAR/1 needs', true],
      ['-battery NEAR/1 phone', true],
    ])('%j → %s', (q, expected) => {
      expect(m(q, text)).toBe(expected);
    });

    it('counts overlapping operands as adjacent (as span_near does)', () => {
      expect(m('"battery life" NEAR/1 battery', 'battery life')).toBe(true);
    });

    it('follows the hashtag rules of terms', () => {
      expect(m('battery NEAR/1 dead', '#battery is dead')).toBe(true);
      expect(m('#battery NEAR/1 dead', 'battery is dead')).toBe(false);
    });
  });

  describe('wildcards', () => {
    it.each([
      ['batt*', 'Battery dies', true],
      ['battery*', 'battery dies', true],
      ['batt*', 'my #battery', true],
      ['#batt*', 'my #battery', true],
      ['#batt*', 'my battery', false],
      ['@ac*', 'ask @acme', true],
      ['bat*', 'combat', false],
      ['бата*', 'Батарея садится', true],
      ['БАТА*', 'батарея', true],
      ['แบต*', 'แบตเตอรี่หมดเร็วมาก', true],
      ['ｂａｔｔ*', 'battery', true],
    ])('%j on %j → %s', (q, text, expected) => {
      expect(m(q, text)).toBe(expected);
    });

    it('does not reach tokens longer than MAX_WILDCARD_TOKEN_BYTES', () => {
      const long = 'ab'.repeat(63); // 126 bytes
      expect(m('ab*', long)).toBe(false);
      expect(m('ab*', long.slice(0, 125))).toBe(true);
      expect(m(long, long)).toBe(true);
    });

    it('matches field values by prefix, case-insensitively, any element of an array', () => {
      expect(m('channel:red*', 'x', { channel: 'Reddit' })).toBe(true);
      expect(m('channel:red*', 'x', { channel: ['x', 'reddit'] })).toBe(true);
      expect(m('channel:red*', 'x', { channel: 'x' })).toBe(false);
      expect(m('channel:red*', 'x', {})).toBe(false);
      expect(m('-channel:red*', 'x', {})).toBe(true);
    });
  });

  describe('numeric ranges', () => {
    it.each([
      ['followers:>10000', 10000, false],
      ['followers:>10000', 10001, true],
      ['followers:>=10000', 10000, true],
      ['followers:<500', 500, false],
      ['followers:<=500', 500, true],
      ['followers:[100 TO 1000]', 100, true],
      ['followers:[100 TO 1000]', 1000, true],
      ['followers:[100 TO 1000]', 1001, false],
      ['followers:[* TO 1000]', 0, true],
      ['followers:[100 TO *]', 1e9, true],
      ['followers:[* TO *]', 0, true],
      ['followers:42', 42, true],
      ['followers:>1.5', 2, true],
    ])('%j with %d → %s', (q, followers, expected) => {
      expect(m(q, 'x', { followers })).toBe(expected);
    });

    it('never matches a missing value, so NOT keeps it', () => {
      expect(m('followers:[* TO *]', 'x')).toBe(false);
      expect(m('-followers:>5', 'x')).toBe(true);
      expect(m('followers:>5', 'x', { followers: 'many' })).toBe(false);
    });
  });

  describe('date ranges', () => {
    const at = (iso: string) => ({ date: iso });
    it.each([
      ['date:[2026-11-01 TO 2026-11-20]', '2026-11-01T00:00:00.000Z', true],
      ['date:[2026-11-01 TO 2026-11-20]', '2026-10-31T23:59:59.999Z', false],
      ['date:[2026-11-01 TO 2026-11-20]', '2026-11-20T23:59:59.999Z', true], // the whole last day
      ['date:[2026-11-01 TO 2026-11-20]', '2026-11-21T00:00:00.000Z', false],
      ['date:[now-7d TO now]', '2026-11-13T12:00:00.000Z', true],
      ['date:[now-7d TO now]', '2026-11-13T11:59:59.999Z', false],
      ['date:[now-7d TO now]', '2026-11-20T12:00:00.001Z', false],
      ['date:>now-24h', '2026-11-19T12:00:00.001Z', true],
      ['date:>now-24h', '2026-11-19T12:00:00.000Z', false],
      ['date:>2026-11-19', '2026-11-19T23:00:00.000Z', false],
      ['date:>2026-11-19', '2026-11-20T00:00:00.000Z', true],
      ['date:2026-11-19', '2026-11-19T08:00:00.000Z', true],
      ['date:<2026-11-19T08:00', '2026-11-19T07:59:59.000Z', true],
    ])('%j at %s → %s', (q, iso, expected) => {
      expect(m(q, 'x', at(iso))).toBe(expected);
    });

    it('accepts epoch milliseconds as the document value', () => {
      expect(m('date:>now-1h', 'x', { date: NOW - 1000 })).toBe(true);
    });
  });
});
