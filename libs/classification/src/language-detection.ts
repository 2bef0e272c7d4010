import { detectAll } from 'tinyld';
import { countLetters, textForLanguageDetection } from './text-cleaning';

/**
 * Language identification with tinyld (pure-JS character n-gram model, 60+ languages,
 * model shipped inside the npm package, loads through CommonJS `require`).
 * See docs/classification.md for why tinyld rather than eld / cld / fastText.
 */

export interface LanguageResult {
  /** ISO 639-1 where one exists, else ISO 639-3 (e.g. 'ber'), or 'und'. */
  code: string;
  confidence: number;
}

export const UNDETERMINED: LanguageResult = { code: 'und', confidence: 0 };

/** Below this many letters even a correct guess is luck, so we say 'und'. */
const MIN_LETTERS = 3;
/** Guesses below this confidence are reported as 'und' (single words mostly land below it:
 * "grazie" → pl 0.37, "yes" → ber 0.35; every dev-set sentence scores above 0.47). */
const MIN_CONFIDENCE = 0.4;
/** tinyld scores of a clear short sentence sit around 0.05–0.2; below that it is guessing. */
const CLEAR_EVIDENCE = 0.05;
/** n-gram evidence saturates quickly; more text only costs time. */
const MAX_DETECTION_CHARS = 600;
/** Constructed/classical languages tinyld knows but customers do not write in; on short
 * slang ("lol") they win by accident, so they are skipped in favour of the next guess. */
const IGNORED_LANGUAGES = new Set(['tlh', 'vo', 'eo', 'la']);

export function detectLanguage(rawText: string): LanguageResult {
  const text = textForLanguageDetection(rawText).slice(0, MAX_DETECTION_CHARS);
  const letters = countLetters(text);
  if (letters < MIN_LETTERS) return UNDETERMINED;

  const [best, runnerUp] = detectAll(text).filter((guess) => !IGNORED_LANGUAGES.has(guess.lang));
  if (!best) return UNDETERMINED;

  const confidence = round(
    dominance(best.accuracy, runnerUp?.accuracy ?? 0) *
      Math.min(1, best.accuracy / CLEAR_EVIDENCE) *
      lengthFactor(letters),
  );
  return confidence < MIN_CONFIDENCE ? { code: 'und', confidence } : { code: best.lang, confidence };
}

/**
 * tinyld's `accuracy` is an unnormalised score, not a probability: a correct Portuguese
 * sentence can score 0.07, and a script-unique n-gram scores 1.0 in two characters. So the
 * confidence combines how far the winner leads the runner-up (0.5 = tie, 1 = alone),
 * whether the winner has real evidence at all, and how much text there was.
 */
function dominance(best: number, runnerUp: number): number {
  return best / (best + runnerUp);
}

/** A one-word guess must not look as sure as a full sentence. */
function lengthFactor(letters: number): number {
  return Math.min(1, 0.3 + letters / 40);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
