import type { CustomerState, IntentGuess } from '@cxm/contracts';
import { looseUnion } from '../keyword-alternation';
import type { SentimentResult } from '../sentiment-scoring';

/**
 * How the customer seems to feel, from sentiment, intents and cues:
 * - frustrated: a complaint/crisis/toxic post with negative or unknown tone, or negative tone
 *   plus repetition cues ("still", "again", "third time", "!!", "??", "ещё", "encore",
 *   "todavía", "immer noch", "ainda", "hâlâ", "まだ", "ยัง", "अभी भी", "مازال").
 * - confused: a question with confusion cues ("I don't understand", "how do I", "can't find",
 *   "не понимаю", "je ne comprends pas", "no entiendo", "verstehe nicht", "não entendo",
 *   "anlamadım", "分からない", "ไม่เข้าใจ", "समझ नहीं", "لا أفهم"), or a question with "??".
 * - happy: positive tone, or praise without negative tone.
 * - neutral otherwise.
 * Frustration wins over confusion ("still can't log in, how do I …??" is frustrated).
 */

const REPEAT_CUES = [
  String.raw`\b(?:still|again|yet again|third time|second time|once more|every time|keeps?|for (?:days|weeks|hours))\b`,
  String.raw`(?<![\p{L}])(?:опять|снова|до сих пор|всё ещё|все еще|который раз|encore|toujours pas|de nouveau|todavía|otra vez|de nuevo|immer noch|schon wieder|wieder|ainda|de novo|novamente|hâlâ|hala|yine|tekrar|مازال|ما زال|مرة أخرى|अभी भी|फिर से)(?![\p{L}])`,
  'まだ', 'また', 'ยังไม่', 'อีกแล้ว',
];
const CONFUSION_CUES = [
  String.raw`\b(?:(?:i|we) (?:don'?t|do not|can'?t|cannot) (?:understand|figure out|find|see how)|how (?:do|can|should) (?:i|we)|confus(?:ed|ing)|what does .{1,30} mean|no idea how|makes no sense)\b`,
  String.raw`(?<![\p{L}])(?:не понима\p{L}*|не могу (?:понять|найти|разобраться)|как (?:мне|сделать)|je ne comprends pas|je comprends pas|comment (?:faire|je)|no entiendo|no sé cómo|cómo (?:hago|puedo)|verstehe (?:ich )?nicht|wie kann ich|não entendo|não sei como|como (?:faço|posso)|anlamadım|anlamıyorum|nasıl yap\p{L}*|لا أفهم|لا افهم|كيف يمكنني|समझ नहीं|कैसे करूं|कैसे करें)(?![\p{L}])`,
  '分からない', 'わからない', '分かりません', 'わかりません', 'どうすれば', 'ไม่เข้าใจ', 'ทำยังไง', '不明白', '不懂', '怎么办',
];
const REPEAT_CUE = new RegExp(REPEAT_CUES.join('|'), 'iu');
const CONFUSION_CUE = new RegExp(CONFUSION_CUES.join('|'), 'iu');
/** Cheaper pre-screens: they match wherever the cues do (keyword-alternation.ts). */
const REPEAT_SCREEN = looseUnion(REPEAT_CUES);
const CONFUSION_SCREEN = looseUnion(CONFUSION_CUES);
const REPEATED_MARKS = /[!！]{2,}|[?？؟]{2,}|[?？][!！]|[!！][?？]/u;
const DOUBLE_QUESTION = /[?？؟]{2,}/u;

export function customerState(text: string, sentiment: SentimentResult, intents: readonly IntentGuess[]): CustomerState {
  const has = (label: string) => intents.some((intent) => intent.label === label);
  const negative = sentiment.label === 'negative';
  const notPositive = sentiment.label !== 'positive';
  const marks = REPEATED_MARKS.test(text);
  const complaintLike = has('complaint') || has('crisis') || has('toxic');

  if (complaintLike && notPositive) {
    const repeated = repeatCue(text);
    const boost = (negative ? 0.1 : 0) + (repeated ? 0.1 : 0) + (marks ? 0.05 : 0);
    return { label: 'frustrated', confidence: round(Math.min(0.95, 0.65 + boost)) };
  }
  if (negative && (marks || repeatCue(text))) return { label: 'frustrated', confidence: 0.6 };
  if ((CONFUSION_SCREEN.test(text) && CONFUSION_CUE.test(text)) || (has('question') && DOUBLE_QUESTION.test(text))) {
    return { label: 'confused', confidence: has('question') ? 0.7 : 0.55 };
  }
  if (negative) return { label: 'frustrated', confidence: 0.5 };
  if (sentiment.label === 'positive' || has('praise')) {
    return { label: 'happy', confidence: round(Math.min(0.9, 0.55 + Math.max(0, sentiment.score) * 0.5)) };
  }
  return { label: 'neutral', confidence: 0.5 };
}

function repeatCue(text: string): boolean {
  return REPEAT_SCREEN.test(text) && REPEAT_CUE.test(text);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
