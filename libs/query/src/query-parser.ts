import type { AndNode, FieldNode, NotNode, OrNode, QueryNode } from './query-ast';
import { QuerySyntaxError } from './query-syntax-error';
import { tokenizeQuery, type QueryToken } from './query-tokenizer';

export interface ParseQueryOptions {
  /**
   * Field names allowed in `field:value` filters. Matching of the name in the
   * query is case-insensitive (`Lang:en` works); the AST carries the spelling
   * given here. Default: none (every `name:value` is an unknown-field error).
   */
  readonly fields?: readonly string[];
}

/*
 * Grammar (precedence NOT > AND (explicit or implicit) > OR):
 *
 *   query   := ε | or EOF
 *   or      := and ( "OR" and )*
 *   and     := unary ( "AND"? unary )*
 *   unary   := "NOT" unary | "-" primary | primary
 *   primary := WORD | PHRASE | FIELD | "(" or ")"
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
  return new Parser(tokenizeQuery(input), options.fields ?? []).parse();
}

class Parser {
  private index = 0;
  private depth = 0; // open parentheses
  private readonly fieldsByLowerName = new Map<string, string>();

  constructor(
    private readonly tokens: readonly QueryToken[],
    private readonly fields: readonly string[],
  ) {
    for (const f of fields) this.fieldsByLowerName.set(f.toLowerCase(), f);
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
    return t.type === 'word' || t.type === 'phrase' || t.type === 'field' || t.type === 'lparen' || t.type === 'not' || t.type === 'minus';
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
      const node: NotNode = { kind: 'not', child: this.parsePrimary('"-"'), position: t.position };
      return node;
    }
    return this.parsePrimary(after);
  }

  private parsePrimary(after: string | undefined): QueryNode {
    const t = this.peek();
    switch (t.type) {
      case 'word':
        this.next();
        return { kind: 'term', value: t.value, position: t.position };
      case 'phrase':
        this.next();
        return { kind: 'phrase', value: t.value, position: t.position };
      case 'field': {
        const field = this.fieldsByLowerName.get(t.field.toLowerCase());
        if (field === undefined) {
          const expected = this.fields.length
            ? `one of the fields ${this.fields.join(', ')}`
            : 'a term (no field filters are available here)';
          throw new QuerySyntaxError(t.position, expected, `unknown field "${t.field}"; put the text in quotes to search for it literally`);
        }
        this.next();
        const node: FieldNode = { kind: 'field', field, value: t.value, quoted: t.quoted, position: t.position };
        return node;
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
