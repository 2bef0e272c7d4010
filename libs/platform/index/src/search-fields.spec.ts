import { compileMatcher, parseQuery, QuerySyntaxError } from '@cxm/query';
import { MentionDocument, rangeFieldValues, SEARCH_FIELD_NAMES, searchFieldValues } from './mention-index.port';

const NOW = new Date(Date.UTC(2026, 10, 20, 12));
const parse = (q: string) => parseQuery(q, { fields: SEARCH_FIELD_NAMES, now: () => NOW });

const mention: MentionDocument = {
  id: 'm1',
  tenantId: 'acme',
  version: 1,
  channel: 'reddit',
  externalId: 'e1',
  text: 'Şarj İSTANBUL’da bitti #Pil',
  createdAt: '2026-11-19T08:00:00.000Z',
  authorId: 'a1',
  authorHandle: '@Mehmet_TR',
  authorDisplayName: 'Mehmet',
  authorFollowers: 12_000,
  conversationId: 'c1',
  lang: 'tr',
  sentiment: 'negative',
  intent: 'complaint',
  intents: ['complaint', 'crisis'],
  topics: ['Battery life'],
  hashtags: ['#pil'],
  country: 'TR',
};
const matches = (q: string, doc: MentionDocument = mention) => compileMatcher(parse(q))({ text: doc.text, fields: { ...searchFieldValues(doc), ...rangeFieldValues(doc) } });

describe('the search fields every index offers', () => {
  it.each([
    ['lang:tr', 'lang:en'],
    ['sentiment:negative', 'sentiment:positive'],
    ['intent:crisis', 'intent:praise'],
    ['intent:complaint', 'intent:question'],
    ['channel:reddit', 'channel:x'],
    ['channel:red*', 'channel:fa*'],
    ['author:@mehmet_tr', 'author:@mehmet'],
    ['author:Mehmet_TR', 'author:@other'],
    ['author:@meh*', 'author:@ot*'],
    ['topic:"battery life"', 'topic:battery'],
    ['country:tr', 'country:fr'],
    ['COUNTRY:TR', 'country:"T R"'],
    ['followers:>10000', 'followers:<10000'],
    ['date:[now-2d TO now]', 'date:<2026-11-19'],
  ])('%s finds the mention, %s does not', (hit, miss) => {
    expect(matches(hit)).toBe(true);
    expect(matches(miss)).toBe(false);
  });

  it('falls back to the primary intent when a document has no intents list', () => {
    const { intents, ...older } = mention;
    expect(intents).toBeDefined();
    expect(matches('intent:complaint', older)).toBe(true);
    expect(matches('intent:crisis', older)).toBe(false);
  });

  it('offers a handle written without @ under both spellings', () => {
    const plain = { ...mention, authorHandle: 'plainuser' };
    expect(matches('author:plainuser', plain)).toBe(true);
    expect(matches('author:@plainuser', plain)).toBe(true);
  });

  it('combines filters with words by the usual precedence (NEAR > NOT > AND > OR)', () => {
    expect(matches('lang:en OR country:tr şarj')).toBe(true); // lang:en OR (country:tr AND şarj)
    expect(matches('(lang:en OR country:tr) -intent:crisis')).toBe(false);
    expect(matches('-intent:crisis OR şarj NEAR/1 istanbul')).toBe(true);
    expect(matches('NOT lang:tr OR NOT country:tr')).toBe(false);
  });

  it('has no field that names a tenant: scoping is by construction, never by query', () => {
    for (const name of ['tenantId', 'tenant', 'tenantid']) {
      const error = (() => {
        try {
          parse(`${name}:other battery`);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(QuerySyntaxError);
      expect((error as QuerySyntaxError).position).toBe(0);
      expect((error as QuerySyntaxError).expected).toMatch(/^one of the fields lang, sentiment, intent, channel, topic, author, country, followers, date$/);
    }
  });
});
