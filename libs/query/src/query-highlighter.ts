import type { NearNode, QueryNode } from './query-ast';
import { normalizeText, PositionedToken, tokenizeText, tokenizeTextWithOffsets, tokenMatches, tokenMatchesPrefix } from './text-tokens';

/** A highlighted stretch of the original text: `[start, end)` in UTF-16 code units. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

type TextLeaf = Extract<QueryNode, { kind: 'term' | 'phrase' | 'prefix' }>;

/**
 * Where the query's words occur in `text`, by the matcher's own rules (the same tokens, the same
 * hashtag and wildcard rules): every occurrence of a term, phrase (one span from its first to its
 * last word) or wildcard the query asks FOR — not those under NOT — and, for `a NEAR/n b`, only
 * the occurrences that stand close enough. Field filters and ranges mark nothing. Spans are in
 * text order; overlapping ones are merged.
 *
 * Computed from the text and the AST alone, so every index highlights the same hit the same way.
 */
export function highlightSpans(query: QueryNode, text: string): TextSpan[] {
  const positive = positiveLeaves(query);
  if (positive.leaves.length === 0 && positive.nears.length === 0) return [];
  const tokens = tokenizeTextWithOffsets(text);
  const runs: [number, number][] = []; // token index ranges [from, to)
  for (const leaf of positive.leaves) {
    const length = leafLength(leaf);
    for (const at of occurrencesOf(leaf, tokens)) runs.push([at, at + length]);
  }
  for (const near of positive.nears) runs.push(...nearRuns(near, tokens));
  return merge(runs.map(([from, to]) => ({ start: tokens[from].start, end: tokens[to - 1].end })));
}

interface Leaves {
  leaves: TextLeaf[];
  nears: NearNode[];
}

function positiveLeaves(node: QueryNode, negated = false, found: Leaves = { leaves: [], nears: [] }): Leaves {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      if (!negated) found.leaves.push(node);
      break;
    case 'prefix':
      if (!negated && node.field === undefined) found.leaves.push(node);
      break;
    case 'near':
      if (!negated) found.nears.push(node);
      break;
    case 'not':
      positiveLeaves(node.child, !negated, found);
      break;
    case 'and':
    case 'or':
      for (const child of node.children) positiveLeaves(child, negated, found);
      break;
    default:
      break;
  }
  return found;
}

function leafLength(leaf: TextLeaf): number {
  return leaf.kind === 'prefix' ? 1 : tokenizeText(leaf.value).length;
}

/** Token indexes where the leaf's run starts (none for a leaf without searchable tokens). */
function occurrencesOf(leaf: TextLeaf, tokens: readonly PositionedToken[]): number[] {
  const found: number[] = [];
  if (leaf.kind === 'prefix') {
    const prefix = normalizeText(leaf.prefix);
    tokens.forEach((t, i) => tokenMatchesPrefix(prefix, t.token) && found.push(i));
    return found;
  }
  const needle = tokenizeText(leaf.value);
  if (needle.length === 0) return found;
  for (let i = 0; i + needle.length <= tokens.length; i++) {
    if (needle.every((q, j) => tokenMatches(q, tokens[i + j].token))) found.push(i);
  }
  return found;
}

/** The operands' runs that take part in a close-enough pair (the matcher's slop rule). */
function nearRuns(near: NearNode, tokens: readonly PositionedToken[]): [number, number][] {
  const [a, b] = near.children.map((leaf) => ({ length: leafLength(leaf), at: occurrencesOf(leaf, tokens) }));
  // An operand without searchable tokens is dropped by the matcher: the other stands alone.
  if (a.length === 0 || b.length === 0) return (a.length === 0 ? b : a).at.map((i) => [i, i + (a.length || b.length)]);
  const runs: [number, number][] = [];
  const total = a.length + b.length;
  for (const i of a.at) {
    for (const j of b.at) {
      if (Math.max(i + a.length, j + b.length) - Math.min(i, j) - total <= near.distance) runs.push([i, i + a.length], [j, j + b.length]);
    }
  }
  return runs;
}

function merge(spans: TextSpan[]): TextSpan[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: TextSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged;
}
