import { Inject, Injectable } from '@nestjs/common';
import { Classification, Mention } from '@cxm/contracts';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { compileMatcher, DocumentMatcher, parseQuery, tokenizeText } from '@cxm/query';
import { TAXONOMY_TOPICS, TaxonomyTopic, TOPIC_QUERY_FIELDS } from './topic';

interface CompiledTopics {
  loadedAt: number;
  topics: { name: string; matches: DocumentMatcher }[];
}

/** How long a replica trusts its copy of a tenant's taxonomy before re-reading it. */
const CACHE_MS = 30_000;
const MAX_TOPICS = 1_000;

/**
 * The tenants' taxonomies, compiled once and cached: matching a mention against them is then a
 * token scan per topic. Changes made through this replica's API apply at once; other replicas
 * pick them up within CACHE_MS.
 */
@Injectable()
export class TopicCatalog {
  private readonly topics: DocumentCollection<TaxonomyTopic>;
  private readonly cache = new Map<string, CompiledTopics>();

  constructor(@Inject(DOCUMENT_STORE) store: DocumentStore) {
    this.topics = store.collection<TaxonomyTopic>(TAXONOMY_TOPICS);
  }

  async topicsOf(mention: Mention, classification: Classification): Promise<string[]> {
    const compiled = await this.compiled(mention.tenantId);
    if (compiled.topics.length === 0) return [];
    const doc = {
      text: mention.text,
      tokens: tokenizeText(mention.text),
      fields: {
        lang: classification.language.code,
        sentiment: classification.sentiment.label,
        intent: (classification.intents ?? [classification.intent]).map((i) => i.label),
        channel: mention.channel,
        author: mention.author.handle,
      },
    };
    return compiled.topics.filter((topic) => topic.matches(doc)).map((topic) => topic.name);
  }

  async list(tenantId: string): Promise<TaxonomyTopic[]> {
    return (await this.topics.find(tenantId, {}, { limit: MAX_TOPICS })).filter((topic) => !topic.removedAt);
  }

  forget(tenantId: string): void {
    this.cache.delete(tenantId);
  }

  private async compiled(tenantId: string): Promise<CompiledTopics> {
    const cached = this.cache.get(tenantId);
    if (cached && Date.now() - cached.loadedAt < CACHE_MS) return cached;
    const topics = (await this.list(tenantId)).map((topic) => ({ name: topic.id, matches: compileMatcher(parseQuery(topic.query, { fields: TOPIC_QUERY_FIELDS })) }));
    const fresh = { loadedAt: Date.now(), topics };
    this.cache.set(tenantId, fresh);
    return fresh;
  }
}
