import { QuerySyntaxError } from './query-syntax-error';

/**
 * Lexical tokens of the query language. Positions are 0-based offsets into the
 * raw input (the input is NOT normalised before lexing, so positions stay exact).
 *
 * Lexical rules:
 * - whitespace (any Unicode `\s`, including the ideographic space U+3000) separates tokens;
 * - `(` `)` are always tokens; `"` starts a phrase (`\"` and `\\` are its only escapes,
 *   any other backslash is literal);
 * - a bare word runs until whitespace, `(`, `)` or `"`;
 * - `AND`, `OR`, `NOT` (uppercase, whole word) are operators; any other casing is a word;
 * - `-` directly followed by something other than whitespace / `)` / end is the NOT prefix;
 *   a lone `-` is an ordinary word;
 * - `name:value` / `name:"value"` where `name` is an identifier (letter or `_`, then
 *   letters, digits, `_`, `.`, `-`) is a field filter (the parser validates the name);
 * - a bare word (or unquoted field value) ending in `*` is a trailing wildcard; `*`
 *   anywhere else outside phrases is an error;
 * - `NEAR` and `NEAR/n` (uppercase, n a positive integer) are the proximity operator;
 * - `name:>v`, `name:>=v`, `name:<v`, `name:<=v` are comparisons and
 *   `name:[lower TO upper]` a range (bounds may be `*`; whitespace inside allowed);
 *   `[` / `]` anywhere else outside phrases are errors.
 */
export type QueryToken =
  | { readonly type: 'word'; readonly value: string; readonly position: number; readonly wildcard?: boolean }
  | { readonly type: 'phrase'; readonly value: string; readonly position: number }
  | {
      readonly type: 'field';
      readonly field: string;
      readonly value: string;
      readonly quoted: boolean;
      readonly position: number;
      readonly valuePosition: number;
      readonly wildcard?: boolean;
    }
  | {
      readonly type: 'compare';
      readonly field: string;
      readonly op: '>' | '>=' | '<' | '<=';
      readonly value: string;
      readonly position: number;
      readonly valuePosition: number;
    }
  | {
      readonly type: 'range';
      readonly field: string;
      readonly lower: RangeBoundToken;
      readonly upper: RangeBoundToken;
      readonly position: number;
    }
  | { readonly type: 'near'; readonly distance: number | undefined; readonly position: number }
  | { readonly type: 'and' | 'or' | 'not' | 'minus' | 'lparen' | 'rparen' | 'eof'; readonly position: number };

/** A bound inside `[… TO …]` as typed (`*` = open), with its position. */
export interface RangeBoundToken {
  readonly value: string;
  readonly position: number;
}

export type QueryTokenType = QueryToken['type'];

const WHITESPACE = /\s/u;
const FIELD_NAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;
const NEAR = /^NEAR(\/|$)/;
const RANGE_START = /^([\p{L}_][\p{L}\p{N}_.-]*):\[/u;
/** Largest `n` accepted in `NEAR/n`. */
const MAX_NEAR_DISTANCE = 1000;

function isDelimiter(ch: string | undefined): boolean {
  return ch === undefined || ch === '(' || ch === ')' || ch === '"' || WHITESPACE.test(ch);
}

export function tokenizeQuery(input: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  const n = input.length;
  let i = 0;

  /** Reads a quoted string whose opening quote is at `start`; returns [value, index after closing quote]. */
  const readQuoted = (start: number): [string, number] => {
    let value = '';
    let j = start + 1;
    while (j < n) {
      const ch = input[j];
      if (ch === '\\' && (input[j + 1] === '"' || input[j + 1] === '\\')) {
        value += input[j + 1];
        j += 2;
      } else if (ch === '"') {
        return [value, j + 1];
      } else {
        value += ch;
        j++;
      }
    }
    throw new QuerySyntaxError(n, 'a closing \'"\'', `the quote at position ${start} is never closed`);
  };

  /** Reads a bare run of characters from `start`; rejects reserved characters. */
  const readBare = (start: number): number => {
    let j = start;
    while (!isDelimiter(input[j])) {
      const ch = input[j];
      if (ch === '*' && !isDelimiter(input[j + 1])) {
        throw new QuerySyntaxError(j, 'a term, phrase or field filter', 'a wildcard "*" may only end a word (batt*); quote the text to search for it literally');
      }
      if (ch === '[' || ch === ']') {
        throw new QuerySyntaxError(j, 'a term, phrase or field filter', `ranges are written field:[lower TO upper]; quote the text to search for "${ch}" literally`);
      }
      j++;
    }
    return j;
  };

  const skipSpace = (j: number): number => {
    while (j < n && WHITESPACE.test(input[j])) j++;
    return j;
  };

  /** Reads a range bound / `TO` at `start` (until whitespace or a bracket). */
  const readRangeWord = (start: number): number => {
    let j = start;
    while (j < n && !WHITESPACE.test(input[j]) && input[j] !== ']' && input[j] !== '[') j++;
    return j;
  };

  /** Reads `field:[lower TO upper]` whose `[` is at `open`; returns the index after `]`. */
  const readRange = (field: string, start: number, open: number): number => {
    const unclosed = (at: number) => new QuerySyntaxError(at, 'a closing "]"', `the "[" at position ${open} is never closed`);
    const bound = (at: number, which: string): [RangeBoundToken, number] => {
      if (at >= n) throw unclosed(at);
      const end = readRangeWord(at);
      if (end === at || input.slice(at, end) === 'TO') {
        throw new QuerySyntaxError(at, `${which} bound (a number, a date or *)`, 'ranges are written field:[lower TO upper]');
      }
      return [{ value: input.slice(at, end), position: at }, end];
    };
    const [lower, afterLower] = bound(skipSpace(open + 1), 'a lower');
    const toAt = skipSpace(afterLower);
    if (toAt >= n) throw unclosed(toAt);
    const toEnd = readRangeWord(toAt);
    if (input.slice(toAt, toEnd) !== 'TO' || toAt === afterLower) {
      throw new QuerySyntaxError(toAt, '"TO" between the bounds', 'ranges are written field:[lower TO upper]');
    }
    const upperAt = skipSpace(toEnd);
    if (upperAt === toEnd && upperAt < n && input[upperAt] !== ']') {
      throw new QuerySyntaxError(toAt, '"TO" between the bounds', 'ranges are written field:[lower TO upper]');
    }
    const [upper, afterUpper] = bound(upperAt, 'an upper');
    const close = skipSpace(afterUpper);
    if (close >= n || input[close] !== ']') throw close >= n ? unclosed(close) : new QuerySyntaxError(close, 'a closing "]"', 'a range has exactly two bounds');
    tokens.push({ type: 'range', field, lower, upper, position: start });
    return close + 1;
  };

  while (i < n) {
    const ch = input[i];
    if (WHITESPACE.test(ch)) {
      i++;
    } else if (ch === '(') {
      tokens.push({ type: 'lparen', position: i++ });
    } else if (ch === ')') {
      tokens.push({ type: 'rparen', position: i++ });
    } else if (ch === '"') {
      const [value, next] = readQuoted(i);
      tokens.push({ type: 'phrase', value, position: i });
      i = next;
    } else if (ch === '-' && i + 1 < n && input[i + 1] !== ')' && !WHITESPACE.test(input[i + 1])) {
      tokens.push({ type: 'minus', position: i++ });
    } else if (RANGE_START.test(input.slice(i, i + 200))) {
      const field = RANGE_START.exec(input.slice(i, i + 200))![1];
      i = readRange(field, i, i + field.length + 1);
    } else {
      const start = i;
      const end = readBare(start);
      const word = input.slice(start, end);
      const colon = word.indexOf(':');
      if (word === 'AND' || word === 'OR' || word === 'NOT') {
        tokens.push({ type: word === 'AND' ? 'and' : word === 'OR' ? 'or' : 'not', position: start });
        i = end;
      } else if (NEAR.test(word)) {
        let distance: number | undefined;
        if (word.length > 4) {
          const digits = word.slice(5);
          distance = Number(digits);
          if (!/^\d+$/.test(digits) || distance < 1 || distance > MAX_NEAR_DISTANCE) {
            throw new QuerySyntaxError(start + 5, `a distance from 1 to ${MAX_NEAR_DISTANCE} after "NEAR/"`, 'write NEAR/3 for at most 3 words between; quote "NEAR" to search for the word');
          }
        }
        tokens.push({ type: 'near', distance, position: start });
        i = end;
      } else if (colon > 0 && FIELD_NAME.test(word.slice(0, colon))) {
        const field = word.slice(0, colon);
        const valuePosition = start + colon + 1;
        if (colon === word.length - 1) {
          // Nothing bare after the colon: a quoted value, or an error.
          if (input[valuePosition] === '"') {
            const [value, next] = readQuoted(valuePosition);
            tokens.push({ type: 'field', field, value, quoted: true, position: start, valuePosition });
            i = next;
            continue;
          }
          throw new QuerySyntaxError(valuePosition, `a value after "${field}:"`, input[valuePosition] === '(' ? 'grouping values in parentheses is not supported; write (field:a OR field:b)' : undefined);
        }
        const value = word.slice(colon + 1);
        const op = /^(>=|<=|>|<)/.exec(value)?.[1] as '>' | '>=' | '<' | '<=' | undefined;
        if (op !== undefined) {
          if (value.length === op.length) throw new QuerySyntaxError(valuePosition + op.length, `a number or date after "${field}:${op}"`);
          tokens.push({ type: 'compare', field, op, value: value.slice(op.length), position: start, valuePosition: valuePosition + op.length });
        } else if (value[0] === '=') {
          throw new QuerySyntaxError(valuePosition, `a value, or a comparison (>, >=, <, <=) after "${field}:"`, `write ${field}:value for equality`);
        } else {
          const wildcard = value.endsWith('*');
          tokens.push({ type: 'field', field, value: wildcard ? value.slice(0, -1) : value, quoted: false, position: start, valuePosition, ...(wildcard ? { wildcard } : {}) });
        }
        i = end;
      } else {
        const wildcard = word.endsWith('*');
        tokens.push({ type: 'word', value: wildcard ? word.slice(0, -1) : word, position: start, ...(wildcard ? { wildcard } : {}) });
        i = end;
      }
    }
  }
  tokens.push({ type: 'eof', position: n });
  return tokens;
}
