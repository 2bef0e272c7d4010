import { variedTexts } from './fixtures/varied-texts';
import { COMPLAINT_KEYWORDS, PRAISE_KEYWORDS, PURCHASE_KEYWORDS, QUESTION_MARKERS, type KeywordSet } from './intent-keywords';
import { compileKeywordMatcher, compileKeywordScreen, compileKeywords } from './intent-rules';
import { expandLeadingGroup, looseUnion } from './keyword-alternation';
import { ENGLISH_PHRASES } from './sentiment/english-supplement';
import { CRISIS_KEYWORDS, LEAD_CONTEXT, LEAD_NEED, LEAD_STRONG, SPAM_KEYWORDS, TARGET_MARKERS } from './intents/flag-keywords';

const SETS: Record<string, KeywordSet> = {
  complaint: COMPLAINT_KEYWORDS, purchase: PURCHASE_KEYWORDS, crisis: CRISIS_KEYWORDS, spam: SPAM_KEYWORDS, leadStrong: LEAD_STRONG, leadContext: LEAD_CONTEXT,
};
const SCREEN = compileKeywordScreen(Object.values(SETS));
/** Sets that are matched with compileKeywordMatcher but are not behind the screen. */
const UNSCREENED_SETS: Record<string, KeywordSet> = { praise: PRAISE_KEYWORDS, questionMarkers: QUESTION_MARKERS, leadNeed: LEAD_NEED, targets: TARGET_MARKERS };
/** The reference of each set: the plain regex (compileKeywords), not the faster matcher. */
const references = (sets: Record<string, KeywordSet>) =>
  Object.entries(sets).map(([name, set]) => ({ name, regex: compileKeywords(set), matcher: compileKeywordMatcher(set) }));
const REFERENCES = references(SETS);
const ALL_REFERENCES = references({ ...SETS, ...UNSCREENED_SETS });

/** Texts that hit the lists: every plain entry in varied case and surroundings (boundaries included). */
function keywordTexts(): string[] {
  const plain = Object.values({ ...SETS, ...UNSCREENED_SETS }).flatMap((set) => [...set.words, ...set.fragments]).filter((entry) => !/[\\()[\]?*+{}|.^$]/.test(entry));
  const around = ['', ' ', 'x', '1', '_', '-', 'é', '\u0301', 'я', 'ก', '。', '😡', '#', '@'];
  return plain.flatMap((entry, i) => [
    entry,
    `${around[i % around.length]}${entry.toUpperCase()}${around[(i * 7) % around.length]}`,
    `Заказ: ${entry}! ok`,
    `${entry}${around[(i + 3) % around.length]}`,
  ]);
}

describe('compileKeywordScreen (one scan ruling out several keyword sets)', () => {
  const texts = [...variedTexts(2_000), ...keywordTexts()];

  it('matches every text that any of its sets matches (a miss is a proof that none does)', () => {
    const missed = texts.flatMap((text) => REFERENCES.filter((ref) => ref.regex.test(text) && !SCREEN.test(text)).map((ref) => `${ref.name}: ${text}`));
    expect(missed).toEqual([]);
  });

  it('gives each set the same answer as its plain regex (the matcher it guards, and the unscreened ones)', () => {
    const differing = texts.flatMap((text) => ALL_REFERENCES.filter((ref) => ref.regex.test(text) !== ref.matcher.test(text)).map((ref) => `${ref.name}: ${text}`));
    expect(differing).toEqual([]);
  });

  it('skips a keyword glued to the letters before it and still finds the same keyword further on', () => {
    const complaint = compileKeywordMatcher(COMPLAINT_KEYWORDS);
    expect(complaint.test('unrefundable, says the app')).toBe(false);
    expect(complaint.test('unrefundable they said, so I want a refund')).toBe(true);
    expect(complaint.test('𝒜refund then 😡 refund')).toBe(true);
    expect(complaint.test('😡refund')).toBe(true); // an emoji, not a letter, before it
    expect(complaint.test('𝒜refund')).toBe(false); // a letter outside the BMP
    expect(complaint.test('ёrefund')).toBe(false);
  });

  it('rules out ordinary texts in several languages, so it saves work', () => {
    for (const text of ['Спасибо, всё отлично', 'ขอบคุณมากครับ', 'Harika bir hizmet', 'شكرا جزيلا', 'ありがとうございます', 'धन्यवाद', 'Thanks! 😍']) {
      expect(SCREEN.test(text)).toBe(false);
    }
    expect(SCREEN.test('I want a REFUND')).toBe(true);
    expect(SCREEN.test('телефон взорвался')).toBe(true);
  });
});

describe('expandLeadingGroup (keyword entries spread out so they start with a letter)', () => {
  it('spreads a leading group over its alternatives, nested ones and optional ones too', () => {
    expect(expandLeadingGroup("(?:i'?ll|we will) (?:sue|take (?:you|this) to court)")).toEqual(["i'?ll (?:sue|take (?:you|this) to court)", 'we will (?:sue|take (?:you|this) to court)']);
    expect(expandLeadingGroup('(?:a|(?:b|c)d)e')).toEqual(['ae', 'bde', 'cde']);
    expect(expandLeadingGroup('(?:electric )?shock(?:ed)? me')).toEqual(['electric shock(?:ed)? me', 'shock(?:ed)? me']);
    expect(expandLeadingGroup('(?:[|)]|наш\\p{L}*) офис')).toEqual(['[|)] офис', 'наш\\p{L}* офис']);
  });

  it('keeps entries whose meaning a spread would change, or that do not open with a plain group', () => {
    for (const entry of ['(?:a|b)*c', '(?:a|b)+c', '(?:a|b){2}c', '(?:x)??y', 'a|b', '(?<!x)y', '(a|b)c', '\\d+% off', '(?:a|b)c|d']) {
      expect(expandLeadingGroup(entry)).toEqual([entry]);
    }
  });

  it('matches exactly the texts the entry matches', () => {
    const entries = [COMPLAINT_KEYWORDS, LEAD_CONTEXT, CRISIS_KEYWORDS, PURCHASE_KEYWORDS].flatMap((set) => [...set.words, ...set.fragments]);
    expect(entries.filter((entry) => expandLeadingGroup(entry).length > 1).length).toBeGreaterThanOrEqual(18);
    const texts = [...variedTexts(500), ...keywordTexts(), 'our company needs 40 laptops', 'we will take you to court', 'my phone caught fire'];
    const differing = entries.flatMap((entry) => {
      const original = new RegExp(entry, 'iu');
      const spread = new RegExp(expandLeadingGroup(entry).map((part) => `(?:${part})`).join('|'), 'iu');
      return texts.filter((text) => original.test(text) !== spread.test(text)).map((text) => `${entry}: ${text}`);
    });
    expect(differing).toEqual([]);
  });
});

describe('looseUnion (one cheap scan that rules texts out for several patterns)', () => {
  it('matches every text that one of the patterns matches', () => {
    const sources = ENGLISH_PHRASES.map(([pattern]) => pattern.source);
    const union = looseUnion(sources);
    const texts = [...variedTexts(1_500), "I won't be back", 'NEVER AGAIN.', 'it stopped charging', 'Would definitely come back!', 'not even close', 'this fell apart'];
    const missed = texts.filter((text) => sources.some((source) => new RegExp(source, 'iu').test(text)) && !union.test(text));
    expect(missed).toEqual([]);
    expect(texts.filter((text) => union.test(text)).length).toBeGreaterThanOrEqual(6);
    expect(union.test('Great service, thank you')).toBe(false);
  });

  it('drops the assertions a pattern opens with (\\b, lookbehinds, lookaheads), so it is a screen, not the pattern', () => {
    const union = looseUnion([String.raw`(?<![\p{L}])(?:опять|снова)(?![\p{L}])`, String.raw`\bstill\b`, String.raw`(?=x)(?<!y)xy`]);
    expect(['опять не работает', 'поопять', 'stillness', 'yxy'].map((text) => union.test(text))).toEqual([true, true, false, true]);
    expect(union.test('всё хорошо')).toBe(false);
  });
});
