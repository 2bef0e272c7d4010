import { parseQuery, QuerySyntaxError, type QueryNode } from './index';

const FIELDS = { fields: ['lang', 'sentiment', 'intent', 'channel'] };
const parse = (q: string): QueryNode => parseQuery(q, FIELDS);

/** Compact rendering of an AST for readable expectations. */
function show(node: QueryNode): string {
  switch (node.kind) {
    case 'all':
      return '*ALL*';
    case 'term':
      return node.value;
    case 'phrase':
      return JSON.stringify(node.value);
    case 'field':
      return `${node.field}:${node.quoted ? JSON.stringify(node.value) : node.value}`;
    case 'not':
      return `NOT(${show(node.child)})`;
    case 'and':
    case 'or':
      return `${node.kind.toUpperCase()}(${node.children.map(show).join(' ')})`;
  }
}

function syntaxError(q: string, options = FIELDS): QuerySyntaxError {
  try {
    parseQuery(q, options);
  } catch (e) {
    expect(e).toBeInstanceOf(QuerySyntaxError);
    expect(e).toBeInstanceOf(Error);
    return e as QuerySyntaxError;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(q)}`);
}

describe('parseQuery', () => {
  describe('empty input', () => {
    it.each(['', ' ', '  \t\n ', '\u3000'])('parses %j to match-all', (q) => {
      expect(parse(q)).toEqual({ kind: 'all' });
    });
  });

  describe('terms and implicit AND', () => {
    it('parses a single term with its position', () => {
      expect(parse('  battery')).toEqual({ kind: 'term', value: 'battery', position: 2 });
    });

    it('joins juxtaposed words with AND', () => {
      expect(parse('battery drains fast')).toEqual({
        kind: 'and',
        children: [
          { kind: 'term', value: 'battery', position: 0 },
          { kind: 'term', value: 'drains', position: 8 },
          { kind: 'term', value: 'fast', position: 15 },
        ],
      });
    });

    it('treats lowercase and/or/not and mixed case as plain words', () => {
      expect(show(parse('cats and dogs or not mice Or Not'))).toBe('AND(cats and dogs or not mice Or Not)');
    });

    it('keeps the raw text of terms (normalisation is the matcher’s job)', () => {
      expect(parse('#Battery')).toEqual({ kind: 'term', value: '#Battery', position: 0 });
      expect(show(parse('e-mail @Acme_Support 東京都'))).toBe('AND(e-mail @Acme_Support 東京都)');
    });

    it('treats a phrase glued to a word as a separate operand', () => {
      expect(show(parse('foo"bar baz"'))).toBe('AND(foo "bar baz")');
    });
  });

  describe('phrases', () => {
    it('parses a phrase with the position of its opening quote', () => {
      expect(parse('x "battery life"')).toEqual({
        kind: 'and',
        children: [
          { kind: 'term', value: 'x', position: 0 },
          { kind: 'phrase', value: 'battery life', position: 2 },
        ],
      });
    });

    it('keeps operators, parentheses and reserved characters literal inside quotes', () => {
      expect(show(parse('"a OR (b) NOT c* [x]"'))).toBe('"a OR (b) NOT c* [x]"');
    });

    it('unescapes \\" and \\\\ and keeps other backslashes', () => {
      expect(parse('"say \\"hi\\" to C:\\path\\\\"')).toEqual({
        kind: 'phrase',
        value: 'say "hi" to C:\\path\\',
        position: 0,
      });
    });

    it('accepts an empty phrase', () => {
      expect(parse('""')).toEqual({ kind: 'phrase', value: '', position: 0 });
    });
  });

  describe('operators', () => {
    it('parses explicit AND', () => {
      expect(show(parse('a AND b AND c'))).toBe('AND(a b c)');
    });

    it('parses OR', () => {
      expect(show(parse('a OR b OR c'))).toBe('OR(a b c)');
    });

    it('parses NOT with its position', () => {
      expect(parse('NOT spam')).toEqual({
        kind: 'not',
        position: 0,
        child: { kind: 'term', value: 'spam', position: 4 },
      });
    });

    it('parses the minus prefix on terms, phrases, fields and groups', () => {
      expect(parse('-spam')).toEqual({ kind: 'not', position: 0, child: { kind: 'term', value: 'spam', position: 1 } });
      expect(show(parse('a -"b c" -lang:en -(d OR e)'))).toBe('AND(a NOT("b c") NOT(lang:en) NOT(OR(d e)))');
    });

    it('treats a lone or inner "-" as a word', () => {
      expect(show(parse('a - b'))).toBe('AND(a - b)');
      expect(show(parse('e-mail'))).toBe('e-mail');
    });

    it('allows double negation', () => {
      expect(show(parse('NOT NOT a'))).toBe('NOT(NOT(a))');
    });

    it('recognises operators next to parentheses', () => {
      expect(show(parse('(a)OR(b)'))).toBe('OR(a b)');
    });
  });

  describe('precedence: NOT > AND > OR', () => {
    it.each([
      ['a OR b c', 'OR(a AND(b c))'],
      ['a b OR c', 'OR(AND(a b) c)'],
      ['a OR b AND c', 'OR(a AND(b c))'],
      ['a AND b OR c AND d', 'OR(AND(a b) AND(c d))'],
      ['NOT a b', 'AND(NOT(a) b)'],
      ['NOT a OR b', 'OR(NOT(a) b)'],
      ['a OR NOT b c', 'OR(a AND(NOT(b) c))'],
      ['-a OR b', 'OR(NOT(a) b)'],
      ['a NOT b', 'AND(a NOT(b))'],
      ['(a OR b) c', 'AND(OR(a b) c)'],
      ['NOT (a OR b)', 'NOT(OR(a b))'],
      ['a (b OR (c d))', 'AND(a OR(b AND(c d)))'],
    ])('%s  =>  %s', (q, expected) => {
      expect(show(parse(q))).toBe(expected);
    });

    it('flattens nested operators of the same kind, including through parentheses', () => {
      expect(show(parse('a (b c) AND d'))).toBe('AND(a b c d)');
      expect(show(parse('(a OR b) OR (c OR d)'))).toBe('OR(a b c d)');
    });
  });

  describe('field filters', () => {
    it('parses field:value with positions', () => {
      expect(parse('x lang:en')).toEqual({
        kind: 'and',
        children: [
          { kind: 'term', value: 'x', position: 0 },
          { kind: 'field', field: 'lang', value: 'en', quoted: false, position: 2 },
        ],
      });
    });

    it('parses field:"quoted value" with escapes', () => {
      expect(parse('intent:"billing \\"dispute\\""')).toEqual({
        kind: 'field',
        field: 'intent',
        value: 'billing "dispute"',
        quoted: true,
        position: 0,
      });
    });

    it('matches field names case-insensitively and reports the canonical name', () => {
      expect(parse('LANG:EN')).toEqual({ kind: 'field', field: 'lang', value: 'EN', quoted: false, position: 0 });
    });

    it('keeps colons and dashes after the first colon in the value', () => {
      expect(show(parse('channel:web:chat intent:cancel-order'))).toBe('AND(channel:web:chat intent:cancel-order)');
    });

    it('does not treat text that is not identifier-colon as a field', () => {
      expect(show(parse('12:30 :x'))).toBe('AND(12:30 :x)');
    });

    it('combines fields with operators', () => {
      expect(show(parse('(lang:en OR lang:fr) -sentiment:negative refund'))).toBe(
        'AND(OR(lang:en lang:fr) NOT(sentiment:negative) refund)',
      );
    });
  });

  describe('syntax errors', () => {
    it.each([
      // [query, position, expected]
      ['"battery life', 13, 'a closing \'"\''],
      ['a "unclosed \\"', 2 + 12, 'a closing \'"\''],
      ['lang:"en', 8, 'a closing \'"\''],
      ['(a OR b', 7, 'a closing ")"'],
      ['((a) OR (b c)', 13, 'a closing ")"'],
      ['a b)', 3, 'an operator, a term or the end of the query'],
      [')', 0, 'an operator, a term or the end of the query'],
      ['(a))', 3, 'an operator, a term or the end of the query'],
      ['a AND', 5, 'a term, phrase, field filter or "(" after AND'],
      ['a OR', 4, 'a term, phrase, field filter or "(" after OR'],
      ['NOT', 3, 'a term, phrase, field filter or "(" after NOT'],
      ['a NOT', 5, 'a term, phrase, field filter or "(" after NOT'],
      ['a AND OR b', 6, 'a term, phrase, field filter or "(" after AND'],
      ['a OR AND b', 5, 'a term, phrase, field filter or "(" after OR'],
      ['(a OR) b', 5, 'a term, phrase, field filter or "(" after OR'],
      ['AND a', 0, 'a term, phrase, field filter or "("'],
      ['OR a', 0, 'a term, phrase, field filter or "("'],
      ['a (OR b)', 3, 'a term, phrase, field filter or "("'],
      ['-AND', 1, 'a term, phrase, field filter or "(" after "-"'],
      ['()', 1, 'a term, phrase, field filter or "("'],
      ['lang:', 5, 'a value after "lang:"'],
      ['x lang: en', 7, 'a value after "lang:"'],
      ['(lang:)', 6, 'a value after "lang:"'],
      ['lang:(en OR fr)', 5, 'a value after "lang:"'],
    ])('%j fails at position %d expecting %s', (q, position, expected) => {
      const err = syntaxError(q);
      expect(err.position).toBe(position);
      expect(err.expected).toBe(expected);
      expect(err.message.startsWith(`Syntax error at position ${position}: expected ${expected}`)).toBe(true);
    });

    it('formats the message as documented', () => {
      expect(syntaxError('(battery OR').message).toBe(
        'Syntax error at position 11: expected a term, phrase, field filter or "(" after OR (found the end of the query)',
      );
      expect(syntaxError('(battery life').message).toBe(
        'Syntax error at position 13: expected a closing ")" (the "(" at position 0 is never closed)',
      );
      expect(syntaxError('(a b').name).toBe('QuerySyntaxError');
    });

    it('reports an unknown field at the field position, listing the allowed fields', () => {
      const err = syntaxError('battery country:fr');
      expect(err.position).toBe(8);
      expect(err.expected).toBe('one of the fields lang, sentiment, intent, channel');
      expect(err.message).toContain('unknown field "country"');
    });

    it('rejects every field when no fields are allowed', () => {
      const err = syntaxError('lang:en', {} as typeof FIELDS);
      expect(err.position).toBe(0);
      expect(err.expected).toBe('a term (no field filters are available here)');
    });

    it('allows the literal text of an unknown field when quoted', () => {
      expect(parse('"country:fr"')).toEqual({ kind: 'phrase', value: 'country:fr', position: 0 });
    });

    describe('syntax reserved for later is rejected, not misread', () => {
      it.each([
        ['batt*', 4, 'wildcards'],
        ['*', 0, 'wildcards'],
        ['lang:e*', 6, 'wildcards'],
        ['date:[now-7d TO now]', 5, 'ranges'],
        ['a [b]', 2, 'ranges'],
        ['a]', 1, 'ranges'],
        ['sentiment:>0.5', 10, 'numeric comparisons'],
        ['sentiment:<3', 10, 'numeric comparisons'],
        ['battery NEAR/3 charger', 8, 'NEAR'],
        ['battery NEAR charger', 8, 'NEAR'],
      ])('%j → error at %d mentioning %s', (q, position, mention) => {
        const err = syntaxError(q);
        expect(err.position).toBe(position);
        expect(err.message).toContain(mention);
      });

      it('accepts those characters inside quotes and lowercase "near" as a word', () => {
        expect(show(parse('"5* [deal]" near'))).toBe('AND("5* [deal]" near)');
      });
    });
  });
});
