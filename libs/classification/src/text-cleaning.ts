/**
 * Text normalisation shared by the classifiers. Social posts carry a lot of non-language
 * noise (links, handles, hashtags, emoji) that confuses n-gram language detection and
 * keyword rules, so each consumer gets the view of the text it needs.
 */

/** Longer inputs are cut: the first few thousand characters decide a mention's tone. */
export const MAX_ANALYSED_CHARS = 4000;

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/giu;
// A handle starts at a word boundary, so e-mail addresses (a@b.com) stay untouched.
const HANDLE_PATTERN = /(?<![\p{L}\p{M}\p{N}_])@[\p{L}\p{M}\p{N}_.]+/gu;
const HASHTAG_PATTERN = /(?<![\p{L}\p{M}\p{N}_])#[\p{L}\p{M}\p{N}_]+/gu;
const HASH_SIGN_PATTERN = /(?<![\p{L}\p{M}\p{N}_])#(?=[\p{L}\p{M}\p{N}_])/gu;
// Pictographs plus the joiners, skin-tone modifiers, keycaps and flags that build emoji sequences.
const EMOJI_PATTERN =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{200D}\u{20E3}\u{1F1E6}-\u{1F1FF}]/gu;
const SPACES_PATTERN = /\s+/gu;

/** Cuts oversized input so one 100 kB post cannot stall the pipeline. */
export function truncateForAnalysis(text: string): string {
  return text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
}

/** Removes URLs and @handles: they are never part of what the author says about us. */
export function stripLinksAndHandles(text: string): string {
  // textForRules and textForLanguageDetection strip the same input: remember the last one.
  if (text === lastStripped.input) return lastStripped.output;
  // Cheap pre-checks: a URL needs "://" or "www." (any case), a handle needs an "@".
  let output = text;
  if (MAYBE_URL.test(output)) output = output.replace(URL_PATTERN, ' ');
  if (output.includes('@')) output = output.replace(HANDLE_PATTERN, ' ');
  lastStripped.input = text;
  lastStripped.output = output;
  return output;
}
const MAYBE_URL = /:\/\/|www\./i;
const lastStripped = { input: '', output: '' };

/**
 * Text for keyword rules and lexicons: links and handles gone, but hashtag words kept
 * without the '#', because "#refund" or "#love" still say something.
 */
export function textForRules(text: string): string {
  const stripped = stripLinksAndHandles(text);
  return collapseSpaces(stripped.includes('#') ? stripped.replace(HASH_SIGN_PATTERN, '') : stripped);
}

/**
 * Text for language identification: links, handles, whole hashtags and emoji removed.
 * Hashtags are often English brand slogans inside non-English posts.
 */
export function textForLanguageDetection(text: string): string {
  let result = stripLinksAndHandles(text);
  if (result.includes('#')) result = result.replace(HASHTAG_PATTERN, ' ');
  // Every emoji code point is outside ASCII.
  if (!ASCII_ONLY.test(result)) result = result.replace(EMOJI_PATTERN, ' ');
  return collapseSpaces(result);
}

/** Text with emoji removed (word-level scorers must not see them twice). */
export function stripEmoji(text: string): string {
  return ASCII_ONLY.test(text) ? text : text.replace(EMOJI_PATTERN, ' ');
}

/** Counts letters (any script); too few letters means language cannot be told. */
export function countLetters(text: string): number {
  return text.match(LETTER_PATTERN)?.length ?? 0;
}
const LETTER_PATTERN = /\p{L}/gu;

function collapseSpaces(text: string): string {
  // Most texts have only single ' ' separators: then only the ends need trimming.
  return NEEDS_COLLAPSE.test(text) ? text.replace(SPACES_PATTERN, ' ').trim() : text.trim();
}
/** Whitespace other than ' ', or two spaces in a row: what SPACES_PATTERN would change. */
const NEEDS_COLLAPSE = /[^\S ]| {2}/;
const ASCII_ONLY = /^[\x00-\x7F]*$/;
