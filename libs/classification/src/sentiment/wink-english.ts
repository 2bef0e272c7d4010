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

type Table = Record<string, unknown>;

const winkDir = dirname(require.resolve('wink-sentiment'));
/* eslint-disable @typescript-eslint/no-require-imports */
const tokenize = (
  require(require.resolve('wink-tokenizer', { paths: [winkDir] })) as () => { tokenize(text: string): Token[] }
)().tokenize;
const afinn = require('wink-sentiment/src/afinn-en-165.js') as Table;
const emoticons = require('wink-sentiment/src/emoticons.js') as Table;
const negations = require('wink-sentiment/src/negations.js') as Table;
const affin2Grams = require('wink-sentiment/src/afinn-en-165-2grams.js') as Record<string, Table | undefined>;
/* eslint-enable @typescript-eslint/no-require-imports */

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
const chunkCache = new Map<string, readonly Token[]>();

/**
 * wink-tokenizer's tokens of `text`, as the concatenation of its chunks' tokens (each
 * tokenized once and remembered): the same sequence, because no token crosses a chunk.
 */
export function tokensOf(text: string): readonly Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(MAY_SPAN_WHITESPACE.test(text) ? PIECES : CHUNKS)) {
    const chunk = match[0];
    let chunkTokens = chunkCache.get(chunk);
    if (chunkTokens === undefined) {
      if (chunkCache.size >= MAX_CACHED_CHUNKS) chunkCache.clear();
      chunkTokens = tokenize(chunk).map((token) => ({ value: token.value, tag: token.tag }));
      chunkCache.set(chunk, chunkTokens);
    }
    for (const token of chunkTokens) tokens.push(token);
  }
  return tokens;
}

/** The tokens of `winkSentiment(text).tokenizedPhrase` (empty when wink finds none), with wink's scores. */
export function winkScoredTokens(text: string): WinkTokenView[] {
  const tokens = tokensOf(text);
  const result: WinkTokenView[] = new Array<WinkTokenView>(tokens.length);
  const kmax = tokens.length;
  let skipped = -1; // the second word of a 2-gram: wink does not look at it
  for (let k = 0; k < kmax; k += 1) {
    const tkn = tokens[k];
    const view: WinkTokenView = { value: tkn.value, tag: tkn.tag };
    result[k] = view;
    if (k === skipped) continue;
    let tss: unknown;
    switch (tkn.tag) {
      case 'emoticon':
        tss = emoticons[tkn.value];
        if (tss) view.score = tss as number;
        break;
      case 'hashtag':
        tss = afinn[tkn.value.slice(1).toLowerCase()];
        if (tss) view.score = tss as number;
        break;
      case 'word': {
        const t = tkn.value.toLowerCase();
        const grams = affin2Grams[t];
        if (k < kmax - 1 && grams && grams[tokens[k + 1].value.toLowerCase()] !== undefined) {
          tss = grams[tokens[k + 1].value.toLowerCase()];
          skipped = k + 1;
        } else {
          tss = afinn[t] || 0;
        }
        if ((k > 0 && negations[tokens[k - 1].value.toLowerCase()]) || (k > 1 && negations[tokens[k - 2].value.toLowerCase()])) {
          tss = -(tss as number);
          view.negation = true;
        }
        if (tss) view.score = tss as number;
        break;
      }
      default:
    }
  }
  return result;
}
