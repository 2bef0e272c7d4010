import { CollectionDefinition } from '@cxm/platform-store';

/** A named topic of a tenant's taxonomy: a boolean query in the Explorer's query language. */
export interface TaxonomyTopic {
  /** The topic's name is its id within the tenant. */
  id: string;
  tenantId: string;
  query: string;
  description?: string;
  updatedAt: string;
  /** Set when the topic was removed (the store keeps documents; a removed topic matches nothing). */
  removedAt?: string;
}

export const TAXONOMY_TOPICS: CollectionDefinition = { name: 'classifier_taxonomy_topics', indexes: [] };

/** Fields a topic query may filter on, besides words and phrases: what is known once a mention is classified. */
export const TOPIC_QUERY_FIELDS = ['lang', 'sentiment', 'intent', 'channel', 'author'];
