import { isPrefixedToken, NearNode, normalizeText, QueryNode, RangeNode, tokenizeText } from '@cxm/query';
import { RANGE_FIELDS } from '../mention-index.port';
import { encodePrefix, encodeToken } from './search-tokens';

type EsQuery = Record<string, unknown>;

/**
 * Compiles a query AST into Elasticsearch query DSL with the same meaning as the embedded
 * matcher (libs/query/src/query-matcher.ts), including its edge rules: a word with no searchable
 * token is dropped, and an empty query matches everything.
 *
 * A word or phrase is a run of consecutive tokens. A bare query token matches a document token
 * with or without `#`/`@` (field `tok_bare`); a prefixed one only the same hashtag or handle
 * (field `tok_exact`). A run mixing both is a span_near over `tok_bare` positions, the exact
 * clauses masked onto that field (the two fields hold the same positions).
 *
 * `a NEAR/n b` is an unordered span_near with slop n over the same spans; `batt*` a `prefix`
 * query on the hex-encoded tokens (a prefix of a token is a prefix of its encoding; hashed long
 * tokens are out of reach, as in the matcher); ranges are `range` queries on the document field,
 * with `now` already resolved to an instant by the parser.
 *
 * Limit: a wildcard inside NEAR is a span_multi, which Elasticsearch refuses when the prefix
 * expands to more terms than `indices.query.bool.max_clause_count` (a top_terms rewrite would
 * avoid that but could drop matches the embedded index finds).
 */
export function compileQuery(node: QueryNode): EsQuery {
  return compile(node) ?? { match_all: {} };
}

function compile(node: QueryNode): EsQuery | null {
  switch (node.kind) {
    case 'all':
      return null;
    case 'term':
    case 'phrase':
      return tokenRun(tokenizeText(node.value));
    case 'field':
      return { term: { [`filters.${node.field}`]: normalizeText(node.value) } };
    case 'prefix': {
      const prefix = normalizeText(node.prefix);
      if (node.field !== undefined) return { prefix: { [`filters.${node.field}`]: prefix } };
      const encoded = encodePrefix(prefix);
      return encoded === undefined ? NOTHING : { prefix: { [fieldFor(prefix)]: encoded } };
    }
    case 'near':
      return near(node);
    case 'range':
      return range(node);
    case 'not': {
      const child = compile(node.child);
      return child && { bool: { must_not: [child] } };
    }
    case 'and':
    case 'or': {
      const children = node.children.map(compile).filter((c): c is EsQuery => c !== null);
      if (children.length === 0) return null;
      if (children.length === 1) return children[0];
      return node.kind === 'and' ? { bool: { filter: children } } : { bool: { should: children, minimum_should_match: 1 } };
    }
    default: {
      const unknown: never = node;
      throw new Error(`Unsupported query node kind: ${(unknown as { kind: string }).kind}`);
    }
  }
}

const NOTHING: EsQuery = { bool: { must_not: [{ match_all: {} }] } };

function tokenRun(tokens: string[]): EsQuery | null {
  if (tokens.length === 0) return null;
  if (tokens.length === 1) return { term: { [fieldFor(tokens[0])]: encodeToken(tokens[0]) } };
  return tokenSpan(tokens);
}

/** A span over `tok_bare` positions: one token, or a run of consecutive tokens. */
function tokenSpan(tokens: string[]): EsQuery {
  const clauses = tokens.map((token) => masked(fieldFor(token), { span_term: { [fieldFor(token)]: encodeToken(token) } }));
  return clauses.length === 1 ? clauses[0] : { span_near: { clauses, slop: 0, in_order: true } };
}

function masked(field: 'tok_exact' | 'tok_bare', span: EsQuery): EsQuery {
  return field === 'tok_bare' ? span : { span_field_masking: { query: span, field: 'tok_bare' } };
}

function near(node: NearNode): EsQuery | null {
  const spans: EsQuery[] = [];
  for (const child of node.children) {
    if (child.kind === 'prefix') {
      const prefix = normalizeText(child.prefix);
      const encoded = encodePrefix(prefix);
      if (encoded === undefined) return NOTHING;
      spans.push(masked(fieldFor(prefix), { span_multi: { match: { prefix: { [fieldFor(prefix)]: { value: encoded } } } } }));
    } else {
      const tokens = tokenizeText(child.value);
      if (tokens.length > 0) spans.push(tokenSpan(tokens));
    }
  }
  // An operand without searchable tokens is dropped (as in the matcher).
  if (spans.length < node.children.length) return compile(node.children.find((c) => c.kind === 'prefix' || tokenizeText(c.value).length > 0) ?? { kind: 'all' });
  return { span_near: { clauses: spans, slop: node.distance, in_order: false } };
}

function range(node: RangeNode): EsQuery {
  const spec = (RANGE_FIELDS as Record<string, { key: string } | undefined>)[node.field];
  if (spec === undefined) throw new Error(`Unsupported range field: ${node.field}`);
  const bounds: Record<string, number | string> = {};
  if (node.lower) bounds[node.lower.inclusive ? 'gte' : 'gt'] = node.lower.resolved;
  if (node.upper) bounds[node.upper.inclusive ? 'lte' : 'lt'] = node.upper.resolved;
  if (node.type === 'date') bounds.format = 'epoch_millis';
  return Object.keys(bounds).length === 0 || (node.type === 'date' && Object.keys(bounds).length === 1) ? { exists: { field: spec.key } } : { range: { [spec.key]: bounds } };
}

function fieldFor(token: string): 'tok_exact' | 'tok_bare' {
  return isPrefixedToken(token) ? 'tok_exact' : 'tok_bare';
}
