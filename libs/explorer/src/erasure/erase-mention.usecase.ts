import { Inject, Injectable } from '@nestjs/common';
import { conversationKey, createEvent, ErasureRequester } from '@cxm/contracts';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { notFoundProblem } from '@cxm/platform-http';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { MENTION_STORIES, MentionStory } from '../mention-story/mention-story';

export interface ErasureReceipt {
  id: string;
  /** `erasing`: the erasure is durably requested and every service is removing its copy; `erased`: done before. */
  status: 'erasing' | 'erased';
  erasedAt: string;
}

/**
 * Erasure for privacy is an event, not a local delete: every service holding a copy of the
 * mention (or of what it derived from it) consumes `mentions.erased` and deletes it. The
 * explorer's own consumer turns the story into a tombstone and removes the mention from the index.
 * Asking twice publishes the same event (its id derives from the mention), so it is idempotent.
 */
@Injectable()
export class EraseMention {
  private readonly stories: DocumentCollection<MentionStory>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
  ) {
    this.stories = store.collection<MentionStory>(MENTION_STORIES);
  }

  async request(tenantId: string, mentionId: string, requestedBy: ErasureRequester): Promise<ErasureReceipt> {
    const story = (await this.stories.get(tenantId, mentionId))?.doc;
    if (story?.erasedAt) return { id: mentionId, status: 'erased', erasedAt: story.erasedAt };
    if (!story?.mention) throw notFoundProblem(`no mention ${mentionId}`);
    const { mention } = story;
    const erasedAt = new Date().toISOString();
    await this.bus.publish(
      'mentions.erased',
      createEvent('mentions.erased', {
        tenantId,
        correlationId: mentionId,
        key: conversationKey(tenantId, mention.conversationId),
        causationId: `erase/${tenantId}/${mentionId}`,
        payload: { mentionId, conversationId: mention.conversationId, channel: mention.channel, authorId: mention.author.id, requestedBy, erasedAt },
      }),
    );
    return { id: mentionId, status: 'erasing', erasedAt };
  }
}
