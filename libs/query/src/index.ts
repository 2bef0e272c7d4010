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
  TermNode,
} from './query-ast';
export { QuerySyntaxError } from './query-syntax-error';
export { tokenizeQuery, type QueryToken, type QueryTokenType } from './query-tokenizer';
export { DEFAULT_NEAR_DISTANCE, parseQuery, type ParseQueryOptions, type QueryFieldSpec, type QueryFieldType } from './query-parser';
export {
  compileMatcher,
  matchesQuery,
  type DocumentMatcher,
  type FieldValue,
  type MatchableDocument,
} from './query-matcher';
export {
  containsTokenSequence,
  isPrefixedToken,
  MAX_WILDCARD_TOKEN_BYTES,
  tokenMatchesPrefix,
  normalizeText,
  tokenMatches,
  tokenizeText,
  tokenizeTextWithOffsets,
  type PositionedToken,
} from './text-tokens';
export { highlightSpans, type TextSpan } from './query-highlighter';
