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
    case 'near':
      return `NEAR/${node.distance}(${node.children.map(show).join(' ')})`;
    case 'prefix':
      return `${node.field ? `${node.field}:` : ''}${node.prefix}*`;
    case 'range': {
      const lower = node.lower ? `${node.lower.inclusive ? '[' : '('}${node.lower.resolved}` : '(*';
      const upper = node.upper ? `${node.upper.resolved}${node.upper.inclusive ? ']' : ')'}` : '*)';
      return `${node.field}${lower},${upper}`;
    }
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

    it('accepts reserved characters inside quotes and lowercase "near" as a word', () => {
      expect(show(parse('"5* [deal]" near'))).toBe('AND("5* [deal]" near)');
    });
  });

  describe('NEAR, wildcards and ranges', () => {
    const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
    const DAY = 86_400_000;
    const RFIELDS = { fields: [...FIELDS.fields, { name: 'followers', type: 'number' as const }, { name: 'date', type: 'date' as const }], now: () => new Date(NOW) };
    const rparse = (q: string) => show(parseQuery(q, RFIELDS));
    const rerror = (q: string) => syntaxError(q, RFIELDS as unknown as typeof FIELDS);

    it.each([
      ['battery NEAR/3 charger', 'NEAR/3(battery charger)'],
      ['battery NEAR charger', 'NEAR/5(battery charger)'],
      ['"battery life" NEAR/2 charger', 'NEAR/2("battery life" charger)'],
      ['batt* NEAR/1 char*', 'NEAR/1(batt* char*)'],
      ['a b NEAR c d', 'AND(a NEAR/5(b c) d)'],
      ['a AND b NEAR/2 c', 'AND(a NEAR/2(b c))'],
      ['a OR b NEAR/2 "c d"', 'OR(a NEAR/2(b "c d"))'],
      ['NOT a NEAR b', 'NOT(NEAR/5(a b))'],
      ['-a NEAR b', 'NOT(NEAR/5(a b))'],
      ['(a NEAR b) OR c', 'OR(NEAR/5(a b) c)'],
    ])('parses NEAR: %j → %s', (q, expected) => {
      expect(rparse(q)).toBe(expected);
    });

    it('keeps the NEAR position and distance in the AST', () => {
      expect(parse('battery NEAR/12 charger')).toEqual({
        kind: 'near',
        distance: 12,
        position: 8,
        children: [
          { kind: 'term', value: 'battery', position: 0 },
          { kind: 'term', value: 'charger', position: 16 },
        ],
      });
    });

    it.each([
      ['batt*', 'batt*'],
      ['#batt*', '#batt*'],
      ['бата*', 'бата*'],
      ['แบต*', 'แบต*'],
      ['(batt*) -charg*', 'AND(batt* NOT(charg*))'],
      ['channel:red*', 'channel:red*'],
      ['Channel:RED*', 'channel:RED*'],
      ['channel:"red*"', 'channel:"red*"'],
    ])('parses wildcards: %j → %s', (q, expected) => {
      expect(rparse(q)).toBe(expected);
    });

    it('gives prefixes their positions', () => {
      expect(parse('x batt*')).toEqual({ kind: 'and', children: [{ kind: 'term', value: 'x', position: 0 }, { kind: 'prefix', prefix: 'batt', position: 2 }] });
      expect(parse('channel:red*')).toEqual({ kind: 'prefix', prefix: 'red', field: 'channel', position: 0 });
    });

    it.each([
      ['followers:>10000', 'followers(10000,*)'],
      ['followers:>=10000', 'followers[10000,*)'],
      ['followers:<500', 'followers(*,500)'],
      ['followers:<=500', 'followers(*,500]'],
      ['followers:[100 TO 1000]', 'followers[100,1000]'],
      ['Followers:[  100   TO 1000 ]', 'followers[100,1000]'],
      ['followers:[* TO 1000]', 'followers(*,1000]'],
      ['followers:[100 TO *]', 'followers[100,*)'],
      ['followers:[* TO *]', 'followers(*,*)'],
      ['followers:42', 'followers[42,42]'],
      ['followers:>1.5', 'followers(1.5,*)'],
      ['battery followers:>10000 -followers:[1 TO 5]', 'AND(battery followers(10000,*) NOT(followers[1,5]))'],
    ])('parses numeric ranges: %j → %s', (q, expected) => {
      expect(rparse(q)).toBe(expected);
    });

    it.each([
      ['date:[2026-11-01 TO 2026-11-20]', `date[${Date.UTC(2026, 10, 1)},${Date.UTC(2026, 10, 21)})`],
      ['date:[now-7d TO now]', `date[${NOW - 7 * DAY},${NOW}]`],
      ['date:>now-24h', `date(${NOW - DAY},*)`],
      ['date:>=now-90m', `date[${NOW - 90 * 60_000},*)`],
      ['date:<now-30s', `date(*,${NOW - 30_000})`],
      ['date:[now-2w TO now+1d]', `date[${NOW - 14 * DAY},${NOW + DAY}]`],
      ['date:>2026-11-01', `date[${Date.UTC(2026, 10, 2)},*)`],
      ['date:>=2026-11-01', `date[${Date.UTC(2026, 10, 1)},*)`],
      ['date:<2026-11-01', `date(*,${Date.UTC(2026, 10, 1)})`],
      ['date:<=2026-11-01', `date(*,${Date.UTC(2026, 10, 2)})`],
      ['date:2026-11-01', `date[${Date.UTC(2026, 10, 1)},${Date.UTC(2026, 10, 2)})`],
      ['date:[2026-11-01T10:00 TO 2026-11-01T12:30:15.5Z]', `date[${Date.UTC(2026, 10, 1, 10)},${Date.UTC(2026, 10, 1, 12, 30, 15, 500)}]`],
      ['date:>2026-11-01T10:00:00+02:00', `date(${Date.UTC(2026, 10, 1, 8)},*)`],
    ])('parses date ranges with the injected clock: %j → %s', (q, expected) => {
      expect(rparse(q)).toBe(expected);
    });

    it('reads the clock once per parse, so every "now" in a query is the same instant', () => {
      let calls = 0;
      const ast = parseQuery('date:[now-1d TO now] OR date:>now-1h', { ...RFIELDS, now: () => new Date(NOW + calls++) });
      expect(calls).toBe(1);
      expect(show(ast)).toBe(`OR(date[${NOW - DAY},${NOW}] date(${NOW - 3_600_000},*))`);
    });

    it('keeps the typed bound and the field position', () => {
      expect(parseQuery('x date:>now-1d', RFIELDS)).toEqual({
        kind: 'and',
        children: [
          { kind: 'term', value: 'x', position: 0 },
          { kind: 'range', field: 'date', type: 'date', position: 2, lower: { value: 'now-1d', resolved: NOW - DAY, inclusive: false } },
        ],
      });
    });

    it.each([
      // [query, position, expected]
      ['b*', 0, 'at least 2 characters before "*"'],
      ['#b*', 0, 'at least 2 characters before "*"'],
      ['*', 0, 'at least 2 characters before "*"'],
      ['x channel:r*', 10, 'at least 2 characters before "*"'],
      ['ba*t', 2, 'a term, phrase or field filter'],
      ['a [b]', 2, 'a term, phrase or field filter'],
      ['a]', 1, 'a term, phrase or field filter'],
      ['battery NEAR', 12, 'a word or phrase after NEAR'],
      ['battery NEAR/3', 14, 'a word or phrase after NEAR/3'],
      ['battery NEAR/3 (charger)', 15, 'a word or phrase after NEAR/3'],
      ['battery NEAR/3 lang:en', 15, 'a word or phrase after NEAR/3'],
      ['battery NEAR/3 OR x', 15, 'a word or phrase after NEAR/3'],
      ['battery NEAR/0 charger', 13, 'a distance from 1 to 1000 after "NEAR/"'],
      ['battery NEAR/x charger', 13, 'a distance from 1 to 1000 after "NEAR/"'],
      ['battery NEAR/ charger', 13, 'a distance from 1 to 1000 after "NEAR/"'],
      ['battery NEAR/1001 charger', 13, 'a distance from 1 to 1000 after "NEAR/"'],
      ['NEAR battery', 0, 'a term, phrase, field filter or "("'],
      ['lang:en NEAR battery', 8, 'an operator (AND, OR, NOT), a term or the end of the query'],
      ['(a b) NEAR c', 6, 'an operator (AND, OR, NOT), a term or the end of the query'],
      ['a NEAR b NEAR c', 9, 'an operator (AND, OR, NOT), a term or the end of the query'],
      ['followers:>abc', 11, 'a number for "followers"'],
      ['followers:[1O0 TO 5]', 11, 'a number for "followers"'],
      ['followers:>', 11, 'a number or date after "followers:>"'],
      ['followers:=5', 10, 'a value, or a comparison (>, >=, <, <=) after "followers:"'],
      ['followers:[100 1000]', 15, '"TO" between the bounds'],
      ['followers:[100 to 1000]', 15, '"TO" between the bounds'],
      ['followers:[100 TO 1000', 22, 'a closing "]"'],
      ['followers:[100 TO', 17, 'a closing "]"'],
      ['followers:[', 11, 'a closing "]"'],
      ['followers:[100 TO ]', 18, 'an upper bound (a number, a date or *)'],
      ['followers:[ TO 5]', 12, 'a lower bound (a number, a date or *)'],
      ['followers:[1 TO TO]', 16, 'an upper bound (a number, a date or *)'],
      ['followers:[1 TO 2 3]', 18, 'a closing "]"'],
      ['followers:ab*', 12, 'a number after "followers:"'],
      ['sentiment:>0.5', 0, 'a numeric or date field (followers, date)'],
      ['lang:[a TO b]', 0, 'a numeric or date field (followers, date)'],
      ['country:>5', 0, 'one of the fields lang, sentiment, intent, channel, followers, date'],
      ['date:[now-7y TO now]', 11, 'a unit (s, m, h, d or w)'],
      ['date:>now-24', 12, 'a unit (s, m, h, d or w)'],
      ['date:>now/d', 9, 'an offset such as now-7d'],
      ['date:[2026-13-01 TO now]', 6, 'a date for "date" (2026-11-01, 2026-11-01T10:00:00Z or now-7d)'],
      ['date:<2026-02-30', 6, 'a date for "date" (2026-11-01, 2026-11-01T10:00:00Z or now-7d)'],
      ['date:>yesterday', 6, 'a date for "date" (2026-11-01, 2026-11-01T10:00:00Z or now-7d)'],
      ['date:[now TO now', 16, 'a closing "]"'],
    ])('%j fails at position %d expecting %s', (q, position, expected) => {
      const err = rerror(q);
      expect(err.position).toBe(position);
      expect(err.expected).toBe(expected);
    });

    it('explains unknown units and the NEAR distance in the message', () => {
      expect(rerror('date:>now-3y').message).toContain('unknown unit "y"');
      expect(rerror('a NEAR/0 b').message).toContain('at most 3 words between');
    });
  });
});
