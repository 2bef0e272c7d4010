import { silentLogger } from '@cxm/platform-logging';
import { describeWithRealInfrastructure, uniqueNamespace } from '@cxm/testing';
import { Client } from '@elastic/elasticsearch';
import { describeMentionIndexContract } from '../contract/mention-index.contract';
import { ElasticsearchMentionIndex } from './elasticsearch-mention-index.adapter';

jest.setTimeout(60_000);

describeWithRealInfrastructure('Elasticsearch mention index', ({ elasticsearchUrl }) => {
  describeMentionIndexContract('elasticsearch', () => {
    const namespace = uniqueNamespace('idx-');
    return {
      open: async () => new ElasticsearchMentionIndex({ node: elasticsearchUrl, namespace, logger: silentLogger() }),
      cleanup: async () => {
        const client = new Client({ node: elasticsearchUrl });
        await client.indices.delete({ index: `${namespace}mentions-v*`, ignore_unavailable: true, allow_no_indices: true });
        await client.indices.deleteIndexTemplate({ name: `${namespace}mentions` }).catch(() => undefined);
        await client.close();
      },
    };
  });
});
