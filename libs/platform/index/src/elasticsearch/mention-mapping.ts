import { SEARCH_FIELDS } from '../mention-index.port';

/** Bump when the mapping changes: a new versioned index is created and filled by reindexing. */
export const MENTION_MAPPING_VERSION = 3;

const keyword = { type: 'keyword' };
const tokens = { type: 'text', analyzer: 'standard', norms: false, index_options: 'positions' };

/**
 * The mention index mapping. Strict, so a field added to MentionDocument without a mapping fails
 * loudly in tests instead of being guessed by dynamic mapping. Uses only what the Elasticsearch
 * server ships without modules (standard analyzer, keyword, date, numbers, spans).
 */
export function mentionMapping(): Record<string, unknown> {
  return {
    dynamic: 'strict',
    properties: {
      id: keyword,
      tenantId: keyword,
      version: { type: 'long' },
      channel: keyword,
      externalId: keyword,
      text: { type: 'text', analyzer: 'standard', fields: { raw: { type: 'keyword', ignore_above: 256 } } },
      createdAt: { type: 'date' },
      authorId: keyword,
      authorHandle: keyword,
      authorDisplayName: { type: 'text', analyzer: 'standard', fields: { raw: keyword } },
      authorFollowers: { type: 'long' },
      conversationId: keyword,
      target: keyword,
      url: { type: 'keyword', index: false },
      lang: keyword,
      sentiment: keyword,
      sentimentScore: { type: 'float' },
      intent: keyword,
      intents: keyword,
      topics: keyword,
      hashtags: keyword,
      country: keyword,
      priorityScore: { type: 'integer' },
      profileId: keyword,
      caseId: keyword,
      queue: keyword,
      priority: { type: 'integer' },
      tok_exact: tokens,
      tok_bare: tokens,
      filters: { properties: Object.fromEntries(Object.keys(SEARCH_FIELDS).map((name) => [name, keyword])) },
    },
  };
}
