import { compileMatcher, MAX_WILDCARD_TOKEN_BYTES, MatchableDocument, NearNode, normalizeText, QueryNode, RangeNode, tokenizeText, tokenMatches, tokenMatchesPrefix } from '@cxm/query';
import { RANGE_FIELDS, SEARCH_FIELDS, rangeFieldValues, searchFieldValues } from '../mention-index.port';
import { andNot, Bitset, bitsetOfPostings, emptyBitset, forEachBit, isEmpty, orInto, setBit } from './bitset';
import type { TenantSegment } from './tenant-segment';

/**
 * Evaluates a query AST on a segment to the exact set of matching live ordinals, or `null` when
 * the query has no searchable content (which the matcher reads as "every document").
 *
 * Each node is evaluated within the set its parent still allows (`within`), so an AND narrows as
 * it goes and the costly checks (verifying phrases and NEAR on candidates) only run on what the
 * cheap ones left. Node by node it mirrors
 * `libs/query/src/query-matcher.ts`: posting lists decide single words, field values and
 * wildcards exactly; phrases and proximity take the intersection of their words' lists as
 * candidates and check them on the stored term ids with the matcher's own primitives
 * (`tokenMatches`, `tokenMatchesPrefix`) and its NEAR rule; anything else falls back to the
 * matcher itself. `postings-equal-scan.spec.ts` holds the two to the same answers.
 */
export function evaluateQuery(segment: TenantSegment, query: QueryNode): Bitset | null {
  return evaluate(segment, query, segment.live);
}

function evaluate(segment: TenantSegment, node: QueryNode, within: Bitset): Bitset | null {
  switch (node.kind) {
    case 'all':
      return null;
    case 'term':
    case 'phrase':
      return tokenRun(segment, node, tokenizeText(node.value), within);
    case 'field':
      return field(segment, node.field, within, (value) => value === normalizeText(node.value)) ?? scan(segment, node, within);
    case 'prefix': {
      const prefix = normalizeText(node.prefix);
      if (node.field === undefined) return wildcard(segment, prefix, within);
      return field(segment, node.field, within, (value) => value.startsWith(prefix)) ?? scan(segment, node, within);
    }
    case 'near':
      return near(segment, node, within);
    case 'range':
      return range(segment, node, within);
    case 'not': {
      const child = evaluate(segment, node.child, within);
      return child && andNot(within, child);
    }
    case 'and': {
      let narrowed: Bitset | null = null;
      for (const child of cheapFirst(node.children)) {
        const result = evaluate(segment, child, narrowed ?? within);
        if (result === null) continue;
        narrowed = result;
        if (isEmpty(narrowed)) break;
      }
      return narrowed;
    }
    case 'or': {
      let union: Bitset | null = null;
      for (const child of node.children) {
        const result = evaluate(segment, child, within);
        if (result === null) continue;
        if (union === null) union = result;
        else orInto(union, result, within);
      }
      return union;
    }
    default: {
      const unknown: never = node;
      throw new Error(`Unsupported query node kind: ${(unknown as { kind: string }).kind}`);
    }
  }
}

/** Field filters and ranges narrow an AND cheaply; text checks come after (same result, less work). */
function cheapFirst(children: readonly QueryNode[]): QueryNode[] {
  const cost = (n: QueryNode) => (n.kind === 'field' || n.kind === 'range' || (n.kind === 'prefix' && n.field !== undefined) ? 0 : n.kind === 'term' ? 1 : 2);
  return [...children].sort((a, b) => cost(a) - cost(b));
}

/** Documents holding every token of the run (candidates for a phrase), or `null` if there are none. */
function allTokens(segment: TenantSegment, tokens: readonly string[], within: Bitset): Bitset {
  let candidates = within;
  for (const token of tokens) {
    const list = segment.postings.list(token);
    if (!list) return emptyBitset(within.length * 32);
    candidates = bitsetOfPostings(list.ordinals, list.length, candidates);
  }
  return candidates === within ? Uint32Array.from(within) : candidates;
}

function tokenRun(segment: TenantSegment, node: QueryNode, tokens: string[], within: Bitset): Bitset | null {
  if (tokens.length === 0) return null;
  const candidates = allTokens(segment, tokens, within);
  // One token: its posting list is the answer. Several: they must also be consecutive.
  if (tokens.length === 1) return candidates;
  const run = tokens.map((q) => termPredicate(segment, (term) => tokenMatches(q, term)));
  const { store, start, count } = segment.tokenIds;
  return keep(candidates, (o) => runStarts(store, start[o], count[o], run, () => true));
}

/** Whether a document term id satisfies a query token, decided once per term and query (memoised). */
type TermPredicate = (termId: number) => boolean;

function termPredicate(segment: TenantSegment, accepts: (term: string) => boolean): TermPredicate {
  const memo = new Int8Array(segment.postings.termCount);
  return (id) => {
    if (memo[id] === 0) memo[id] = accepts(segment.postings.term(id)) ? 1 : 2;
    return memo[id] === 1;
  };
}

/**
 * Walks the positions where `run` matches consecutively in one document's tokens (as the
 * matcher's `containsTokenSequence` / NEAR occurrences do) until `found` returns true.
 */
function runStarts(store: Uint32Array, from: number, length: number, run: TermPredicate[], found: (position: number) => boolean): boolean {
  outer: for (let i = 0; i + run.length <= length; i++) {
    for (let j = 0; j < run.length; j++) if (!run[j](store[from + i + j])) continue outer;
    if (found(i)) return true;
  }
  return false;
}

function keep(candidates: Bitset, accepts: (ordinal: number) => boolean): Bitset {
  const out = emptyBitset(candidates.length * 32);
  forEachBit(candidates, (o) => {
    if (accepts(o)) setBit(out, o);
  });
  return out;
}

function wildcard(segment: TenantSegment, prefix: string, within: Bitset): Bitset {
  const out = emptyBitset(within.length * 32);
  for (const list of segment.postings.listsWithPrefix(prefix, MAX_WILDCARD_TOKEN_BYTES)) orInto(out, bitsetOfPostings(list.ordinals, list.length, within), within);
  return out;
}

/** A keyword field through its value sets; `null` when the field is not one the segment indexes. */
function field(segment: TenantSegment, name: string, within: Bitset, accepts: (normalizedValue: string) => boolean): Bitset | null {
  if (!Object.prototype.hasOwnProperty.call(SEARCH_FIELDS, name)) return null;
  const out = emptyBitset(within.length * 32);
  for (const [value, set] of segment.columns.valueSets(name)) if (accepts(value)) orInto(out, set, within);
  return out;
}

function near(segment: TenantSegment, node: NearNode, within: Bitset): Bitset | null {
  const searchable = node.children.filter((c) => c.kind === 'prefix' || tokenizeText(c.value).length > 0);
  // An operand without searchable tokens is dropped; the other one stands alone (as in the matcher).
  if (searchable.length < node.children.length) return searchable.length ? evaluate(segment, searchable[0], within) : null;
  let candidates = within;
  for (const child of node.children) {
    candidates = child.kind === 'prefix' ? wildcard(segment, normalizeText(child.prefix), candidates) : allTokens(segment, tokenizeText(child.value), candidates);
    if (isEmpty(candidates)) return candidates;
  }
  // The matcher's NEAR: an occurrence of each operand (a run of tokens; a wildcard is one token)
  // with at most `distance` tokens between them, either order, overlap allowed.
  const [a, b] = node.children.map((child) => {
    if (child.kind !== 'prefix') return tokenizeText(child.value).map((q) => termPredicate(segment, (term) => tokenMatches(q, term)));
    const prefix = normalizeText(child.prefix);
    return [termPredicate(segment, (term) => tokenMatchesPrefix(prefix, term))];
  });
  const total = a.length + b.length;
  const { store, start, count } = segment.tokenIds;
  return keep(candidates, (o) => {
    const bs: number[] = [];
    runStarts(store, start[o], count[o], b, (j) => {
      bs.push(j);
      return false; // collect them all
    });
    return bs.length > 0 && runStarts(store, start[o], count[o], a, (i) => bs.some((j) => Math.max(i + a.length, j + b.length) - Math.min(i, j) - total <= node.distance));
  });
}

function range(segment: TenantSegment, node: RangeNode, within: Bitset): Bitset {
  const spec = (RANGE_FIELDS as Record<string, { key: string } | undefined>)[node.field];
  if (spec === undefined || (node.field !== 'followers' && node.field !== 'date')) return scan(segment, node, within);
  const column = segment.numericColumn(node.field);
  const { lower, upper } = node;
  // Bounds as a closed interval test; NaN (no value) fails every comparison, as in the matcher.
  const low = lower ? lower.resolved : -Infinity;
  const high = upper ? upper.resolved : Infinity;
  const lowIn = lower ? lower.inclusive : true;
  const highIn = upper ? upper.inclusive : true;
  const out = emptyBitset(within.length * 32);
  for (let w = 0; w < within.length; w++) {
    let v = within[w];
    while (v !== 0) {
      const bit = v & -v;
      v ^= bit;
      const n = column[(w << 5) + (31 - Math.clz32(bit))];
      if ((lowIn ? n >= low : n > low) && (highIn ? n <= high : n < high)) out[w] |= bit;
    }
  }
  return out;
}

/** The reference matcher over every allowed document: for what the structures do not cover. */
function scan(segment: TenantSegment, node: QueryNode, within: Bitset): Bitset {
  const matches = compileMatcher(node);
  const out = emptyBitset(within.length * 32);
  forEachBit(within, (o) => {
    const doc = segment.doc(o);
    const view: MatchableDocument = { text: doc.text, tokens: segment.tokensOf(o), fields: { ...searchFieldValues(doc), ...rangeFieldValues(doc) } };
    if (matches(view)) setBit(out, o);
  });
  return out;
}

