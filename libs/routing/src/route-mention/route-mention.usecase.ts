import { Inject, Injectable } from '@nestjs/common';
import { createEvent, deriveId, EventEnvelope, ProfileUpdatedPayload } from '@cxm/contracts';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, DuplicateDocumentError, upsertDocument } from '@cxm/platform-store';
import { decideRoute, RoutingDecision } from '../routing-rules';
import { ROUTED_MENTIONS, RoutedMention, SUPPORT_CASES, SupportCase } from '../support-case';

/**
 * Opens a case for the mention's conversation, or adds the mention to the open one, and publishes
 * `cases.routed`. Events of one conversation arrive in order (they share a key), so "find the open
 * case, else open one" cannot race with itself.
 */
@Injectable()
export class RouteMention {
  private readonly cases: DocumentCollection<SupportCase>;
  private readonly routedMentions: DocumentCollection<RoutedMention>;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(DOCUMENT_STORE) store: DocumentStore,
  ) {
    this.cases = store.collection<SupportCase>(SUPPORT_CASES);
    this.routedMentions = store.collection<RoutedMention>(ROUTED_MENTIONS);
  }

  async execute(event: EventEnvelope<ProfileUpdatedPayload>): Promise<void> {
    const { mention, classification, profile } = event.payload;
    const decision = decideRoute(classification, mention.author.followers);
    const caseId = await this.caseFor(event);
    const now = new Date().toISOString();
    const saved = await upsertDocument(this.cases, mention.tenantId, caseId, (current) => {
      if (!current) return openCase(caseId, event, decision, now);
      if (current.mentionIds.includes(mention.id)) return undefined;
      return escalate(current, mention.id, decision, now);
    });
    const routed = saved!.doc;
    await this.rememberRoute(mention.tenantId, mention.id, routed.id);
    await this.bus.publish(
      'cases.routed',
      createEvent('cases.routed', {
        tenantId: event.tenantId,
        correlationId: event.correlationId,
        key: event.key,
        causationId: event.eventId,
        payload: {
          mention,
          classification,
          matchedRule: decision.rule,
          case: {
            id: routed.id,
            queue: routed.queue,
            priority: routed.priority,
            status: routed.status,
            conversationId: routed.conversationId,
            profileId: profile.id,
            openedAt: routed.openedAt,
          },
        },
      }),
    );
  }

  /** The case a redelivered mention already joined, else the conversation's open case, else a new one. */
  private async caseFor(event: EventEnvelope<ProfileUpdatedPayload>): Promise<string> {
    const { mention } = event.payload;
    const routedBefore = await this.routedMentions.get(mention.tenantId, mention.id);
    if (routedBefore) return routedBefore.doc.caseId;
    const open = await this.cases.findOne(mention.tenantId, { conversationId: mention.conversationId, status: 'open' });
    return open?.doc.id ?? deriveId('case', mention.tenantId, mention.conversationId, mention.id);
  }

  private async rememberRoute(tenantId: string, mentionId: string, caseId: string): Promise<void> {
    try {
      await this.routedMentions.insert({ id: mentionId, tenantId, caseId });
    } catch (error) {
      if (!(error instanceof DuplicateDocumentError)) throw error;
    }
  }
}

function openCase(id: string, event: EventEnvelope<ProfileUpdatedPayload>, decision: RoutingDecision, now: string): SupportCase {
  const { mention, profile } = event.payload;
  return {
    id,
    tenantId: mention.tenantId,
    conversationId: mention.conversationId,
    channel: mention.channel,
    profileId: profile.id,
    queue: decision.queue,
    priority: decision.priority,
    status: 'open',
    openedAt: now,
    updatedAt: now,
    mentionIds: [mention.id],
  };
}

/** A later mention joins the case; the case takes the more urgent queue and priority of the two. */
function escalate(current: SupportCase, mentionId: string, decision: RoutingDecision, now: string): SupportCase {
  const moreUrgent = decision.priority < current.priority;
  return {
    ...current,
    queue: moreUrgent ? decision.queue : current.queue,
    priority: Math.min(current.priority, decision.priority),
    updatedAt: now,
    mentionIds: [...current.mentionIds, mentionId],
  };
}
