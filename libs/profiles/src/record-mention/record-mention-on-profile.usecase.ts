import { Inject, Injectable } from '@nestjs/common';
import { createEvent, deriveId, EventEnvelope, Mention, MentionClassifiedPayload } from '@cxm/contracts';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, upsertDocument } from '@cxm/platform-store';
import { CUSTOMER_PROFILES, CustomerProfile, RECENT_MENTION_IDS_LIMIT, TIMELINE_LIMIT, TimelineEntry } from '../customer-profile';

export function profileIdFor(tenantId: string, channel: string, authorId: string): string {
  return deriveId('profile', tenantId, channel, authorId);
}

/**
 * Finds or creates the author's profile and appends the mention to its timeline, once: a
 * redelivered event finds the mention already there and changes nothing, but still re-publishes
 * `profiles.updated` (with the same event id) in case the first publish was lost in a crash.
 */
@Injectable()
export class RecordMentionOnProfile {
  private readonly profiles: DocumentCollection<CustomerProfile>;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(DOCUMENT_STORE) store: DocumentStore,
  ) {
    this.profiles = store.collection<CustomerProfile>(CUSTOMER_PROFILES);
  }

  async execute(event: EventEnvelope<MentionClassifiedPayload>): Promise<void> {
    const { mention, classification } = event.payload;
    const entry: TimelineEntry = {
      mentionId: mention.id,
      at: mention.createdAt,
      channel: mention.channel,
      text: mention.text.slice(0, 280),
      sentiment: classification.sentiment.label,
      intent: classification.intent.label,
    };
    const id = profileIdFor(mention.tenantId, mention.channel, mention.author.id);
    const saved = await upsertDocument(this.profiles, mention.tenantId, id, (current) => withMention(current ?? newProfile(id, mention), mention, entry));
    const profile = saved!.doc;
    await this.bus.publish(
      'profiles.updated',
      createEvent('profiles.updated', {
        tenantId: event.tenantId,
        correlationId: event.correlationId,
        key: event.key,
        causationId: event.eventId,
        payload: {
          mention,
          classification,
          profile: {
            id: profile.id,
            channel: profile.channel,
            authorId: profile.authorId,
            handle: profile.handle,
            displayName: profile.displayName,
            mentionCount: profile.mentionCount,
            firstSeenAt: profile.firstSeenAt,
            lastSeenAt: profile.lastSeenAt,
          },
        },
      }),
    );
  }
}

function newProfile(id: string, mention: Mention): CustomerProfile {
  return {
    id,
    tenantId: mention.tenantId,
    channel: mention.channel,
    authorId: mention.author.id,
    handle: mention.author.handle,
    displayName: mention.author.displayName,
    mentionCount: 0,
    firstSeenAt: mention.createdAt,
    lastSeenAt: mention.createdAt,
    timeline: [],
    recentMentionIds: [],
  };
}

/**
 * The profile with the mention recorded, or undefined when it already was (nothing to write). An
 * edit (the same mention id again, with a new text) replaces its timeline entry without counting.
 */
function withMention(profile: CustomerProfile, mention: Mention, entry: TimelineEntry): CustomerProfile | undefined {
  if (profile.recentMentionIds.includes(mention.id)) return withRevisedEntry(profile, entry);
  const timeline = [...profile.timeline, entry].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).slice(-TIMELINE_LIMIT);
  return {
    ...profile,
    handle: mention.author.handle,
    displayName: mention.author.displayName,
    followers: mention.author.followers ?? profile.followers,
    mentionCount: profile.mentionCount + 1,
    firstSeenAt: mention.createdAt < profile.firstSeenAt ? mention.createdAt : profile.firstSeenAt,
    lastSeenAt: mention.createdAt > profile.lastSeenAt ? mention.createdAt : profile.lastSeenAt,
    timeline,
    recentMentionIds: [...profile.recentMentionIds, mention.id].slice(-RECENT_MENTION_IDS_LIMIT),
  };
}

function withRevisedEntry(profile: CustomerProfile, entry: TimelineEntry): CustomerProfile | undefined {
  const index = profile.timeline.findIndex((e) => e.mentionId === entry.mentionId);
  const current = profile.timeline[index];
  if (!current || (current.text === entry.text && current.sentiment === entry.sentiment && current.intent === entry.intent)) return undefined;
  return { ...profile, timeline: profile.timeline.map((e, i) => (i === index ? entry : e)) };
}
