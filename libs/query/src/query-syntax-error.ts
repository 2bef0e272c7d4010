/**
 * Thrown by the tokenizer / parser for any malformed query.
 *
 * message: `Syntax error at position 12: expected a closing ")"`, optionally
 * followed by a parenthesised hint, e.g.
 * `Syntax error at position 0: expected one of the fields lang, channel (unknown field "foo")`.
 */
export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';

  constructor(
    /** 0-based offset (UTF-16 code units) into the raw query string. */
    readonly position: number,
    /** What the parser expected at `position`, e.g. `a closing ")"`. */
    readonly expected: string,
    /** Optional human explanation appended to the message. */
    readonly hint?: string,
  ) {
    super(`Syntax error at position ${position}: expected ${expected}${hint ? ` (${hint})` : ''}`);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
