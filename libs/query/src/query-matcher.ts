import type { NearNode, QueryNode, RangeNode } from './query-ast';
import { containsTokenSequence, normalizeText, tokenizeText, tokenMatches, tokenMatchesPrefix } from './text-tokens';

export type FieldValue = string | readonly string[] | number | undefined;

/** A document as seen by the matcher (the embedded index keeps these in memory). */
export interface MatchableDocument {
  readonly text: string;
  readonly fields: Readonly<Record<string, FieldValue>>;
  /**
   * Optional `tokenizeText(text)` computed ahead of time (e.g. at indexing).
   * When present it is trusted and `text` is not re-tokenised.
   */
  readonly tokens?: readonly string[];
}

export type DocumentMatcher = (doc: MatchableDocument) => boolean;

type Tokens = () => readonly string[];
type Predicate = (doc: MatchableDocument, tokens: Tokens) => boolean;

/**
 * Compiles an AST once (query terms tokenised, field values normalised) into a
 * predicate to run over many documents. Each document is tokenised at most once
 * per call, and only if a text leaf needs it (skipped when `doc.tokens` is given).
 *
 * Semantics:
 * - term / phrase: its tokens ({@link tokenizeText}) occur consecutively in the
 *   document's tokens. A term and a phrase differ only in how they are written
 *   (a phrase may contain spaces / operators); `e-mail` and `"e mail"` are equal.
 * - A term or phrase with no searchable token (`+`, `""`, `-`) is ignored, as in web
 *   search: it is dropped from its AND / OR; a NOT of nothing is dropped too; a
 *   query left with nothing matches every document.
 * - field: the document's field value equals the filter value after
 *   {@link normalizeText} (NFKC + lowercase; no trimming, no tokenising). Arrays
 *   match if any element does; numbers compare by their decimal string
 *   (`String(n)`); a missing field never matches (so `-lang:en` keeps documents
 *   without `lang`).
 * - prefix (`batt*`): a document token starts with the normalised prefix, with the
 *   hashtag rules of terms ({@link tokenMatchesPrefix}); tokens over
 *   MAX_WILDCARD_TOKEN_BYTES are out of reach. `field:val*`: a field value starts with it.
 * - near (`a NEAR/n b`): an occurrence of each operand (a term / phrase is a run of
 *   tokens, a prefix one token) such that, in either order and allowing overlap, the
 *   span covering both minus their lengths is ≤ n — i.e. at most n tokens between them
 *   (Lucene's unordered span_near slop). An operand with no searchable token is dropped.
 * - range: the field's number (or, for `date` ranges, the instant of its ISO string or
 *   epoch-ms number) lies within the resolved bounds; arrays match if any element does;
 *   a missing or unparsable value never matches.
 */
export function compileMatcher(ast: QueryNode): DocumentMatcher {
  const predicate = compile(ast);
  if (predicate === null) return () => true;
  return (doc) => {
    let tokens = doc.tokens;
    return predicate(doc, () => (tokens ??= tokenizeText(doc.text)));
  };
}

const compiledCache = new WeakMap<QueryNode, DocumentMatcher>();

/**
 * One-off evaluation. The compiled form is cached per AST object, so calling it
 * repeatedly with the same AST is cheap; prefer {@link compileMatcher} in loops.
 */
export function matchesQuery(ast: QueryNode, doc: MatchableDocument): boolean {
  let matcher = compiledCache.get(ast);
  if (matcher === undefined) {
    matcher = compileMatcher(ast);
    compiledCache.set(ast, matcher);
  }
  return matcher(doc);
}

/** `null` = the node is ignored (no searchable content). */
function compile(node: QueryNode): Predicate | null {
  switch (node.kind) {
    case 'all':
      return null;
    case 'term':
    case 'phrase': {
      const needle = tokenizeText(node.value);
      if (needle.length === 0) return null;
      return (_doc, tokens) => containsTokenSequence(tokens(), needle);
    }
    case 'field': {
      const { field } = node;
      const wanted = normalizeText(node.value);
      const equals = (v: string | number): boolean => normalizeText(String(v)) === wanted;
      return (doc) => {
        const value = Object.prototype.hasOwnProperty.call(doc.fields, field) ? doc.fields[field] : undefined;
        if (value === undefined) return false;
        if (typeof value === 'string' || typeof value === 'number') return equals(value);
        return value.some(equals);
      };
    }
    case 'prefix': {
      const prefix = normalizeText(node.prefix);
      const { field } = node;
      if (field === undefined) return (_doc, tokens) => tokens().some((t) => tokenMatchesPrefix(prefix, t));
      const starts = (v: string | number): boolean => normalizeText(String(v)).startsWith(prefix);
      return (doc) => {
        const value = Object.prototype.hasOwnProperty.call(doc.fields, field) ? doc.fields[field] : undefined;
        if (value === undefined) return false;
        if (typeof value === 'string' || typeof value === 'number') return starts(value);
        return value.some(starts);
      };
    }
    case 'near':
      return compileNear(node);
    case 'range':
      return compileRange(node);
    case 'not': {
      const child = compile(node.child);
      if (child === null) return null;
      return (doc, tokens) => !child(doc, tokens);
    }
    case 'and': {
      const children = compileChildren(node.children);
      if (children.length === 0) return null;
      if (children.length === 1) return children[0];
      return (doc, tokens) => children.every((c) => c(doc, tokens));
    }
    case 'or': {
      const children = compileChildren(node.children);
      if (children.length === 0) return null;
      if (children.length === 1) return children[0];
      return (doc, tokens) => children.some((c) => c(doc, tokens));
    }
    default: {
      const unknown: never = node;
      throw new Error(`Unsupported query node kind: ${(unknown as { kind: string }).kind}`);
    }
  }
}

/** Start positions of an operand's occurrences, and its length in tokens; `null` = no searchable token. */
type Occurrences = { readonly length: number; readonly find: (tokens: readonly string[]) => number[] } | null;

function occurrences(node: NearNode['children'][number]): Occurrences {
  if (node.kind === 'prefix') {
    const prefix = normalizeText(node.prefix);
    return { length: 1, find: (tokens) => tokens.flatMap((t, i) => (tokenMatchesPrefix(prefix, t) ? [i] : [])) };
  }
  const needle = tokenizeText(node.value);
  if (needle.length === 0) return null;
  return {
    length: needle.length,
    find: (tokens) => {
      const found: number[] = [];
      for (let i = 0; i + needle.length <= tokens.length; i++) {
        if (needle.every((q, j) => tokenMatches(q, tokens[i + j]))) found.push(i);
      }
      return found;
    },
  };
}

function compileNear(node: NearNode): Predicate | null {
  const operands = node.children.map(occurrences).filter((o): o is NonNullable<Occurrences> => o !== null);
  if (operands.length < node.children.length) {
    // An operand without searchable tokens is dropped; the other one stands alone.
    const rest = node.children.find((c) => occurrences(c) !== null);
    return rest ? compile(rest) : null;
  }
  const [a, b] = operands;
  const slop = node.distance;
  const total = a.length + b.length;
  return (_doc, tokens) => {
    const all = tokens();
    const as = a.find(all);
    if (as.length === 0) return false;
    const bs = b.find(all);
    return as.some((i) => bs.some((j) => Math.max(i + a.length, j + b.length) - Math.min(i, j) - total <= slop));
  };
}

function compileRange(node: RangeNode): Predicate {
  const { field, lower, upper, type } = node;
  const inRange = (n: number): boolean =>
    !Number.isNaN(n) &&
    (lower === undefined || (lower.inclusive ? n >= lower.resolved : n > lower.resolved)) &&
    (upper === undefined || (upper.inclusive ? n <= upper.resolved : n < upper.resolved));
  const toNumber = (v: string | number): number => (typeof v === 'number' ? v : type === 'date' ? Date.parse(v) : v.trim() === '' ? NaN : Number(v));
  return (doc) => {
    const value = Object.prototype.hasOwnProperty.call(doc.fields, field) ? doc.fields[field] : undefined;
    if (value === undefined) return false;
    if (typeof value === 'string' || typeof value === 'number') return inRange(toNumber(value));
    return value.some((v) => inRange(toNumber(v)));
  };
}

function compileChildren(nodes: readonly QueryNode[]): Predicate[] {
  // Cheap field checks first, text scans after (same result, less work on short-circuit).
  const cheap: Predicate[] = [];
  const costly: Predicate[] = [];
  for (const n of nodes) {
    const p = compile(n);
    if (p !== null) (n.kind === 'field' || n.kind === 'range' || (n.kind === 'prefix' && n.field !== undefined) ? cheap : costly).push(p);
  }
  return [...cheap, ...costly];
}
