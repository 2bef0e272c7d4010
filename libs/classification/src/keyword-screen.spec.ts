import { variedTexts } from './fixtures/varied-texts';
import { COMPLAINT_KEYWORDS, PURCHASE_KEYWORDS, type KeywordSet } from './intent-keywords';
import { compileKeywordMatcher, compileKeywordScreen, compileKeywords } from './intent-rules';
import { CRISIS_KEYWORDS, LEAD_CONTEXT, LEAD_STRONG, SPAM_KEYWORDS } from './intents/flag-keywords';

const SETS: Record<string, KeywordSet> = {
  complaint: COMPLAINT_KEYWORDS, purchase: PURCHASE_KEYWORDS, crisis: CRISIS_KEYWORDS, spam: SPAM_KEYWORDS, leadStrong: LEAD_STRONG, leadContext: LEAD_CONTEXT,
};
const SCREEN = compileKeywordScreen(Object.values(SETS));
/** The reference of each set: the plain regex (compileKeywords), not the faster matcher. */
const REFERENCES = Object.entries(SETS).map(([name, set]) => ({ name, regex: compileKeywords(set), matcher: compileKeywordMatcher(set) }));

/** Texts that hit the lists: every plain entry in varied case and surroundings (boundaries included). */
function keywordTexts(): string[] {
  const plain = Object.values(SETS).flatMap((set) => [...set.words, ...set.fragments]).filter((entry) => !/[\\()[\]?*+{}|.^$]/.test(entry));
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

  it('gives each set the same answer as its plain regex (the matcher it guards)', () => {
    const differing = texts.flatMap((text) => REFERENCES.filter((ref) => ref.regex.test(text) !== ref.matcher.test(text)).map((ref) => `${ref.name}: ${text}`));
    expect(differing).toEqual([]);
  });

  it('rules out ordinary texts in several languages, so it saves work', () => {
    for (const text of ['Спасибо, всё отлично', 'ขอบคุณมากครับ', 'Harika bir hizmet', 'شكرا جزيلا', 'ありがとうございます', 'धन्यवाद', 'Thanks! 😍']) {
      expect(SCREEN.test(text)).toBe(false);
    }
    expect(SCREEN.test('I want a REFUND')).toBe(true);
    expect(SCREEN.test('телефон взорвался')).toBe(true);
  });
});
