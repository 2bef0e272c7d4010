import type { AndNode, FieldNode, NearNode, NotNode, OrNode, PhraseNode, PrefixNode, QueryNode, RangeBound, RangeNode, TermNode } from './query-ast';
import { QuerySyntaxError } from './query-syntax-error';
import { tokenizeQuery, type QueryToken, type RangeBoundToken } from './query-tokenizer';

/** `keyword`: `field:value` / `field:val*`; `number` and `date`: comparisons and ranges. */
export type QueryFieldType = 'keyword' | 'number' | 'date';

/** A field allowed in queries: a bare name is a keyword field. */
export type QueryFieldSpec = string | { readonly name: string; readonly type: QueryFieldType };

export interface ParseQueryOptions {
  /**
   * Fields allowed in filters. Matching of the name in the query is case-insensitive
   * (`Lang:en` works); the AST carries the spelling given here. A plain string is a
   * keyword field; `{ name, type: 'number' | 'date' }` a field for comparisons and ranges.
   * Default: none (every `name:value` is an unknown-field error).
   */
  readonly fields?: readonly QueryFieldSpec[];
  /**
   * The clock `now` in date expressions (`date:>now-24h`) is resolved with, once per parse:
   * the AST holds absolute instants, so every index searching it uses the same one.
   * Default: the system clock.
   */
  readonly now?: () => Date;
}

/** What plain `NEAR` means: `NEAR/5`. */
export const DEFAULT_NEAR_DISTANCE = 5;

/*
 * Grammar (precedence NOT > AND (explicit or implicit) > OR):
 *
 *   query   := ε | or EOF
 *   or      := and ( "OR" and )*
 *   and     := unary ( "AND"? unary )*
 *   unary   := "NOT" unary | "-" near | near
 *   near    := primary ( NEAR proxOperand )?      -- only when primary is a term, phrase or word*
 *   primary := WORD | WORD* | PHRASE | FIELD | FIELD* | COMPARE | RANGE | "(" or ")"
 *
 * NEAR binds tighter than AND (and than NOT / "-": `-a NEAR b` = NOT (a NEAR b)) and joins
 * exactly two operands.
 */

const OPERAND = 'a term, phrase, field filter or "("';
const TOKEN_LABELS: Partial<Record<QueryToken['type'], string>> = {
  eof: 'the end of the query',
  and: '"AND"',
  or: '"OR"',
  not: '"NOT"',
  rparen: '")"',
};

/** Parses a query string into an AST. Throws {@link QuerySyntaxError}. */
export function parseQuery(input: string, options: ParseQueryOptions = {}): QueryNode {
  return new Parser(tokenizeQuery(input), options.fields ?? [], options.now ?? (() => new Date())).parse();
}

const MIN_PREFIX_CHARS = 2;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const RELATIVE = /^now(?:([+-])(\d+)(.*))?$/;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DAY_MS = 86_400_000;

class Parser {
  private index = 0;
  private depth = 0; // open parentheses
  private readonly fieldsByLowerName = new Map<string, { name: string; type: QueryFieldType }>();
  private readonly fieldNames: string[];
  private nowMs: number | undefined;

  constructor(
    private readonly tokens: readonly QueryToken[],
    fields: readonly QueryFieldSpec[],
    private readonly clock: () => Date,
  ) {
    this.fieldNames = [];
    for (const f of fields) {
      const spec = typeof f === 'string' ? { name: f, type: 'keyword' as const } : f;
      this.fieldsByLowerName.set(spec.name.toLowerCase(), spec);
      this.fieldNames.push(spec.name);
    }
  }

  parse(): QueryNode {
    if (this.peek().type === 'eof') return { kind: 'all' };
    const node = this.parseOr(undefined);
    const next = this.peek();
    if (next.type === 'rparen') throw Parser.strayParen(next.position);
    /* istanbul ignore next -- parseOr only stops at ")" or the end */
    if (next.type !== 'eof') throw new QuerySyntaxError(next.position, 'the end of the query');
    return node;
  }

  private static strayParen(position: number): QuerySyntaxError {
    return new QuerySyntaxError(position, 'an operator, a term or the end of the query', 'this ")" has no matching "("');
  }

  private peek(): QueryToken {
    return this.tokens[this.index];
  }

  private next(): QueryToken {
    return this.tokens[this.index++];
  }

  private static startsUnary(t: QueryToken): boolean {
    return (
      t.type === 'word' ||
      t.type === 'phrase' ||
      t.type === 'field' ||
      t.type === 'compare' ||
      t.type === 'range' ||
      t.type === 'lparen' ||
      t.type === 'not' ||
      t.type === 'minus'
    );
  }

  /** `after` names the operator just consumed, for error messages. */
  private parseOr(after: string | undefined): QueryNode {
    const children: QueryNode[] = [this.parseAnd(after)];
    while (this.peek().type === 'or') {
      this.next();
      children.push(this.parseAnd('OR'));
    }
    return combine('or', children);
  }

  private parseAnd(after: string | undefined): QueryNode {
    const children: QueryNode[] = [this.parseUnary(after)];
    for (;;) {
      const t = this.peek();
      if (t.type === 'and') {
        this.next();
        children.push(this.parseUnary('AND'));
      } else if (Parser.startsUnary(t)) {
        children.push(this.parseUnary(undefined));
      } else {
        break;
      }
    }
    return combine('and', children);
  }

  private parseUnary(after: string | undefined): QueryNode {
    const t = this.peek();
    if (t.type === 'not') {
      this.next();
      const node: NotNode = { kind: 'not', child: this.parseUnary('NOT'), position: t.position };
      return node;
    }
    if (t.type === 'minus') {
      this.next();
      const node: NotNode = { kind: 'not', child: this.parseNear('"-"'), position: t.position };
      return node;
    }
    return this.parseNear(after);
  }

  private parseNear(after: string | undefined): QueryNode {
    const left = this.parsePrimary(after);
    const near = this.peek();
    if (near.type !== 'near') return left;
    const distance = near.distance ?? DEFAULT_NEAR_DISTANCE;
    const label = near.distance === undefined ? 'NEAR' : `NEAR/${near.distance}`;
    if (left.kind !== 'term' && left.kind !== 'phrase' && !(left.kind === 'prefix' && left.field === undefined)) {
      throw new QuerySyntaxError(near.position, 'an operator (AND, OR, NOT), a term or the end of the query', `${label} joins two words or phrases, not filters or groups`);
    }
    this.next();
    const t = this.peek();
    if (t.type !== 'word' && t.type !== 'phrase') {
      const what = t.type === 'eof' ? 'the end of the query' : t.type === 'near' ? 'another NEAR' : `"${t.type}"`;
      throw new QuerySyntaxError(t.position, `a word or phrase after ${label}`, `found ${what}`);
    }
    const right = this.parsePrimary(label) as TermNode | PhraseNode | PrefixNode;
    if (this.peek().type === 'near') {
      throw new QuerySyntaxError(this.peek().position, 'an operator (AND, OR, NOT), a term or the end of the query', 'NEAR joins exactly two operands; combine several with AND');
    }
    const node: NearNode = { kind: 'near', distance, children: [left, right], position: near.position };
    return node;
  }

  private parsePrimary(after: string | undefined): QueryNode {
    const t = this.peek();
    switch (t.type) {
      case 'word':
        this.next();
        if (t.wildcard) return { kind: 'prefix', prefix: this.checkPrefix(t.value, t.position), position: t.position };
        return { kind: 'term', value: t.value, position: t.position };
      case 'phrase':
        this.next();
        return { kind: 'phrase', value: t.value, position: t.position };
      case 'field': {
        const { name: field, type } = this.field(t.field, t.position);
        this.next();
        if (type !== 'keyword') {
          if (t.wildcard) throw new QuerySyntaxError(t.valuePosition + t.value.length, `a ${type === 'number' ? 'number' : 'date'} after "${field}:"`, 'wildcards apply to words and text fields only');
          const bound = this.bound(type, t.value, t.valuePosition, field);
          return rangeNode(field, type, t.position, lowerOf(bound, true), upperOf(bound, true));
        }
        if (t.wildcard) {
          const node: PrefixNode = { kind: 'prefix', prefix: this.checkPrefix(t.value, t.valuePosition), field, position: t.position };
          return node;
        }
        const node: FieldNode = { kind: 'field', field, value: t.value, quoted: t.quoted, position: t.position };
        return node;
      }
      case 'compare': {
        const { name: field, type } = this.rangeField(t.field, t.position);
        this.next();
        const bound = this.bound(type, t.value, t.valuePosition, field);
        const inclusive = t.op.length === 2;
        return t.op[0] === '>'
          ? rangeNode(field, type, t.position, lowerOf(bound, inclusive), undefined)
          : rangeNode(field, type, t.position, undefined, upperOf(bound, inclusive));
      }
      case 'range': {
        const { name: field, type } = this.rangeField(t.field, t.position);
        this.next();
        const lower = this.openOr(type, t.lower, field);
        const upper = this.openOr(type, t.upper, field);
        return rangeNode(field, type, t.position, lower && lowerOf(lower, true), upper && upperOf(upper, true));
      }
      case 'lparen': {
        this.next();
        if (this.peek().type === 'rparen') {
          throw new QuerySyntaxError(this.peek().position, OPERAND, 'empty parentheses');
        }
        this.depth++;
        const inner = this.parseOr(undefined);
        this.depth--;
        const close = this.peek();
        if (close.type !== 'rparen') {
          throw new QuerySyntaxError(close.position, 'a closing ")"', `the "(" at position ${t.position} is never closed`);
        }
        this.next();
        return inner;
      }
      default: {
        if (t.type === 'near') throw new QuerySyntaxError(t.position, OPERAND, 'NEAR needs a word or phrase on its left');
        // An operator, ")" or the end where an operand was required.
        if (t.type === 'rparen' && this.depth === 0) throw Parser.strayParen(t.position);
        const what = TOKEN_LABELS[t.type] ?? `"${t.type}"`;
        if (after !== undefined) {
          throw new QuerySyntaxError(t.position, `${OPERAND} after ${after}`, `found ${what}`);
        }
        const hint = t.type === 'and' || t.type === 'or' ? `${t.type.toUpperCase()} needs an operand on its left` : `found ${what}`;
        throw new QuerySyntaxError(t.position, OPERAND, hint);
      }
    }
  }

  private field(name: string, position: number): { name: string; type: QueryFieldType } {
    const spec = this.fieldsByLowerName.get(name.toLowerCase());
    if (spec === undefined) {
      const names = this.fieldNames;
      const expected = names.length ? `one of the fields ${names.join(', ')}` : 'a term (no field filters are available here)';
      throw new QuerySyntaxError(position, expected, `unknown field "${name}"; put the text in quotes to search for it literally`);
    }
    return spec;
  }

  private rangeField(name: string, position: number): { name: string; type: 'number' | 'date' } {
    const spec = this.field(name, position);
    if (spec.type === 'keyword') {
      const ranged = [...this.fieldsByLowerName.values()].filter((f) => f.type !== 'keyword').map((f) => f.name);
      throw new QuerySyntaxError(position, ranged.length ? `a numeric or date field (${ranged.join(', ')})` : 'a field filter field:value', `"${spec.name}" takes values, not comparisons or ranges`);
    }
    return { name: spec.name, type: spec.type };
  }

  private checkPrefix(prefix: string, position: number): string {
    const chars = [...prefix.replace(/^[#@]/, '')].length;
    if (chars < MIN_PREFIX_CHARS) {
      throw new QuerySyntaxError(position, `at least ${MIN_PREFIX_CHARS} characters before "*"`, 'shorter wildcards would match too much');
    }
    return prefix;
  }

  private now(): number {
    return (this.nowMs ??= this.clock().getTime());
  }

  private bound(type: 'number' | 'date', value: string, position: number, field: string): ParsedBound {
    if (type === 'number') {
      if (!NUMBER.test(value)) throw new QuerySyntaxError(position, `a number for "${field}"`, `"${value}" is not a number`);
      return { value, ms: Number(value), day: false };
    }
    const relative = RELATIVE.exec(value);
    if (relative) {
      const [, sign, amount, unit] = relative;
      if (sign === undefined) return { value, ms: this.now(), day: false };
      const unitMs = UNIT_MS[unit];
      const unitPosition = position + 4 + amount.length;
      if (unit === '') throw new QuerySyntaxError(unitPosition, 'a unit (s, m, h, d or w)', `write e.g. now-${amount}d`);
      if (unitMs === undefined) throw new QuerySyntaxError(unitPosition, 'a unit (s, m, h, d or w)', `unknown unit "${unit}"`);
      return { value, ms: this.now() + (sign === '-' ? -1 : 1) * Number(amount) * unitMs, day: false };
    }
    if (/^now./.test(value)) throw new QuerySyntaxError(position + 3, 'an offset such as now-7d', '"now" can only be followed by +n or -n and a unit');
    const invalid = () => new QuerySyntaxError(position, `a date for "${field}" (2026-11-01, 2026-11-01T10:00:00Z or now-7d)`, `"${value}" is not a valid date`);
    if (DATE_ONLY.test(value)) {
      const ms = Date.parse(`${value}T00:00:00Z`);
      if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) throw invalid();
      return { value, ms, day: true };
    }
    const dateTime = DATE_TIME.exec(value);
    if (!dateTime) throw invalid();
    // A time without a zone is UTC (never the server's local time).
    const ms = Date.parse(dateTime[6] === undefined ? `${value}Z` : value);
    if (Number.isNaN(ms) || Number(dateTime[2]) > 23 || Number(dateTime[3]) > 59) throw invalid();
    return { value, ms, day: false };
  }

  private openOr(type: 'number' | 'date', token: RangeBoundToken, field: string): ParsedBound | undefined {
    return token.value === '*' ? undefined : this.bound(type, token.value, token.position, field);
  }
}

interface ParsedBound {
  readonly value: string;
  readonly ms: number;
  /** A date-only value: the bound stands for a whole UTC day. */
  readonly day: boolean;
}

// A date-only lower bound starts its day (or, exclusive, the next one); a date-only upper
// bound ends its day (or, exclusive, the previous one): both become half-open instants.
function lowerOf(bound: ParsedBound, inclusive: boolean): RangeBound {
  return bound.day ? { value: bound.value, resolved: inclusive ? bound.ms : bound.ms + DAY_MS, inclusive: true } : { value: bound.value, resolved: bound.ms, inclusive };
}

function upperOf(bound: ParsedBound, inclusive: boolean): RangeBound {
  return bound.day ? { value: bound.value, resolved: inclusive ? bound.ms + DAY_MS : bound.ms, inclusive: false } : { value: bound.value, resolved: bound.ms, inclusive };
}

function rangeNode(field: string, type: 'number' | 'date', position: number, lower: RangeBound | undefined, upper: RangeBound | undefined): RangeNode {
  return { kind: 'range', field, type, position, ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
}

function combine(kind: 'and' | 'or', children: QueryNode[]): QueryNode {
  if (children.length === 1) return children[0];
  const flat: QueryNode[] = [];
  for (const c of children) {
    if (c.kind === kind) flat.push(...c.children);
    else flat.push(c);
  }
  const node: AndNode | OrNode = { kind, children: flat };
  return node;
}
