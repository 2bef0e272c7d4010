export type {
  AllNode,
  AndNode,
  FieldNode,
  NearNode,
  NotNode,
  OrNode,
  PhraseNode,
  PrefixNode,
  QueryNode,
  QueryNodeKind,
  RangeBound,
  RangeNode,
  ReservedQueryNode,
  TermNode,
} from './query-ast';
export { QuerySyntaxError } from './query-syntax-error';
export { tokenizeQuery, type QueryToken, type QueryTokenType } from './query-tokenizer';
export { parseQuery, type ParseQueryOptions } from './query-parser';
export {
  compileMatcher,
  matchesQuery,
  type DocumentMatcher,
  type FieldValue,
  type MatchableDocument,
} from './query-matcher';
export { containsTokenSequence, isPrefixedToken, normalizeText, tokenMatches, tokenizeText } from './text-tokens';
