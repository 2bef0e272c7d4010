/**
 * Big keyword alternations made cheap for V8's regex engine, keeping their language (for
 * `test`; the order of alternatives changes). At every position of a text the engine tries
 * each alternative in turn, so hundreds of entries cost hundreds of checks per character unless
 * they are grouped by their first letter; and a leading assertion (`\b`, a lookbehind) is
 * evaluated at every position before any letter is compared.
 */

/** More alternatives than this from one keyword entry: expandLeadingGroup keeps it as it is. */
const MAX_EXPANSION = 64;

/**
 * `(?:…)` over the entries, those starting with a plain letter grouped by it: the same
 * language as `(?:${entries.join('|')})`, for `test` only (alternatives are reordered).
 * Entries that open with a group are first spread out (expandLeadingGroup), so that they too
 * start with a letter: left in one ungrouped rest, they cost as much as all the others.
 */
export function factorByFirstLetter(entries: readonly string[]): string {
  const groups = new Map<string, string[]>();
  const rest: string[] = [];
  for (const entry of entries.flatMap(expandLeadingGroup)) {
    const first = String.fromCodePoint(entry.codePointAt(0) ?? 0);
    const next = entry.charAt(first.length);
    if (/^\p{L}$/u.test(first) && !'?*+{'.includes(next) && topLevelBars(entry).length === 0) {
      const group = groups.get(first) ?? [];
      group.push(entry.slice(first.length));
      groups.set(first, group);
    } else {
      rest.push(entry);
    }
  }
  const parts = [...groups].map(([first, tails]) => `${first}(?:${tails.join('|')})`);
  return `(?:${[...parts, ...rest].join('|')})`;
}

/**
 * An entry that opens with a non-capturing group, spread over the group's alternatives:
 * `(?:i'?ll|we will) sue` → `i'?ll sue`, `we will sue`; `(?:electric )?shock` → `electric shock`,
 * `shock`. The same language (for `test`); anything else (other quantifiers, lookarounds,
 * capturing groups, a top-level `|`) is returned unchanged.
 */
export function expandLeadingGroup(entry: string): string[] {
  if (!entry.startsWith('(?:') || topLevelBars(entry).length > 0) return [entry];
  const end = closingParenthesis(entry);
  const after = entry.charAt(end + 1);
  const optional = after === '?';
  if (end < 0 || (after !== '' && '*+{'.includes(after)) || (optional && entry.charAt(end + 2) === '?')) return [entry];
  const inner = entry.slice(3, end);
  const tail = entry.slice(end + (optional ? 2 : 1));
  const bounds = [-1, ...topLevelBars(inner), inner.length];
  const alternatives = bounds.slice(1).map((at, i) => inner.slice(bounds[i] + 1, at));
  const expanded = [...alternatives.map((alternative) => alternative + tail), ...(optional ? [tail] : [])].flatMap(expandLeadingGroup);
  return expanded.length > MAX_EXPANSION || expanded.includes('') ? [entry] : expanded;
}

/** Where `(` at 0 closes, or -1. */
function closingParenthesis(source: string): number {
  let depth = 0;
  let found = -1;
  scan(source, (c, i) => {
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) found = i;
    return found < 0;
  });
  return found;
}

/** Positions of the unescaped `|` outside any group or class. */
function topLevelBars(source: string): number[] {
  let depth = 0;
  const bars: number[] = [];
  scan(source, (c, i) => {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) bars.push(i);
    return true;
  });
  return bars;
}

/** Calls `visit` for each character of a pattern that is not escaped or inside a class, until it returns false. */
function scan(source: string, visit: (c: string, index: number) => boolean): void {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (!visit(c, i)) return;
  }
}

/**
 * A pattern that matches wherever one of `sources` does, to rule texts out cheaply: the
 * assertions a source opens with (`\b`, lookarounds) are dropped (an assertion less only
 * widens it; V8 evaluates a leading one at every position, and under the `i` and `u` flags `\b`
 * is checked with Unicode case folding) and the alternatives are grouped by first letter.
 */
export function looseUnion(sources: readonly string[]): RegExp {
  return new RegExp(factorByFirstLetter(sources.map(withoutLeadingAssertions)), 'iu');
}

function withoutLeadingAssertions(source: string): string {
  let rest = source;
  for (;;) {
    if (rest.startsWith('\\b')) rest = rest.slice(2);
    else if (/^\(\?<?[=!]/.test(rest) && closingParenthesis(rest) > 0) rest = rest.slice(closingParenthesis(rest) + 1);
    else return rest;
  }
}

/** The index after the code point at `index`: where a `/u` scan may start next (never inside a surrogate pair). */
export function afterCodePointAt(text: string, index: number): number {
  return index + ((text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
}
