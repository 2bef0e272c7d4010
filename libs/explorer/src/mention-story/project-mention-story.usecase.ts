import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, Mention, PayloadOf } from '@cxm/contracts';
import { MENTION_INDEX, MentionDocument, MentionIndex } from '@cxm/platform-index';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, upsertDocument } from '@cxm/platform-store';
import { normalizeText } from '@cxm/query';
import { isDeepStrictEqual } from 'node:util';
import { laterStage, MENTION_STORIES, MentionStory, StoryReply } from './mention-story';

type StoryChange = (story: MentionStory) => MentionStory;

/**
 * Folds each lifecycle event into the mention's story and re-indexes the story. Applying the same
 * event twice yields the same story, so redelivery writes nothing.
 */
@Injectable()
export class ProjectMentionStory {
  private readonly stories: DocumentCollection<MentionStory>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(MENTION_INDEX) private readonly index: MentionIndex,
  ) {
    this.stories = store.collection<MentionStory>(MENTION_STORIES);
  }

  received(event: EventEnvelope<PayloadOf['mentions.raw']>): Promise<void> {
    const { mention } = event.payload;
    return this.apply(mention.tenantId, mention.id, (s) => ({ ...s, mention: newest(s.mention, mention), stage: laterStage(s.stage, 'received') }));
  }

  classified(event: EventEnvelope<PayloadOf['mentions.classified']>): Promise<void> {
    const { mention, classification } = event.payload;
    return this.apply(mention.tenantId, mention.id, (s) => {
      // The classification of an older revision must not replace that of the edit it preceded.
      const stale = newest(s.mention, mention) !== mention;
      return stale ? { ...s, stage: laterStage(s.stage, 'classified') } : { ...s, mention, classification, stage: laterStage(s.stage, 'classified') };
    });
  }

  profiled(event: EventEnvelope<PayloadOf['profiles.updated']>): Promise<void> {
    const { mention, profile } = event.payload;
    return this.apply(mention.tenantId, mention.id, (s) => ({ ...s, mention: newest(s.mention, mention), profileId: profile.id, stage: laterStage(s.stage, 'profiled') }));
  }

  routed(event: EventEnvelope<PayloadOf['cases.routed']>): Promise<void> {
    const { mention, case: routed, matchedRule } = event.payload;
    const summary = { id: routed.id, queue: routed.queue, priority: routed.priority, status: routed.status, matchedRule };
    return this.apply(mention.tenantId, mention.id, (s) => ({ ...s, mention: newest(s.mention, mention), case: summary, stage: laterStage(s.stage, 'routed') }));
  }

  replyRequested(event: EventEnvelope<PayloadOf['replies.requested']>): Promise<void> {
    const { reply } = event.payload;
    return this.apply(event.tenantId, reply.mentionId, (s) =>
      s.replies.some((r) => r.id === reply.id) ? s : { ...s, replies: [...s.replies, { ...reply, delivery: { status: 'pending' } }] },
    );
  }

  replySent(event: EventEnvelope<PayloadOf['replies.sent']>): Promise<void> {
    const { reply, delivery } = event.payload;
    const settled: StoryReply = { ...reply, delivery };
    return this.apply(event.tenantId, reply.mentionId, (s) => ({
      ...s,
      // In place when known, so a redelivery leaves the order — and so the story — unchanged.
      replies: s.replies.some((r) => r.id === reply.id) ? s.replies.map((r) => (r.id === reply.id ? settled : r)) : [...s.replies, settled],
    }));
  }

  /**
   * Erasure for privacy: the story becomes a tombstone and the mention leaves the index. Runs
   * again harmlessly on redelivery (the tombstone is already there, removing twice is a no-op).
   */
  async erased(event: EventEnvelope<PayloadOf['mentions.erased']>): Promise<void> {
    const { mentionId, erasedAt } = event.payload;
    await upsertDocument(this.stories, event.tenantId, mentionId, (current) =>
      current?.erasedAt ? undefined : { id: mentionId, tenantId: event.tenantId, stage: current?.stage ?? 'received', replies: [], erasedAt },
    );
    await this.index.remove(event.tenantId, mentionId);
  }

  private async apply(tenantId: string, mentionId: string, change: StoryChange): Promise<void> {
    const saved = await upsertDocument(this.stories, tenantId, mentionId, (current) => {
      // An erased mention stays erased: late or redelivered events about it change nothing.
      if (current?.erasedAt) return undefined;
      const base = current ?? { id: mentionId, tenantId, stage: 'received' as const, replies: [] };
      // Compared as stored (through JSON: undefined fields vanish), so an unchanged story is not rewritten.
      const next = JSON.parse(JSON.stringify(change(base))) as MentionStory;
      return current && isDeepStrictEqual(next, current) ? undefined : next;
    });
    if (saved?.doc.mention) await this.index.upsert(toDocument(saved.doc, saved.version));
  }
}

/** The classifier's hashtags as the index keeps them: `#` + normalised tag, once each (`#Pil` and `#pil` are one). */
function hashtagsOf(story: MentionStory): string[] | undefined {
  const tags = story.classification?.entities?.hashtags;
  return tags && [...new Set(tags.map((tag) => `#${normalizeText(tag.replace(/^[#＃]/u, ''))}`))];
}

/**
 * An edited mention is re-published as a new revision with a later `editedAt`; the events of the
 * two revisions come through different topics in any order, so the story keeps the newest one.
 */
function newest(current: Mention | undefined, incoming: Mention): Mention {
  if (!current) return incoming;
  return revisionTime(incoming) >= revisionTime(current) ? incoming : current;
}

function revisionTime(mention: Mention): number {
  return mention.editedAt ? Date.parse(mention.editedAt) : -Infinity;
}

/** The index document of a story at a version (also what a reindex writes). */
export function toDocument(story: MentionStory, version: number): MentionDocument {
  const mention = story.mention!;
  return {
    id: story.id,
    tenantId: story.tenantId,
    version,
    channel: mention.channel,
    externalId: mention.externalId,
    text: mention.text,
    createdAt: mention.createdAt,
    authorId: mention.author.id,
    authorHandle: mention.author.handle,
    authorDisplayName: mention.author.displayName,
    authorFollowers: mention.author.followers,
    conversationId: mention.conversationId,
    target: mention.target,
    url: mention.url,
    lang: story.classification?.language.code,
    sentiment: story.classification?.sentiment.label,
    sentimentScore: story.classification?.sentiment.score,
    intent: story.classification?.intent.label,
    intents: story.classification ? (story.classification.intents ?? [story.classification.intent]).map((i) => i.label) : undefined,
    topics: story.classification?.topics,
    hashtags: hashtagsOf(story),
    country: mention.country,
    priorityScore: story.classification?.priority?.score,
    profileId: story.profileId,
    caseId: story.case?.id,
    queue: story.case?.queue,
    priority: story.case?.priority,
  };
}
