import type { SentimentLabel } from '@cxm/contracts';
import { WORD_CHARACTERS, codePointAt } from './code-points';
import { scoreEmoji, type ValenceTally } from './emoji-valence';
import { looseUnion } from './keyword-alternation';
import { SENTIMENT_LEXICONS, type NegationScope, type SentimentLexicon } from './sentiment-lexicons';
import { stripEmoji } from './text-cleaning';
import { ENGLISH_PHRASES, ENGLISH_SUPPLEMENT } from './sentiment/english-supplement';
import { extendedLexicon } from './sentiment/extended-lexicons';
import { winkScoredTokens } from './sentiment/wink-english';

/**
 * Lexicon sentiment: English through wink-sentiment (AFINN-165 + 2-grams + emoticons +
 * negation, 81.5% on the UCI review sentences per our notes), other languages through the
 * small hand-built lexicons, and emoji valence everywhere. Per-item valences (-3..+3, like
 * AFINN) are averaged and divided by 5, so one clear word like "great" gives ±0.6.
 */

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 … +1 */
  score: number;
}

/** |score| below this is neutral: a lone mild word ("works", "fast") is not an opinion. */
const NEUTRAL_BAND = 0.1;
/** wink-sentiment's damping: long texts with one strong word are less strongly toned. */
const AVERAGE_TEXT_TOKENS = 15;
/** Negated negatives are only mildly positive: "not bad" is not "good". */
const NEGATED_NEGATIVE_WEIGHT = 0.5;
/** Where a clause ends: the characters of /[.,!?;:，。！？、؟？\n]/ (none is a letter, mark or digit). */
const CLAUSE_ENDS = new Set([...'.,!?;:，。！？、؟？\n'].map((char) => char.charCodeAt(0)));
const ASCII_ONLY = /^[\x00-\x7F]*$/;

interface WordTally extends ValenceTally {
  tokens: number;
}

/** Whether we have a word-level sentiment model for this language (emoji count everywhere). */
export function hasSentimentModel(languageCode: string): boolean {
  return languageCode === 'en' || languageCode === 'und' || SENTIMENT_LEXICONS[languageCode] !== undefined;
}

/**
 * Languages without a lexicon get `unsupported` (score 0) rather than a guess, unless the
 * text carries emoji with valence: emoji mean the same in every language, so a Swahili post
 * with "😡😡" is negative. `und` (language not determined) keeps the old behaviour: plain
 * ASCII is scored as English, anything else on emoji only, and no evidence is `neutral`.
 */
export function scoreSentiment(text: string, languageCode: string): SentimentResult {
  const emoji = scoreEmoji(text);
  const supported = hasSentimentModel(languageCode);
  const words = supported ? scoreWords(stripEmoji(text), languageCode) : { sum: 0, hits: 0, tokens: 0 };
  const hits = emoji.hits + words.hits;
  if (hits === 0) return supported ? { label: 'neutral', score: 0 } : { label: 'unsupported', score: 0 };

  const damping = Math.sqrt(Math.max(1, (words.tokens + emoji.hits) / AVERAGE_TEXT_TOKENS));
  const score = clamp((emoji.sum + words.sum) / hits / 5 / damping);
  return { label: labelFor(score), score: Math.round(score * 1000) / 1000 };
}

function scoreWords(text: string, languageCode: string): WordTally {
  const lexicon = SENTIMENT_LEXICONS[languageCode];
  if (lexicon) return scoreWithLexicon(text, lexicon, compiled(languageCode, lexicon));
  // AFINN on German or Dutch would misfire ("die", "hell"), so English words are scored
  // only for English, or for undetermined text that is plain ASCII ("lol ok", "thx").
  if (languageCode === 'en' || (languageCode === 'und' && ASCII_ONLY.test(text))) {
    return scoreEnglish(text);
  }
  return { sum: 0, hits: 0, tokens: 0 };
}

/** Matches wherever any of ENGLISH_PHRASES does (a loose union): most texts have none, and
 * then one cheap scan replaces eight. */
const ANY_ENGLISH_PHRASE = looseUnion(ENGLISH_PHRASES.map(([pattern]) => pattern.source));

/** A Map, not the object: an object lookup also finds Object.prototype's "constructor". */
const SUPPLEMENT: ReadonlyMap<string, number> = new Map(Object.entries(ENGLISH_SUPPLEMENT));

function scoreEnglish(text: string): WordTally {
  const tally: WordTally = { sum: 0, hits: 0, tokens: 0 };
  // Phrases first, and cut out of the text, so their words are not scored again by wink
  // ("stopped working": wink alone scores "working" +3).
  let rest = text;
  if (ANY_ENGLISH_PHRASE.test(text)) for (const [pattern, valence] of ENGLISH_PHRASES) {
    rest = rest.replace(pattern, () => {
      tally.sum += valence;
      tally.hits += 1;
      tally.tokens += 2;
      return ' , ';
    });
  }
  for (const token of winkScoredTokens(rest)) {
    if (token.tag !== 'word' && token.tag !== 'emoticon' && token.tag !== 'hashtag') continue;
    tally.tokens += 1;
    if (token.score) {
      tally.sum += token.score;
      tally.hits += 1;
      continue;
    }
    const extra = token.tag === 'word' ? SUPPLEMENT.get(token.value.toLowerCase()) : undefined;
    if (extra !== undefined) {
      tally.sum += token.negation ? negate(extra) : extra;
      tally.hits += 1;
    }
  }
  return tally;
}

// ---- hand-built lexicons --------------------------------------------------------------

interface CompiledLexicon {
  exact: Map<string, number>;
  /** Machine-translated fallback entries (sentiment/extended-lexicons.ts), exact words only. */
  extended: ReadonlyMap<string, number>;
  stems: Map<string, number>;
  maxStemLength: number;
  /** Memo of tokenValence (the look-ups are pure); null = no valence. */
  valences: Map<string, number | null>;
  /** The distinct stem lengths, longest first (only these prefixes can be stems). */
  stemLengths: number[];
  negatorWords: Set<string>;
  negatorStems: string[];
  /** For unsegmented scripts: all entries, longest first, as one alternation. */
  substrings?: RegExp;
  /** Spelling normalisation applied to tokens and keys alike. */
  normalise: (token: string) => string;
  /** A second form to try when the token itself is not in the lexicon (Arabic clitics). */
  alternative?: (token: string) => string;
}

const compiledCache = new Map<string, CompiledLexicon>();

function compiled(code: string, lexicon: SentimentLexicon): CompiledLexicon {
  let entry = compiledCache.get(code);
  if (!entry) {
    const normalise = code === 'ar' ? normaliseArabic : identity;
    entry = compileLexicon(lexicon, normalise, code === 'ar' ? stripArabicClitics : undefined);
    entry.extended = extendedLexicon(code, normalise);
    compiledCache.set(code, entry);
  }
  return entry;
}

function compileLexicon(
  lexicon: SentimentLexicon,
  normalise: (token: string) => string,
  alternative?: (token: string) => string,
): CompiledLexicon {
  const result: CompiledLexicon = {
    exact: new Map(), extended: new Map(), stems: new Map(), maxStemLength: 0, stemLengths: [], valences: new Map(), negatorWords: new Set(), negatorStems: [],
    normalise, alternative,
  };
  for (const [key, valence] of Object.entries(lexicon.words)) {
    if (key.endsWith('*')) {
      const stem = normalise(key.slice(0, -1));
      result.stems.set(stem, valence);
      result.maxStemLength = Math.max(result.maxStemLength, stem.length);
    } else {
      result.exact.set(normalise(key), valence);
    }
  }
  result.stemLengths = [...new Set([...result.stems.keys()].map((stem) => stem.length))].sort((a, b) => b - a);
  for (const negator of lexicon.negators) {
    if (negator.endsWith('*')) result.negatorStems.push(normalise(negator.slice(0, -1)));
    else result.negatorWords.add(normalise(negator));
  }
  if (lexicon.segmentation === 'characters') {
    const keys = [...result.exact.keys()].sort((a, b) => b.length - a.length);
    result.substrings = new RegExp(keys.map(escapeRegExp).join('|'), 'gu');
  }
  return result;
}

function scoreWithLexicon(text: string, lexicon: SentimentLexicon, c: CompiledLexicon): WordTally {
  return c.substrings ? scoreSubstrings(text, c, c.substrings) : scoreTokens(text, lexicon, c);
}

/** Spaced languages: clause by clause, so a negator never reaches across a comma. */
function scoreTokens(text: string, lexicon: SentimentLexicon, c: CompiledLexicon): WordTally {
  const tally: WordTally = { sum: 0, hits: 0, tokens: 0 };
  for (const found of clauseTokens(text.toLowerCase())) {
    const tokens = c.normalise === identity ? found : found.map(c.normalise);
    tally.tokens += tokens.length;
    for (let i = 0; i < tokens.length; i++) {
      const valence = tokenValence(tokens[i], c);
      if (!valence) continue;
      const negated = isNegatedAt(tokens, i, lexicon.negation, c);
      tally.sum += negated ? negate(valence) : valence;
      tally.hits += 1;
    }
  }
  return tally;
}

/**
 * The tokens (runs of letters, marks and digits) of each clause that has any: the same as
 * `text.split(/[.,!?;:，。！？、؟？\n]+/u).map((c) => c.match(/[\p{L}\p{M}\p{N}]+/gu))` without
 * the empty clauses, in one pass and without V8's slow regex split.
 */
export function clauseTokens(text: string): string[][] {
  const clauses: string[][] = [];
  let tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; ) {
    const cp = i < text.length ? codePointAt(text, i) : 0x0a;
    if (WORD_CHARACTERS.has(cp)) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) tokens.push(text.slice(start, i));
      start = -1;
      if (CLAUSE_ENDS.has(cp) && tokens.length > 0) {
        clauses.push(tokens);
        tokens = [];
      }
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return clauses;
}

const MAX_CACHED_TOKENS = 50_000;

/** The token's lexicon valence (or its alternative form's), remembered per lexicon. */
function tokenValence(token: string, c: CompiledLexicon): number | undefined {
  // One look-up, not has() then get(): the memo keeps "no valence" as null.
  const known = c.valences.get(token);
  if (known !== undefined) return known ?? undefined;
  const valence = lookUp(token, c) ?? (c.alternative ? lookUp(c.alternative(token), c) : undefined);
  if (c.valences.size >= MAX_CACHED_TOKENS) c.valences.clear();
  c.valences.set(token, valence ?? null);
  return valence;
}

/** Unspaced scripts: longest lexicon entry wins; a negator directly before flips it. */
function scoreSubstrings(text: string, c: CompiledLexicon, pattern: RegExp): WordTally {
  const tally: WordTally = { sum: 0, hits: 0, tokens: 0 };
  tally.tokens = Math.ceil(text.replace(/\s+/gu, '').length / 2); // ~2 characters a word
  for (const match of text.matchAll(pattern)) {
    const valence = c.exact.get(match[0]);
    if (!valence) continue;
    const before = text.slice(Math.max(0, match.index - 3), match.index).trimEnd();
    const negated = [...c.negatorWords].some((n) => before.endsWith(n));
    tally.sum += negated ? negate(valence) : valence;
    tally.hits += 1;
  }
  return tally;
}

function lookUp(token: string, c: CompiledLexicon): number | undefined {
  const exact = c.exact.get(token);
  if (exact !== undefined) return exact;
  for (const length of c.stemLengths) {
    if (length > token.length || length < 1) continue;
    const stemValence = c.stems.get(token.slice(0, length));
    if (stemValence !== undefined) return stemValence;
  }
  return c.extended.get(token);
}

function isNegatedAt(tokens: string[], i: number, scope: NegationScope, c: CompiledLexicon): boolean {
  for (let d = 1; d <= scope.before && i - d >= 0; d++) {
    if (isNegator(tokens[i - d], c)) return true;
  }
  for (let d = 1; d <= scope.after && i + d < tokens.length; d++) {
    if (isNegator(tokens[i + d], c)) return true;
  }
  return false;
}

function isNegator(token: string, c: CompiledLexicon): boolean {
  return c.negatorWords.has(token) || c.negatorStems.some((stem) => token.startsWith(stem));
}

function negate(valence: number): number {
  return valence > 0 ? -valence : -valence * NEGATED_NEGATIVE_WEIGHT;
}

// ---- Arabic ----------------------------------------------------------------------------

/** Strips diacritics and tatweel, unifies alef and ta-marbuta spellings. */
export function normaliseArabic(token: string): string {
  // Most tokens have none of the characters below: then the four replaces change nothing.
  if (!hasArabicVariant(token)) return token;
  return token
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, '')
    .replace(/[أإآ]/gu, 'ا')
    .replace(/ة/gu, 'ه')
    .replace(/ى/gu, 'ي');
}

/** Whether the token has a character normaliseArabic rewrites (all in the BMP, so per UTF-16 unit). */
function hasArabicVariant(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || c === 0x0623 || c === 0x0625 || c === 0x0622 || c === 0x0629 || c === 0x0649) {
      return true;
    }
  }
  return false;
}

/** "والخدمة" → "خدمه": conjunction and article are written attached to the word. */
function stripArabicClitics(token: string): string {
  let stem = token;
  if (stem.length > 3 && (stem.startsWith('و') || stem.startsWith('ف'))) stem = stem.slice(1);
  if (stem.length > 3 && stem.startsWith('ال')) stem = stem.slice(2);
  return stem;
}

// ---- helpers ---------------------------------------------------------------------------

function labelFor(score: number): SentimentLabel {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

function clamp(value: number): number {
  return Math.max(-1, Math.min(1, value));
}

function identity(value: string): string {
  return value;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
