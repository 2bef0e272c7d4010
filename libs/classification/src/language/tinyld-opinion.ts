import { readFileSync } from 'node:fs';
import { compileFunction } from 'node:vm';
import { cleanString, detectAll, toISO2 } from 'tinyld';

/**
 * tinyld's `detectAll` (the second opinion on close calls, see hybrid-detector.ts), with the
 * same answers to the last bit, about 20× cheaper per call.
 *
 * Why: tinyld 1.3.4 scores every word by building, per character n-gram, a Set of the
 * gram's languages and, per word, a Set of all 62 languages, and NFD-normalises every gram;
 * that cost ~750 µs per close call on this VM — 14 % of `classifyText` for the 5 % of texts
 * that need it. Its profiles (`multiples`: n-gram → per-language counts, `uniques`: n-grams
 * only one language has) and its scoring are small, so the scoring is done here over the
 * library's own decoded profiles, with the same arithmetic in the same order, and a word's
 * scores are remembered (bounded, like lid.176's token cache: words repeat, texts need not).
 * ADR 0024 says why this reads the library's internals; `tinyld-opinion.spec.ts` compares it
 * with `detectAll` bit for bit. If the bundle does not have the expected shape (an upgrade),
 * `detectAll` itself is used, so answers never change, only the speed.
 */

export interface TinyldGuess {
  lang: string;
  accuracy: number;
}

/** The n-gram sizes tinyld's "normal" build trains and scores (TRAINING_UNIQUE_GRAMS). */
const GRAM_SIZES = [1, 2, 3, 4, 5] as const;
/** Languages reported per word, by score (tinyld's top 8). */
const TOP_PER_WORD = 8;
/** At most this many chunks (the longest) are read per text. */
const MAX_CHUNKS = 7;
/** tinyld rounds its per-word ratios to 4 decimals. */
const PRECISION = 1e4;
/** Bounds of the per-word score cache (a few MB at most). */
const MAX_CACHED_WORDS = 50_000;
const MAX_CACHED_WORD_LENGTH = 40;

/** tinyld's chunk separators (punctuation, brackets, quotes; its `detectAll` splits on these). */
const CHUNK_SEPARATORS = /([,，、。!¿?！？":;()「」{}„“«»”"“<>⋯《》*]|[.[\]\\])+/;
const WORD_SEPARATORS = /[ ]+/;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

interface Profiles {
  /** ISO 639-1 codes (tinyld's `toISO2`) in tinyld's language order */
  codes: string[];
  /** n-gram → the language (ISO 639-1) that alone uses it */
  uniques: Map<string, string>;
  /** a bit per hash of a unique n-gram (gramHash): clear = the window is not a unique n-gram */
  uniqueHashes: Uint8Array;
  /** n-gram (diacritics stripped) → language indices and their counts, parallel arrays */
  multiples: Map<string, { languages: Uint8Array; counts: Float64Array }>;
}

let profiles: Profiles | null | undefined;
const wordScores = new Map<string, readonly TinyldGuess[]>();

/** Same result as `detectAll(text)` from tinyld (default options). */
export function tinyldDetectAll(text: string): TinyldGuess[] {
  profiles ??= loadProfiles();
  if (!profiles) return detectAll(text);
  return scoreText(profiles, text);
}

/** Whether the fast path is in use (false: the bundle changed shape and `detectAll` runs). */
export function tinyldFastPathActive(): boolean {
  profiles ??= loadProfiles();
  return profiles !== null;
}

function scoreText(p: Profiles, text: string): TinyldGuess[] {
  // Non-empty cleaned chunks, longest first (a stable sort, as tinyld's), at most 7.
  const chunks = text
    .split(CHUNK_SEPARATORS)
    .map((chunk) => cleanString(chunk))
    .filter((chunk) => chunk.length > 0)
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_CHUNKS);
  // Insertion order matters: ties in the final sort keep it.
  const totals = new Map<string, number>();
  let length = 0;
  for (const chunk of chunks) {
    const unique = uniqueLanguage(p, chunk);
    if (unique) {
      totals.set(unique, (totals.get(unique) ?? 0) + 1 * chunk.length);
      length += chunk.length;
      continue;
    }
    for (const word of chunk.split(WORD_SEPARATORS)) {
      for (const guess of scoresOfWord(p, word)) totals.set(guess.lang, (totals.get(guess.lang) ?? 0) + guess.accuracy);
      length += word.length;
    }
  }
  const positive = [...totals].filter(([, total]) => total > 0);
  positive.sort((a, b) => b[1] - a[1]);
  return positive.map(([lang, total]) => ({ lang, accuracy: total / length }));
}

/**
 * The language of the first n-gram (by size, then position) that only one language has.
 * Almost every window is ruled out by a hash of its units (no slice, no Map look-up).
 */
function uniqueLanguage(p: Profiles, chunk: string): string | undefined {
  const mayStartAt = (padded: string, start: number, size: number) => {
    const bit = gramHash(padded, start, size);
    return (p.uniqueHashes[bit >> 3] & (1 << (bit & 7))) !== 0;
  };
  for (const size of GRAM_SIZES) {
    let found: string | undefined;
    forEachGram(chunk, size, (gram) => {
      found = p.uniques.get(gram);
      return found !== undefined;
    }, mayStartAt);
    if (found !== undefined) return found;
  }
  return undefined;
}

const HASH_BITS = 1 << 20;

/** FNV-1a over the UTF-16 units of text[start, start + size), to HASH_BITS. */
function gramHash(text: string, start: number, size: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < start + size; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) & (HASH_BITS - 1);
}

function scoresOfWord(p: Profiles, word: string): readonly TinyldGuess[] {
  const known = wordScores.get(word);
  if (known) return known;
  const scores = scoreWord(p, word);
  if (word.length <= MAX_CACHED_WORD_LENGTH) {
    if (wordScores.size >= MAX_CACHED_WORDS) wordScores.clear();
    wordScores.set(word, scores);
  }
  return scores;
}

/** tinyld's per-word score: n-gram counts × gram length / 4, the top 8 relative to the best. */
function scoreWord(p: Profiles, word: string): TinyldGuess[] {
  const scores = new Float64Array(p.codes.length);
  for (const size of GRAM_SIZES) {
    forEachGram(word, size, (gram) => {
      const normalised = ASCII_ONLY.test(gram) ? gram : gram.normalize('NFD').replace(COMBINING_DIACRITICS, '');
      const entry = p.multiples.get(normalised);
      if (!entry) return false;
      for (let k = 0; k < entry.languages.length; k++) {
        const i = entry.languages[k];
        scores[i] = scores[i] + (entry.counts[k] * normalised.length) / 4;
      }
      return false;
    });
  }
  // Stable order: by score, ties in tinyld's language order.
  const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
  const best = scores[order[0]] || 1;
  return order.slice(0, TOP_PER_WORD).map((i) => ({ lang: p.codes[i], accuracy: 1 - round((best - scores[i]) / best) }));
}

function round(value: number): number {
  return Math.round(value * PRECISION) / PRECISION;
}

/**
 * tinyld's n-grams of one size: windows of the text padded with size−1 spaces on both sides,
 * dropping windows with two spaces in a row or nothing but whitespace. Stops when `visit`
 * returns true.
 */
function forEachGram(
  text: string, size: number, visit: (gram: string) => boolean,
  /** a pre-screen: false = skip this window without building it */
  mayStartAt?: (padded: string, start: number, size: number) => boolean,
): void {
  const padding = ' '.repeat(size - 1);
  const padded = padding + text + padding;
  for (let start = 0; start < padded.length - (size - 1); start++) {
    if (mayStartAt && !mayStartAt(padded, start, size)) continue;
    const gram = padded.slice(start, start + size);
    if (gram.includes('  ') || gram.trim().length === 0) continue;
    if (visit(gram)) return;
  }
}

interface TinyldInternals {
  profiles: { uniques: Record<string, unknown>; multiples: Record<string, Record<string, unknown>> };
  /** a Set of ISO 639-3 codes, from the realm the bundle ran in (so no `instanceof` here) */
  languages: Iterable<unknown>;
}

/**
 * Re-evaluates tinyld's bundle to read its decoded profiles (not exported). Null, so that
 * `detectAll` is used, when anything is not as tinyld 1.3.4 has it.
 */
function loadProfiles(): Profiles | null {
  try {
    const file = require.resolve('tinyld');
    const source = readFileSync(file, 'utf8');
    const run = compileFunction(`${source}\n;return { profiles: r0, languages: g };`, ['exports', 'require', 'module']);
    const internals = run({}, require, { exports: {} }) as TinyldInternals;
    return toProfiles(internals);
  } catch {
    return null;
  }
}

function toProfiles(internals: TinyldInternals): Profiles | null {
  const { profiles: raw, languages } = internals;
  const iso3 = Array.from(languages);
  if (iso3.length === 0 || iso3.length > 255 || iso3.some((language) => typeof language !== 'string')) return null;
  const index = new Map(iso3.map((language, i) => [language as string, i]));
  const codes = iso3.map((language) => toISO2(language as string));
  if (codes.some((code) => typeof code !== 'string' || code.length === 0)) return null;
  const uniques = new Map<string, string>();
  const uniqueHashes = new Uint8Array(HASH_BITS / 8);
  for (const [gram, language] of Object.entries(raw.uniques)) {
    const i = typeof language === 'string' ? index.get(language) : undefined;
    if (i === undefined || gram.length === 0) return null;
    uniques.set(gram, codes[i]);
    const bit = gramHash(gram, 0, gram.length);
    uniqueHashes[bit >> 3] |= 1 << (bit & 7);
  }
  const multiples = new Map<string, { languages: Uint8Array; counts: Float64Array }>();
  for (const [gram, perLanguage] of Object.entries(raw.multiples)) {
    const entries = Object.entries(perLanguage);
    const entry = { languages: new Uint8Array(entries.length), counts: new Float64Array(entries.length) };
    for (let k = 0; k < entries.length; k++) {
      const [language, count] = entries[k];
      const i = index.get(language);
      if (i === undefined || typeof count !== 'number') return null;
      entry.languages[k] = i;
      entry.counts[k] = count;
    }
    multiples.set(gram, entry);
  }
  return { codes, uniques, uniqueHashes, multiples };
}
