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
 * - reserved for later, rejected now: `*`, `[`, `]` outside phrases, the `NEAR` /
 *   `NEAR/n` operator, and field values starting with `>`, `<` or `=`.
 */
export type QueryToken =
  | { readonly type: 'word'; readonly value: string; readonly position: number }
  | { readonly type: 'phrase'; readonly value: string; readonly position: number }
  | {
      readonly type: 'field';
      readonly field: string;
      readonly value: string;
      readonly quoted: boolean;
      readonly position: number;
      readonly valuePosition: number;
    }
  | { readonly type: 'and' | 'or' | 'not' | 'minus' | 'lparen' | 'rparen' | 'eof'; readonly position: number };

export type QueryTokenType = QueryToken['type'];

const WHITESPACE = /\s/u;
const FIELD_NAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;
const NEAR = /^NEAR(\/\d*)?$/;

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
      if (ch === '*') {
        throw new QuerySyntaxError(j, 'a term, phrase or field filter', 'wildcards "*" are not supported yet; quote the text to search for it literally');
      }
      if (ch === '[' || ch === ']') {
        throw new QuerySyntaxError(j, 'a term, phrase or field filter', `ranges "[... TO ...]" are not supported yet; quote the text to search for "${ch}" literally`);
      }
      j++;
    }
    return j;
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
    } else {
      const start = i;
      const end = readBare(start);
      const word = input.slice(start, end);
      const colon = word.indexOf(':');
      if (word === 'AND' || word === 'OR' || word === 'NOT') {
        tokens.push({ type: word === 'AND' ? 'and' : word === 'OR' ? 'or' : 'not', position: start });
        i = end;
      } else if (NEAR.test(word)) {
        throw new QuerySyntaxError(start, 'a term, phrase, field filter or operator (AND, OR, NOT)', 'the NEAR operator is not supported yet; write "NEAR" in quotes to search for the word');
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
        if (/^[<>=]/.test(value)) {
          throw new QuerySyntaxError(valuePosition, `a value after "${field}:"`, 'numeric comparisons are not supported yet');
        }
        tokens.push({ type: 'field', field, value, quoted: false, position: start, valuePosition });
        i = end;
      } else {
        tokens.push({ type: 'word', value: word, position: start });
        i = end;
      }
    }
  }
  tokens.push({ type: 'eof', position: n });
  return tokens;
}
