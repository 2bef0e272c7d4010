import type { QueryNode } from '@cxm/query';
import { IndexRebuild, MentionDocument, MentionIndex, SearchPage, SearchResult } from '../mention-index.port';

/**
 * The mention index of a thread that must not have one (ADR 0028): in the all-in-one the index
 * lives in the lifecycle thread with the explorer, and the front door's thread (ingest) never
 * searches. Opening the embedded index there too would load and journal it twice; any call here is
 * a wiring mistake and says so.
 */
export class AbsentMentionIndex implements MentionIndex {
  constructor(private readonly whereItIs: string) {}

  upsert(_doc: MentionDocument): Promise<void> {
    return this.refuse('upsert');
  }
  get(_tenantId: string, _id: string): Promise<MentionDocument | undefined> {
    return this.refuse('get');
  }
  search(_tenantId: string, _query: QueryNode, _page: SearchPage): Promise<SearchResult> {
    return this.refuse('search');
  }
  remove(_tenantId: string, _id: string): Promise<void> {
    return this.refuse('remove');
  }
  rebuild(): Promise<IndexRebuild> {
    return this.refuse('rebuild');
  }
  flush(): Promise<void> {
    return this.refuse('flush');
  }
  async close(): Promise<void> {
    // nothing was opened
  }

  private refuse(operation: string): Promise<never> {
    return Promise.reject(new Error(`this thread has no mention index (${operation}): it lives in the ${this.whereItIs}`));
  }
}
