import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { afterCodePointAt, factorByFirstLetter } from '../keyword-alternation';
import { INSULTS } from './flag-keywords';

/**
 * Profanity and insults, applying ONLY the detected language's lists (all lists at once
 * flagged 14% of clean English reviews, because one language's swear word is another's
 * everyday word). English: obscenity 0.4.6 (leetspeak- and confusable-aware, whitelists
 * "Scunthorpe"-style false positives) plus our insult list. Other languages: our insult list
 * plus naughty-words 1.2.0 (CC-BY-4.0) for that language, minus the entries below that are
 * ordinary words in customer posts. `und` plain-ASCII text is treated as English.
 */

export interface ToxicityHits {
  /** Profanity or slurs (obscenity / naughty-words). */
  profanity: boolean;
  /** Insults aimed at people ("idiot", "дебил", "connard"). */
  insult: boolean;
}

const BOUNDARY_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const BOUNDARY_AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;
const UNSPACED = new Set(['ja', 'th', 'zh']);
const ASCII_ONLY = /^[\x00-\x7F]*$/;

/** naughty-words entries that are ordinary words (or too short to trust) in customer posts. */
const NAUGHTY_EXCLUDED = new Set([
  'gol', 'byk', 'aborto', 'amador', 'aranha', 'ariano', 'bissexual', 'bicha', 'drogas', 'asesinato', 'asno', 'concha', 'caca',
  'am', 'amı', 'mal', 'bimbo', 'bonze', 'fratze', 'gay', 'lesbian', 'sm', 'xx', '3p', 'いたずら', 'エスコート', 'กู', 'ขี้', 'กะปิ', 'ตูด', 'เจ๊ก',
  'bander', 'bordel', 'bourré', 'bourrée', 'baiser', 'cul',
]);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const naughtyWords = require('naughty-words') as Readonly<Record<string, string[] | undefined>>;

let englishMatcher: RegExpMatcher | undefined;
/**
 * Per language: the list pattern plus a cheaper pre-screen that matches wherever it does.
 * `screenAll` (the screen, global) and `patternHere` (the pattern, sticky) find the pattern's
 * matches from the screen's: see matchAll.
 */
interface ListPattern {
  pattern: RegExp;
  screen: RegExp;
  screenAll?: RegExp;
  patternHere?: RegExp;
}
const compiledLists = new Map<string, ListPattern | null>();

export function detectToxicity(text: string, languageCode: string): ToxicityHits {
  const code = languageCode === 'und' && ASCII_ONLY.test(text) ? 'en' : languageCode;
  const listHit = listHits(text, code);
  let profanity = listHit.profanity;
  if (code === 'en' && !profanity) profanity = englishHasMatch(text);
  return { profanity, insult: listHit.insult };
}

/**
 * Hits of the language's own lists (our insults, naughty-words). `full` runs the list pattern's
 * plain matchAll instead of starting from the screen's matches: the reference the spec compares with.
 */
export function listHits(text: string, code: string, scan: 'screened' | 'full' = 'screened'): ToxicityHits {
  const list = listFor(code);
  if (!list || !list.screen.test(text)) return { insult: false, profanity: false };
  return scan === 'full' ? matchAll({ pattern: list.pattern, screen: list.screen }, text) : matchAll(list, text);
}

/** The parts of obscenity's RegExpMatcher (0.4.6) used by the pre-screen below (not in its typings). */
interface MatcherInternals {
  blacklistedTerms: readonly { regExp: RegExp }[];
  blacklistMatcherTransformers: unknown;
  applyTransformers(input: string, transformers: unknown): [number[], string];
}

let anyBlacklisted: RegExp | null | undefined;

/**
 * Same answer as `english().hasMatch(text)`, cheaper: hasMatch first builds the whitelist
 * view, then runs every blacklisted pattern over the transformed text and reports a hit only
 * if it is not whitelisted. A hit needs at least one pattern to match the transformed text,
 * so one combined alternation of all the patterns screens out the (usual) clean text.
 */
function englishHasMatch(text: string): boolean {
  const matcher = english();
  if (anyBlacklisted === undefined) anyBlacklisted = combinedBlacklist(matcher as unknown as MatcherInternals);
  if (anyBlacklisted) {
    const internals = matcher as unknown as MatcherInternals;
    const [, transformed] = internals.applyTransformers(text, internals.blacklistMatcherTransformers);
    if (!anyBlacklisted.test(transformed)) return false;
  }
  return matcher.hasMatch(text);
}

/** One regex matching wherever a blacklisted pattern does, or null (no pre-screen) if the internals differ. */
function combinedBlacklist(internals: MatcherInternals): RegExp | null {
  const terms = internals.blacklistedTerms;
  if (!Array.isArray(terms) || typeof internals.applyTransformers !== 'function') return null;
  if (terms.some((term) => !(term.regExp instanceof RegExp) || term.regExp.flags !== 'gs')) return null;
  // Leading `\b`s dropped and grouped by first letter (keyword-alternation.ts): still a screen.
  return new RegExp(factorByFirstLetter(terms.map((term) => term.regExp.source.replace(/^\\b/, ''))), 's');
}

function english(): RegExpMatcher {
  englishMatcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return englishMatcher;
}

/**
 * One regex per language: group 1 = our insult list, group 2 = naughty-words. The screen is
 * every entry in one alternation grouped by first letter, without the left-boundary lookbehind:
 * it matches whenever the pattern does, so a miss there means no hits.
 */
function listFor(code: string): ListPattern | null {
  const cached = compiledLists.get(code);
  if (cached !== undefined) return cached;
  const insults = INSULTS[code] ?? [];
  const naughty = code === 'en' ? [] : (naughtyWords[code] ?? [])
    .map((word) => word.toLowerCase().trim())
    .filter((word) => word.length >= (UNSPACED.has(code) ? 2 : 3) && !NAUGHTY_EXCLUDED.has(word))
    .map(escapeRegExp);
  let list: ListPattern | null = null;
  if (insults.length + naughty.length > 0) {
    const alt = (items: readonly string[]) => (items.length > 0 ? `(${items.join('|')})` : '(?!)');
    const body = `${alt(insults)}|${alt(naughty)}`;
    const any = factorByFirstLetter([...insults, ...naughty]);
    list = UNSPACED.has(code)
      ? { pattern: new RegExp(body, 'giu'), screen: new RegExp(any, 'iu') }
      : {
        pattern: new RegExp(`${BOUNDARY_BEFORE}(?:${body})${BOUNDARY_AFTER}`, 'giu'),
        screen: new RegExp(`${any}${BOUNDARY_AFTER}`, 'iu'),
        screenAll: new RegExp(`${any}${BOUNDARY_AFTER}`, 'giu'),
        patternHere: new RegExp(`${BOUNDARY_BEFORE}(?:${body})${BOUNDARY_AFTER}`, 'iuy'),
      };
  }
  compiledLists.set(code, list);
  return list;
}

/**
 * What `text.matchAll(list.pattern)` finds, in the same order. With a lookbehind first, the
 * pattern is costly to run at every position; it can only match where the screen does, so the
 * screen finds the candidate positions and the pattern is tried (sticky) only there. From each
 * match's end the next leftmost match is searched, as matchAll does (no entry matches empty).
 */
function matchAll(list: ListPattern, text: string): ToxicityHits {
  const hits: ToxicityHits = { insult: false, profanity: false };
  const record = (match: RegExpExecArray | RegExpMatchArray): boolean => {
    if (match[1] !== undefined) hits.insult = true;
    else hits.profanity = true;
    return hits.insult && hits.profanity;
  };
  const { screenAll, patternHere } = list;
  if (!screenAll || !patternHere) {
    for (const match of text.matchAll(list.pattern)) if (record(match)) break;
    return hits;
  }
  screenAll.lastIndex = 0;
  for (let candidate = screenAll.exec(text); candidate !== null; candidate = screenAll.exec(text)) {
    patternHere.lastIndex = candidate.index;
    const match = patternHere.exec(text);
    if (match && record(match)) break;
    // After a match, on from its end; else past this start (a whole code point).
    screenAll.lastIndex = match ? match.index + match[0].length : afterCodePointAt(text, candidate.index);
  }
  return hits;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
