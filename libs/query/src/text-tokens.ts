/**
 * Multilingual text normalisation and tokenisation, shared by the query matcher
 * and (later) the indexer. Both sides MUST use these functions so that query
 * tokens and document tokens are comparable.
 *
 * Normalisation ({@link normalizeText}), in order:
 * 1. Unicode NFKC: composed/decomposed forms are equal (`cafe\u0301` = `café`),
 *    full-width/half-width forms fold (`Ｂａｔｔｅｒｙ` = `battery`, `ｶﾀｶﾅ` = `カタカナ`),
 *    ligatures split (`ﬁ` = `fi`), Arabic presentation forms fold to base letters.
 * 2. Locale-INDEPENDENT `toLowerCase()` (never `toLocaleLowerCase`: the result
 *    would depend on the server's / document's locale and the index would disagree
 *    with the query). Case-insensitive, but letters are otherwise kept exactly:
 *    diacritics are significant (`café` ≠ `cafe`, `ё` ≠ `е`, Arabic harakat kept),
 *    because stripping them merges distinct words in many languages.
 * 3. Small case-folding fixes that plain lowercasing gets wrong:
 *    - Turkish `İ` lowercases to `i` + U+0307 COMBINING DOT ABOVE; the dot is
 *      dropped so `İstanbul` = `istanbul` = `ISTANBUL`. Dotless `ı` stays a distinct
 *      letter (`ılık` ≠ `ilik`); consequently an all-caps Turkish `ILIK` (which
 *      lowercases to `ilik` without Turkish locale rules) does not match `ılık`.
 *    - Greek final sigma `ς` folds to `σ` (`ΟΔΟΣ` = `οδος` = `οδοσ`).
 * 4. Invisible / presentational characters are removed: soft hyphen (U+00AD),
 *    Arabic tatweel/kashida (U+0640), emoji variation selectors (U+FE0E/U+FE0F)
 *    and emoji skin-tone modifiers (U+1F3FB–1F3FF), so `❤` = `❤️` and `👍` = `👍🏽`.
 * The result is re-normalised to NFC.
 *
 * Tokenisation ({@link tokenizeText}): `Intl.Segmenter('und', { granularity: 'word' })`
 * over the normalised text, so scripts written without spaces (Thai, Japanese,
 * Chinese, …) are split by ICU's dictionaries. Kept segments:
 * - word-like segments, split further at apostrophes (`'`, `’`, `ʼ`) so that French /
 *   Italian elisions work (`l'été` → `l`, `été`) while `don't` → `don`, `t` still
 *   matches the query `don't` (its tokens appear consecutively);
 * - emoji (one token per emoji / ZWJ sequence / flag);
 * - hashtags and mentions: a `#` or `@` immediately followed by a word and NOT
 *   immediately preceded by one is glued to that word: `#Battery` → `#battery`,
 *   `@Acme_Support` → `@acme_support`, but `user@example.com` → `user`, `example.com`
 *   and `C#` → `c`. (With CJK hashtags only the first segment carries the `#`:
 *   `#東京タワー` → `#東京タワー`, `#電池の寿命` → `#電池`, `の`, `寿命`; the query
 *   side tokenises identically, so it still matches.)
 * Other punctuation and symbols are dropped.
 *
 * Caveat: dictionary segmentation of a short query term can in rare cases differ
 * from the segmentation of the same characters inside a longer text.
 */

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'word' });

const INVISIBLE = /[\u00AD\u0640\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/gu;
const APOSTROPHES = /['’ʼ]/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** NFKC + locale-independent lowercase + the fixes documented above. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/i\u0307/g, 'i')
    .replace(/ς/g, 'σ')
    .replace(INVISIBLE, '')
    .normalize('NFC');
}

/** True for `#tag` / `@handle` tokens produced by {@link tokenizeText}. */
export function isPrefixedToken(token: string): boolean {
  return token.length > 1 && (token[0] === '#' || token[0] === '@');
}

/** Normalises and splits text into search tokens (see the module comment). */
export function tokenizeText(text: string): string[] {
  const tokens: string[] = [];
  forEachToken(normalizeText(text), (token) => tokens.push(token));
  return tokens;
}

/** A token with where it stands in the ORIGINAL text: `[start, end)` in UTF-16 code units. */
export interface PositionedToken {
  readonly token: string;
  readonly start: number;
  readonly end: number;
}

const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * {@link tokenizeText} with each token's place in the original (un-normalised) text, for
 * highlighting. Normalisation changes lengths (NFKC, `İ` → `i`, removed invisibles), so the
 * text is normalised one grapheme cluster at a time and every normalised offset is mapped back
 * to the cluster it came from; a token covers whole clusters. The tokens are exactly those of
 * `tokenizeText(text)`; in the rare text where normalising cluster by cluster differs from
 * normalising the whole, offsets cannot be trusted and an empty list is returned (nothing is
 * highlighted rather than the wrong characters).
 */
export function tokenizeTextWithOffsets(text: string): PositionedToken[] {
  let normalized = '';
  const clusterStart: number[] = [];
  const clusterEnd: number[] = [];
  for (const { segment, index } of GRAPHEMES.segment(text)) {
    const piece = normalizeText(segment);
    for (let k = 0; k < piece.length; k++) {
      clusterStart.push(index);
      clusterEnd.push(index + segment.length);
    }
    normalized += piece;
  }
  if (normalized !== normalizeText(text)) return [];
  const tokens: PositionedToken[] = [];
  forEachToken(normalized, (token, start, end) => tokens.push({ token, start: clusterStart[start], end: clusterEnd[end - 1] }));
  return tokens;
}

const APOSTROPHE_PARTS = /[^'’ʼ]+/gu;

/** The tokenizer proper, over already normalised text: calls `emit` with each token and its `[start, end)` there. */
function forEachToken(normalized: string, emit: (token: string, start: number, end: number) => void): void {
  let pendingPrefix: number | undefined; // index of a '#' or '@' directly before the current segment
  let previousWasWord = false;
  for (const { segment, index, isWordLike } of SEGMENTER.segment(normalized)) {
    if (isWordLike) {
      if (!APOSTROPHES.test(segment)) {
        emit(pendingPrefix === undefined ? segment : normalized[pendingPrefix] + segment, pendingPrefix ?? index, index + segment.length);
      } else {
        let first = true;
        for (const part of segment.matchAll(APOSTROPHE_PARTS)) {
          const start = index + part.index;
          const glued = first && pendingPrefix !== undefined;
          emit(glued ? normalized[pendingPrefix!] + part[0] : part[0], glued ? pendingPrefix! : start, start + part[0].length);
          first = false;
        }
      }
      pendingPrefix = undefined;
      previousWasWord = true;
      continue;
    }
    if (segment === '#' || segment === '@') {
      // Glue only when not directly after a word (`C#`, `user@host`); in `##tag` the last `#` wins.
      pendingPrefix = previousWasWord ? undefined : index;
    } else {
      pendingPrefix = undefined;
      if (EMOJI.test(segment)) emit(segment, index, index + segment.length);
    }
    previousWasWord = false;
  }
}

/**
 * Whether a query token matches a document token. Equal tokens match; in
 * addition a query token WITHOUT a `#`/`@` prefix matches the same word used as a
 * hashtag or mention (`battery` matches `#battery` and `@battery`), whereas a
 * query token WITH the prefix only matches that exact hashtag/mention
 * (`#battery` does not match plain `battery`, nor `@battery`).
 */
export function tokenMatches(queryToken: string, documentToken: string): boolean {
  if (queryToken === documentToken) return true;
  return (
    documentToken.length === queryToken.length + 1 &&
    isPrefixedToken(documentToken) &&
    !isPrefixedToken(queryToken) &&
    documentToken.endsWith(queryToken)
  );
}

/**
 * Whether `needle` occurs as a consecutive run in `haystack` (per {@link tokenMatches}).
 * An empty needle never matches (callers decide what an empty query term means).
 */
export function containsTokenSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  const m = needle.length;
  if (m === 0) return false;
  const last = haystack.length - m;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < m; j++) {
      if (!tokenMatches(needle[j], haystack[i + j])) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * Wildcards reach only document tokens of at most this many UTF-8 bytes. The Elasticsearch
 * index stores longer tokens as a hash (its standard tokenizer splits words over 255
 * characters), where no prefix can be seen; the embedded matcher applies the same limit so
 * both indexes answer alike. Equality (terms, phrases) is unaffected.
 */
export const MAX_WILDCARD_TOKEN_BYTES = 125;

const UTF8 = new TextEncoder();

/**
 * Whether a document token matches a wildcard `prefix` (already {@link normalizeText}-ed), with
 * the hashtag rules of {@link tokenMatches}: a prefix without `#`/`@` is compared with the token
 * stripped of its `#`/`@` (`batt` matches `battery` and `#battery`); a prefix with one only with
 * tokens carrying the same prefix character (`#batt` matches `#battery`, not `battery`).
 */
export function tokenMatchesPrefix(prefix: string, documentToken: string): boolean {
  const candidate = !isPrefixedToken(prefix) && isPrefixedToken(documentToken) ? documentToken.slice(1) : documentToken;
  return candidate.startsWith(prefix) && UTF8.encode(candidate).length <= MAX_WILDCARD_TOKEN_BYTES;
}
