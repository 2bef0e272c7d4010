import type { QueryNode } from './query-ast';
import { containsTokenSequence, normalizeText, tokenizeText } from './text-tokens';

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

function compileChildren(nodes: readonly QueryNode[]): Predicate[] {
  // Cheap field checks first, text scans after (same result, less work on short-circuit).
  const cheap: Predicate[] = [];
  const costly: Predicate[] = [];
  for (const n of nodes) {
    const p = compile(n);
    if (p !== null) (n.kind === 'field' ? cheap : costly).push(p);
  }
  return [...cheap, ...costly];
}
