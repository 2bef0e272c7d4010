import { dirname } from 'node:path';

/**
 * wink-sentiment@5.0.2's word scoring, with its tokenizer (wink-tokenizer) run per
 * whitespace-separated chunk and cached, instead of over the whole text on every call.
 * Gives exactly the tokens and per-token scores `winkSentiment(text).tokenizedPhrase`
 * would:
 * - wink-tokenizer's regexes (URL, e-mail, mention, hashtag, emoji, emoticon, ordinal,
 *   number, currency, word, punctuation, symbol; quoted phrases are off by default) never
 *   match whitespace and have no anchors or lookarounds, so on the whole text every match lies
 *   inside one chunk and is found exactly as in that chunk alone, and what is left between
 *   matches is trimmed and split on whitespace: the token sequence of the text is the
 *   concatenation of its chunks' token sequences. The one exception is the time regex
 *   ("10 am": a digit, an optional space, am/pm/hours/hrs): where a time may cross a
 *   whitespace character, the chunks on both sides are tokenized together (see PIECES).
 * - The scoring loop below is wink-sentiment's (AFINN-165, its 2-grams, emoticons, hashtags,
 *   negation up to two tokens back), with the same table look-ups, without mutating tokens.
 */

export interface WinkTokenView {
  value: string;
  tag: string;
  /** wink's `score` (set only when non-zero). */
  score?: number;
  /** wink's `negation` flag. */
  negation?: boolean;
}

export interface Token {
  value: string;
  tag: string;
}

/** A cached token with its lower-cased value (wink lower-cases a token up to four times). */
interface LexedToken extends Token {
  lower: string;
}

const winkDir = dirname(require.resolve('wink-sentiment'));
/* eslint-disable @typescript-eslint/no-require-imports */
const tokenize = (
  require(require.resolve('wink-tokenizer', { paths: [winkDir] })) as () => { tokenize(text: string): Token[] }
)().tokenize;
const winkTable = (file: string): unknown => require(`wink-sentiment/src/${file}`);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * wink-sentiment's tables, read once into Maps. Why not its objects, as wink does: a plain
 * object answers for Object.prototype's keys too, so wink scored the word "constructor" as a
 * function (a NaN sentiment score) and read it as a negator; and the files are wink's
 * internals, so their shape is checked here, and an upgrade that changes it fails at load.
 */
export const WINK_TABLES = {
  /** AFINN-165: word → valence −5…+5 */
  afinn: numberMap(winkTable('afinn-en-165.js'), 'afinn-en-165'),
  /** wink's 2-grams over AFINN: first word → second word → valence of the pair */
  bigrams: new Map(
    Object.entries(plainObject(winkTable('afinn-en-165-2grams.js'), 'afinn-en-165-2grams')).map(
      // a pair may score 0 ("kind of"): it still stops its words being scored alone
      ([first, seconds]) => [first, numberMap(seconds, `afinn-en-165-2grams.${first}`)] as const,
    ),
  ),
  emoticons: numberMap(winkTable('emoticons.js'), 'emoticons'),
  /** words that negate the next two tokens' valence */
  negations: new Set(
    Object.entries(plainObject(winkTable('negations.js'), 'negations')).filter(([, on]) => on === true).map(([word]) => word),
  ),
};

function plainObject(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`wink-sentiment's ${name} table is not an object any more: check wink-english.ts against the new version`);
  }
  return value as Record<string, unknown>;
}

function numberMap(value: unknown, name: string): ReadonlyMap<string, number> {
  const entries = Object.entries(plainObject(value, name));
  if (entries.length === 0 || entries.some(([, v]) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new Error(`wink-sentiment's ${name} table no longer maps strings to numbers as expected: check wink-english.ts`);
  }
  return new Map(entries as [string, number][]);
}

const CHUNKS = /\S+/g;
/**
 * The only wink-tokenizer token that can span whitespace is a time,
 * /(?:\d|[01]\d|2[0-3]):?(?:[0-5][0-9])?\s?(?:[ap]\.?m\.?|hours|hrs)/i ("10 am", "5: pm",
 * "2 hrs"): the whitespace is one character between a digit (or a digit and ':') and
 * am/pm/hours/hrs. Where that can happen, those whitespace characters do not separate
 * chunks (PIECES): a chunk then holds every time token that crosses it, whole.
 */
const MAY_SPAN_WHITESPACE = /\d:?\s(?:[ap]\.?m|hours|hrs)/i;
const PIECES = /(?:\S|(?<=\d:?)\s(?=[ap]\.?m|hours|hrs))+/gi;
const MAX_CACHED_CHUNKS = 50_000;
const chunkCache = new Map<string, readonly LexedToken[]>();

/**
 * wink-tokenizer's tokens of `text`, as the concatenation of its chunks' tokens (each
 * tokenized once and remembered): the same sequence, because no token crosses a chunk.
 */
export function tokensOf(text: string): readonly LexedToken[] {
  const tokens: LexedToken[] = [];
  for (const match of text.matchAll(MAY_SPAN_WHITESPACE.test(text) ? PIECES : CHUNKS)) {
    const chunk = match[0];
    let chunkTokens = chunkCache.get(chunk);
    if (chunkTokens === undefined) {
      if (chunkCache.size >= MAX_CACHED_CHUNKS) chunkCache.clear();
      chunkTokens = tokenize(chunk).map((token) => ({ value: token.value, tag: token.tag, lower: token.value.toLowerCase() }));
      chunkCache.set(chunk, chunkTokens);
    }
    for (const token of chunkTokens) tokens.push(token);
  }
  return tokens;
}

/** The tokens of `winkSentiment(text).tokenizedPhrase` (empty when wink finds none), with wink's scores. */
export function winkScoredTokens(text: string): WinkTokenView[] {
  const { afinn, bigrams, emoticons, negations } = WINK_TABLES;
  const tokens = tokensOf(text);
  const result: WinkTokenView[] = new Array<WinkTokenView>(tokens.length);
  const kmax = tokens.length;
  let skipped = -1; // the second word of a 2-gram: wink does not look at it
  for (let k = 0; k < kmax; k += 1) {
    const tkn = tokens[k];
    const view: WinkTokenView = { value: tkn.value, tag: tkn.tag };
    result[k] = view;
    if (k === skipped) continue;
    let tss: number | undefined;
    switch (tkn.tag) {
      case 'emoticon':
        tss = emoticons.get(tkn.value);
        break;
      case 'hashtag':
        tss = afinn.get(tkn.lower.slice(1));
        break;
      case 'word': {
        const pair = k < kmax - 1 ? bigrams.get(tkn.lower)?.get(tokens[k + 1].lower) : undefined;
        if (pair !== undefined) {
          tss = pair;
          skipped = k + 1;
        } else {
          tss = afinn.get(tkn.lower) ?? 0;
        }
        if ((k > 0 && negations.has(tokens[k - 1].lower)) || (k > 1 && negations.has(tokens[k - 2].lower))) {
          tss = -tss;
          view.negation = true;
        }
        break;
      }
      default:
    }
    if (tss) view.score = tss;
  }
  return result;
}
