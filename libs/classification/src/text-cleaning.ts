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
  return text.replace(URL_PATTERN, ' ').replace(HANDLE_PATTERN, ' ');
}

/**
 * Text for keyword rules and lexicons: links and handles gone, but hashtag words kept
 * without the '#', because "#refund" or "#love" still say something.
 */
export function textForRules(text: string): string {
  return collapseSpaces(stripLinksAndHandles(text).replace(HASH_SIGN_PATTERN, ''));
}

/**
 * Text for language identification: links, handles, whole hashtags and emoji removed.
 * Hashtags are often English brand slogans inside non-English posts.
 */
export function textForLanguageDetection(text: string): string {
  return collapseSpaces(
    stripLinksAndHandles(text).replace(HASHTAG_PATTERN, ' ').replace(EMOJI_PATTERN, ' '),
  );
}

/** Text with emoji removed (word-level scorers must not see them twice). */
export function stripEmoji(text: string): string {
  return text.replace(EMOJI_PATTERN, ' ');
}

/** Counts letters (any script); too few letters means language cannot be told. */
export function countLetters(text: string): number {
  return text.match(LETTER_PATTERN)?.length ?? 0;
}
const LETTER_PATTERN = /\p{L}/gu;

function collapseSpaces(text: string): string {
  return text.replace(SPACES_PATTERN, ' ').trim();
}
