import type { IntentLabel } from '@cxm/contracts';
import {
  CLAUSE_START_INTERROGATIVES, COMPLAINT_KEYWORDS, PRAISE_KEYWORDS, PURCHASE_KEYWORDS,
  QUESTION_MARKERS, TURKISH_QUESTION_PARTICLE, type KeywordSet,
} from './intent-keywords';
import { afterCodePointAt, factorByFirstLetter } from './keyword-alternation';
import type { SentimentResult } from './sentiment-scoring';

/**
 * Rule-based intent. Precedence, first match wins:
 *   1. complaint        – complaint keywords ("refund", "не работает", "返金", "เสีย")
 *   2. purchase_intent  – price / buy / stock keywords, even when phrased as a question:
 *                         "how much is it?" is a sales lead, and routing it to sales is
 *                         more useful than to generic support
 *   3. question         – '?', '？', '؟', '¿', interrogatives; a question with clearly
 *                         negative tone ("why is it so slow?? 😡") is a complaint instead
 *   4. praise           – thanks/love words with non-negative tone
 *   5. tone fallback    – clearly negative → complaint, clearly positive → praise
 *   6. other
 * Confidences are fixed per rule (how often that rule was right on our small dev set,
 * rounded down), not calibrated probabilities.
 */

export interface IntentResult {
  label: IntentLabel;
  confidence: number;
}

/** Tone strong enough to decide intent on its own (one clear word like "awful" = -0.6). */
const STRONG_TONE = 0.4;
const BOUNDARY_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const BOUNDARY_AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;

const COMPLAINT = compileKeywordMatcher(COMPLAINT_KEYWORDS);
const PURCHASE = compileKeywordMatcher(PURCHASE_KEYWORDS);
const PRAISE = compileKeywordMatcher(PRAISE_KEYWORDS);
const QUESTION_MARKER = compileKeywordMatcher(QUESTION_MARKERS);
const QUESTION_MARK = /[?？؟¿]/u;
const CLAUSE_START_QUESTION = new RegExp(
  String.raw`(?:^|[.!,;:\n]\s*)(?:${CLAUSE_START_INTERROGATIVES.join('|')})${BOUNDARY_AFTER}`,
  'iu',
);
const TURKISH_PARTICLE = new RegExp(`${BOUNDARY_BEFORE}${TURKISH_QUESTION_PARTICLE}${BOUNDARY_AFTER}`, 'iu');

export function detectIntent(text: string, sentiment: SentimentResult, languageCode: string): IntentResult {
  return analyseIntents(text, sentiment, languageCode).primary;
}

/**
 * The primary intent by the precedence above, plus every base intent that holds (not only
 * the first): "how much is it? the last one broke" is purchase_intent, complaint and
 * question at once. Each keyword list runs once. Used for `intents`.
 */
export function analyseIntents(
  text: string, sentiment: SentimentResult, languageCode: string,
  /** false when a screen (compileKeywordScreen) has ruled out the complaint and purchase keywords */
  complaintOrPurchasePossible = true,
): { primary: IntentResult; signals: IntentResult[] } {
  const normalised = text.replace(/[’‘`´]/gu, "'");
  const complaint = complaintOrPurchasePossible && COMPLAINT.test(normalised);
  const purchase = complaintOrPurchasePossible && PURCHASE.test(normalised);
  const question = questionStrength(normalised, languageCode);
  const praise = PRAISE.test(normalised) && sentiment.label !== 'negative';
  const praiseConfidence = sentiment.label === 'positive' ? 0.8 : 0.6;

  let primary: IntentResult;
  if (complaint) primary = { label: 'complaint', confidence: 0.8 };
  else if (purchase) primary = { label: 'purchase_intent', confidence: 0.75 };
  else if (question > 0) {
    primary = sentiment.score <= -STRONG_TONE
      ? { label: 'complaint', confidence: 0.55 }
      : { label: 'question', confidence: question };
  } else if (praise) primary = { label: 'praise', confidence: praiseConfidence };
  else if (sentiment.score <= -STRONG_TONE) primary = { label: 'complaint', confidence: 0.5 };
  else if (sentiment.score >= STRONG_TONE) primary = { label: 'praise', confidence: 0.5 };
  else primary = { label: 'other', confidence: 0.5 };

  const signals: IntentResult[] = [];
  if (complaint) signals.push({ label: 'complaint', confidence: 0.8 });
  else if (sentiment.score <= -STRONG_TONE) signals.push({ label: 'complaint', confidence: 0.5 });
  if (purchase) signals.push({ label: 'purchase_intent', confidence: 0.75 });
  if (question > 0) signals.push({ label: 'question', confidence: question });
  if (praise) signals.push({ label: 'praise', confidence: praiseConfidence });
  else if (sentiment.score >= STRONG_TONE) signals.push({ label: 'praise', confidence: 0.5 });
  return { primary, signals };
}

/** 0 = no question; a question mark is stronger evidence than an interrogative word. */
function questionStrength(text: string, languageCode: string): number {
  if (QUESTION_MARK.test(text)) return 0.8;
  if (QUESTION_MARKER.test(text) || CLAUSE_START_QUESTION.test(text)) return 0.6;
  if (languageCode === 'tr' && TURKISH_PARTICLE.test(text)) return 0.6;
  return 0;
}

export function compileKeywords(set: KeywordSet): RegExp {
  const words = `${BOUNDARY_BEFORE}(?:${set.words.join('|')})${BOUNDARY_AFTER}`;
  const fragments = set.fragments.length > 0 ? `|(?:${set.fragments.join('|')})` : '';
  return new RegExp(words + fragments, 'iu');
}

/**
 * Same answers as `compileKeywords(set).test`, faster: entries that start with a plain letter
 * are grouped by that letter (`refund|rude` → `r(?:efund|ude)`), so at each position the
 * engine tries one small group instead of every entry. Same language, so `test` gives the
 * same answer; the order of alternatives changes, so not for `match`/`matchAll`.
 * The Unicode left-boundary lookbehind is what costs: placed first, it runs at every position
 * of the text. So the scan is done without it (a looser pattern that matches wherever the full
 * one does), and only where that scan matches is the full pattern tried, anchored there.
 */
export function compileKeywordMatcher(set: KeywordSet): KeywordTest {
  const words = factorByFirstLetter(set.words);
  const fragments = set.fragments.length > 0 ? `|${factorByFirstLetter(set.fragments)}` : '';
  const loose = new RegExp(`${words}${BOUNDARY_AFTER}${fragments}`, 'giu');
  const fullHere = new RegExp(`${BOUNDARY_BEFORE}${words}${BOUNDARY_AFTER}${fragments}`, 'iuy');
  return { test: (text: string): boolean => matchesAtALooseMatch(text, loose, fullHere) };
}

/**
 * Whether `fullHere` (sticky) matches at one of the positions where `loose` (global, matching
 * wherever `fullHere` does) matches. Each `exec` finds the next such start, so every candidate
 * position is tried once and no other.
 */
function matchesAtALooseMatch(text: string, loose: RegExp, fullHere: RegExp): boolean {
  loose.lastIndex = 0;
  for (let match = loose.exec(text); match !== null; match = loose.exec(text)) {
    fullHere.lastIndex = match.index;
    if (fullHere.test(text)) return true;
    loose.lastIndex = afterCodePointAt(text, match.index);
  }
  return false;
}

/**
 * One scan that rules out several keyword sets at once: the union of their loose patterns
 * (see compileKeywordMatcher), so it matches whenever any of their matchers does, and a miss
 * means none of them can. For the sets that rarely fire (complaint, purchase and the flags):
 * most texts then cost one scan instead of six; V8's cost of an alternation grows much less
 * than its size.
 */
export function compileKeywordScreen(sets: readonly KeywordSet[]): KeywordTest {
  const words = factorByFirstLetter(sets.flatMap((set) => set.words));
  const fragments = sets.flatMap((set) => set.fragments);
  const loose = new RegExp(`${words}${BOUNDARY_AFTER}${fragments.length > 0 ? `|${factorByFirstLetter(fragments)}` : ''}`, 'iu');
  return { test: (text: string): boolean => loose.test(text) };
}

export interface KeywordTest {
  test(text: string): boolean;
}
