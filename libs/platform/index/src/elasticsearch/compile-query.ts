import { isPrefixedToken, normalizeText, QueryNode, tokenizeText } from '@cxm/query';
import { encodeToken } from './search-tokens';

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

function tokenRun(tokens: string[]): EsQuery | null {
  if (tokens.length === 0) return null;
  if (tokens.length === 1) return { term: { [fieldFor(tokens[0])]: encodeToken(tokens[0]) } };
  const clauses = tokens.map((token) => {
    const spanTerm = { span_term: { [fieldFor(token)]: encodeToken(token) } };
    return fieldFor(token) === 'tok_bare' ? spanTerm : { span_field_masking: { query: spanTerm, field: 'tok_bare' } };
  });
  return { span_near: { clauses, slop: 0, in_order: true } };
}

function fieldFor(token: string): 'tok_exact' | 'tok_bare' {
  return isPrefixedToken(token) ? 'tok_exact' : 'tok_bare';
}
