/**
 * AST of the Explorer query language.
 *
 * Every leaf carries `position`: the 0-based offset (UTF-16 code units, like
 * `String.prototype.slice`) of its first character in the raw query string, so
 * UIs can highlight it. Values are kept exactly as typed; normalisation
 * (NFKC, lowercase, tokenisation) is the matcher's / indexer's job.
 */

/** Matches every document (the empty query). */
export interface AllNode {
  readonly kind: 'all';
}

/** A bare word. It may tokenise into several tokens (`e-mail`, `東京都`), matched consecutively. */
export interface TermNode {
  readonly kind: 'term';
  readonly value: string;
  readonly position: number;
}

/** A `"quoted phrase"` (escapes already resolved). `position` is that of the opening quote. */
export interface PhraseNode {
  readonly kind: 'phrase';
  readonly value: string;
  readonly position: number;
}

/**
 * `field:value` or `field:"quoted value"`. `field` is the canonical spelling from
 * `ParseQueryOptions.fields`; `value` is matched exactly (case-insensitively)
 * against the document's field value. `position` is that of the field name.
 */
export interface FieldNode {
  readonly kind: 'field';
  readonly field: string;
  readonly value: string;
  readonly quoted: boolean;
  readonly position: number;
}

/** Conjunction (explicit `AND` or juxtaposition). Always ≥ 2 children; nested ANDs are flattened. */
export interface AndNode {
  readonly kind: 'and';
  readonly children: readonly QueryNode[];
}

/** Disjunction. Always ≥ 2 children; nested ORs are flattened. */
export interface OrNode {
  readonly kind: 'or';
  readonly children: readonly QueryNode[];
}

/** Negation (`NOT x` or `-x`). `position` is that of the `NOT` / `-`. */
export interface NotNode {
  readonly kind: 'not';
  readonly child: QueryNode;
  readonly position: number;
}

/**
 * `a NEAR/5 b`: the two operands occur within `distance` tokens of each other, in
 * either order (`distance` = the most tokens allowed BETWEEN them). Plain `NEAR` is
 * `NEAR/5`. Always exactly two children. `position` is that of the `NEAR` keyword.
 */
export interface NearNode {
  readonly kind: 'near';
  readonly distance: number;
  readonly children: readonly (TermNode | PhraseNode | PrefixNode)[];
  readonly position: number;
}

/**
 * `batt*`: trailing wildcard. Without `field`: a document token starting with
 * `prefix` (as typed, without the `*`); with `field` (`channel:red*`): a field
 * value starting with it. `position` is that of the word / the field name.
 */
export interface PrefixNode {
  readonly kind: 'prefix';
  readonly prefix: string;
  readonly field?: string;
  readonly position: number;
}

/** A resolved bound of a range. */
export interface RangeBound {
  /** As typed: `10000`, `now-7d`, `2026-11-01`. */
  readonly value: string;
  /**
   * The bound as a number: the number itself, or for date fields the instant in epoch
   * milliseconds, with `now` already resolved by the parser (ParseQueryOptions.now).
   */
  readonly resolved: number;
  /** Whether `resolved` itself is included (date-only bounds are turned into day limits). */
  readonly inclusive: boolean;
}

/**
 * `followers:>10000`, `followers:[100 TO 500]`, `date:[now-7d TO now]`. A missing
 * bound is open (`*`). `position` is that of the field name.
 */
export interface RangeNode {
  readonly kind: 'range';
  readonly field: string;
  readonly type: 'number' | 'date';
  readonly lower?: RangeBound;
  readonly upper?: RangeBound;
  readonly position: number;
}

/** Every node the parser produces. */
export type QueryNode = AllNode | TermNode | PhraseNode | FieldNode | AndNode | OrNode | NotNode | NearNode | PrefixNode | RangeNode;
export type QueryNodeKind = QueryNode['kind'];
