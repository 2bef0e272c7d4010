import { containsTokenSequence, normalizeText, tokenMatches, tokenizeText } from './index';

describe('normalizeText', () => {
  it('applies NFKC and lowercases', () => {
    expect(normalizeText('Ｂａｔｔｅｒｙ ﬁle ｶﾀｶﾅ')).toBe('battery file カタカナ');
    expect(normalizeText('Cafe\u0301')).toBe('café'); // decomposed → composed
  });

  it('keeps diacritics (exact letters, case-insensitive)', () => {
    expect(normalizeText('CAFÉ Élève ÑANDÚ Ёлка')).toBe('café élève ñandú ёлка');
    expect(normalizeText('café')).not.toBe(normalizeText('cafe'));
  });

  describe('Turkish dotted / dotless I', () => {
    it('documents the pitfall we avoid: plain toLowerCase turns İ into i + U+0307', () => {
      expect('İ'.toLowerCase()).toBe('i\u0307');
      expect('I'.toLocaleLowerCase('tr')).toBe('ı'); // locale-dependent: not used
    });

    it('maps İ to i without a combining dot, independent of locale', () => {
      expect(normalizeText('İSTANBUL')).toBe('istanbul');
      expect(normalizeText('İstanbul')).toBe(normalizeText('istanbul'));
      expect(normalizeText('ISTANBUL')).toBe('istanbul');
    });

    it('keeps dotless ı distinct from i', () => {
      expect(normalizeText('ılık')).toBe('ılık');
      expect(normalizeText('ılık')).not.toBe(normalizeText('ilik'));
    });
  });

  it('folds Greek final sigma', () => {
    expect(normalizeText('ΟΔΟΣ')).toBe(normalizeText('οδος'));
  });

  it('removes soft hyphens, tatweel, emoji variation selectors and skin tones', () => {
    expect(normalizeText('soft\u00ADware')).toBe('software');
    expect(normalizeText('عـــربي')).toBe('عربي');
    expect(normalizeText('❤️👍🏽')).toBe('❤👍');
  });
});

describe('tokenizeText', () => {
  it('splits on whitespace and punctuation, lowercasing', () => {
    expect(tokenizeText('The battery, sadly, DIED! (again)')).toEqual(['the', 'battery', 'sadly', 'died', 'again']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenizeText('')).toEqual([]);
    expect(tokenizeText(' +-*/ ... ')).toEqual([]);
  });

  it('keeps numbers and dotted words together', () => {
    expect(tokenizeText('v2.1 costs 3.14 at example.com')).toEqual(['v2.1', 'costs', '3.14', 'at', 'example.com']);
  });

  it('segments Thai, Japanese and Chinese text written without spaces', () => {
    expect(tokenizeText('ภาษาไทยง่ายนิดเดียว')).toEqual(['ภาษา', 'ไทย', 'ง่าย', 'นิด', 'เดียว']);
    expect(tokenizeText('東京都に住んでいます')).toContain('東京');
    expect(tokenizeText('我喜欢电池')).toEqual(['我', '喜欢', '电池']);
  });

  it('tokenises Cyrillic and Arabic', () => {
    expect(tokenizeText('Привет, МИР!')).toEqual(['привет', 'мир']);
    expect(tokenizeText('مرحبا بالعالم')).toEqual(['مرحبا', 'بالعالم']);
  });

  it('splits at apostrophes (French elision)', () => {
    expect(tokenizeText("L'été, l’hiver")).toEqual(['l', 'été', 'l', 'hiver']);
    expect(tokenizeText("Don't")).toEqual(['don', 't']);
  });

  it('keeps emoji as tokens (one per emoji, ZWJ sequence or flag)', () => {
    expect(tokenizeText('love❤️it 😀😀 👨‍👩‍👧 🇫🇷 👍🏽')).toEqual(['love', '❤', 'it', '😀', '😀', '👨‍👩‍👧', '🇫🇷', '👍']);
  });

  it('glues # and @ to the following word for hashtags and mentions', () => {
    expect(tokenizeText('#Battery @Acme_Support ##dup #電池')).toEqual(['#battery', '@acme_support', '#dup', '#電池']);
  });

  it('does not glue # or @ that follows a word or is followed by space', () => {
    expect(tokenizeText('user@example.com C# # battery @ home')).toEqual(['user', 'example.com', 'c', 'battery', 'home']);
  });
});

describe('tokenMatches / containsTokenSequence', () => {
  it('lets a plain query token match a hashtag or mention, but not the reverse', () => {
    expect(tokenMatches('battery', '#battery')).toBe(true);
    expect(tokenMatches('battery', '@battery')).toBe(true);
    expect(tokenMatches('#battery', 'battery')).toBe(false);
    expect(tokenMatches('#battery', '@battery')).toBe(false);
    expect(tokenMatches('battery', '#batteryx')).toBe(false);
    expect(tokenMatches('attery', '#battery')).toBe(false);
  });

  it('finds consecutive runs only', () => {
    const doc = ['the', 'battery', 'life', 'is', 'short'];
    expect(containsTokenSequence(doc, ['battery', 'life'])).toBe(true);
    expect(containsTokenSequence(doc, ['life', 'battery'])).toBe(false);
    expect(containsTokenSequence(doc, ['battery', 'short'])).toBe(false);
    expect(containsTokenSequence(doc, ['is', 'short'])).toBe(true);
    expect(containsTokenSequence(doc, ['short', 'x'])).toBe(false);
    expect(containsTokenSequence(doc, [])).toBe(false);
    expect(containsTokenSequence([], ['a'])).toBe(false);
  });
});
