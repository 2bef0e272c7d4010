/**
 * Character-class tests and word scanners that give exactly the answers of the Unicode
 * regexes they replace (`/\p{L}/u`, `/[\p{L}\p{M}\p{N}]/u`, `split(/[^\p{L}]+/u)`), faster.
 *
 * Why: V8 runs `String.prototype.split` with a regex, and `/u` classes over non-ASCII text,
 * through slow generic paths; on the classifier's hot path (every mention, every word) that
 * was several per cent of the time. Here each code point is tested once with the regex
 * itself and the answer remembered (a byte per BMP code point), so the Unicode tables stay
 * V8's — the same Unicode version as the regexes, by construction.
 */

const UNKNOWN = 0;
const YES = 1;
const NO = 2;

/** A memoised `pattern.test(String.fromCodePoint(cp))` for one-code-point patterns. */
export class CodePointClass {
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, boolean>();

  constructor(private readonly pattern: RegExp) {
    if (pattern.global || pattern.sticky) throw new Error('CodePointClass needs a non-global, non-sticky pattern');
  }

  has(codePoint: number): boolean {
    if (codePoint < 0x10000) {
      const known = this.bmp[codePoint];
      if (known !== UNKNOWN) return known === YES;
      const answer = this.pattern.test(String.fromCharCode(codePoint));
      this.bmp[codePoint] = answer ? YES : NO;
      return answer;
    }
    let answer = this.astral.get(codePoint);
    if (answer === undefined) {
      answer = this.pattern.test(String.fromCodePoint(codePoint));
      this.astral.set(codePoint, answer);
    }
    return answer;
  }
}

export const LETTERS = new CodePointClass(/\p{L}/u);
export const WORD_CHARACTERS = new CodePointClass(/[\p{L}\p{M}\p{N}]/u);

/**
 * The code point at `i` as a `/u` regex sees it: a surrogate pair is one code point, a lone
 * surrogate is a code point of its own.
 */
export function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
  }
  return c;
}

/**
 * The maximal runs of code points in `characters`, in order: the same strings as
 * `text.split(/[^<class>]+/u).filter((s) => s.length > 0)` or `text.match(/[<class>]+/gu) ?? []`.
 */
export function runsOf(text: string, characters: CodePointClass): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const cp = codePointAt(text, i);
    if (characters.has(cp)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push(text.slice(start, i));
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (start >= 0) runs.push(text.slice(start));
  return runs;
}
