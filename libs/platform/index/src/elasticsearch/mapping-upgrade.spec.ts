import { silentLogger } from '@cxm/platform-logging';
import { parseQuery } from '@cxm/query';
import { describeWithRealInfrastructure, uniqueNamespace } from '@cxm/testing';
import { Client } from '@elastic/elasticsearch';
import { SEARCH_FIELD_NAMES } from '../mention-index.port';
import { ElasticsearchMentionIndex } from './elasticsearch-mention-index.adapter';
import { MENTION_MAPPING_VERSION, mentionMapping } from './mention-mapping';

jest.setTimeout(60_000);

describeWithRealInfrastructure('Elasticsearch mention index mapping upgrade', ({ elasticsearchUrl }) => {
  const namespace = uniqueNamespace('upg-');
  const client = new Client({ node: elasticsearchUrl });

  afterAll(async () => {
    await client.indices.delete({ index: `${namespace}mentions-v*`, ignore_unavailable: true, allow_no_indices: true });
    await client.indices.deleteIndexTemplate({ name: `${namespace}mentions` }).catch(() => undefined);
    await client.close();
  });

  it('patches an index of the previous mapping version in place, so country and hashtags index and aggregate at once', async () => {
    // The version-2 mapping: today's without the fields version 3 added.
    const { properties } = mentionMapping() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    const { hashtags, country, ...older } = properties;
    expect([hashtags, country]).toEqual([{ type: 'keyword' }, { type: 'keyword' }]);
    const { author, country: countryFilter, ...olderFilters } = older.filters.properties!;
    expect([author, countryFilter]).toBeDefined();
    const previous = `${namespace}mentions-v${MENTION_MAPPING_VERSION - 1}`;
    await client.indices.create({ index: previous, mappings: { dynamic: 'strict', properties: { ...older, filters: { properties: olderFilters } } } as never, aliases: { [`${namespace}mentions`]: { is_write_index: true } } });

    const index = new ElasticsearchMentionIndex({ node: elasticsearchUrl, namespace, logger: silentLogger() });
    try {
      await index.upsert({
        id: 'm1', tenantId: 't', version: 1, channel: 'x', externalId: 'e1', text: 'Şarj bitti #pil', createdAt: '2026-11-20T10:00:00.000Z',
        authorId: 'a', authorHandle: '@mehmet', authorDisplayName: 'Mehmet', conversationId: 'c', hashtags: ['#pil'], country: 'TR',
      });
      await index.flush();
      const q = (text: string) => parseQuery(text, { fields: SEARCH_FIELD_NAMES });
      const found = await index.search('t', q('country:tr author:mehmet'), { limit: 5, aggregations: [{ name: 'tags', type: 'terms', field: 'hashtag' }] });
      expect(found.items.map((d) => d.id)).toEqual(['m1']);
      expect(found.aggregations).toEqual({ tags: { type: 'terms', field: 'hashtag', buckets: [{ key: '#pil', count: 1 }], otherCount: 0 } });
      expect(Object.keys(await client.indices.getAlias({ name: `${namespace}mentions` }))).toEqual([previous]);
    } finally {
      await index.close();
    }
  });
});
