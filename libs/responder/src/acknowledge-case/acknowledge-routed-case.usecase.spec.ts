import { CaseRoutedPayload, Classification, conversationKey, createEvent, deriveId, EventEnvelope, Mention, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { loadPlatformConfig, PlatformConfig } from '@cxm/platform-config';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { aClassification, aMention, collectEvents, waitForQuietBus } from '@cxm/testing';
import { REPLIES, REPLY_TARGETS, ReplyRecord, ReplyTarget } from '../reply-record';
import { RequestReply } from '../request-reply/request-reply.usecase';
import { AcknowledgeRoutedCase } from './acknowledge-routed-case.usecase';

const complaint = aClassification({ intent: { label: 'complaint', confidence: 0.9 } });
const praise = aClassification({ intent: { label: 'praise', confidence: 0.9 }, sentiment: { label: 'positive', score: 0.8 } });

function aCaseRoutedEvent(mention: Mention, classification: Classification, caseId = deriveId('case', mention.conversationId)): EventEnvelope<CaseRoutedPayload> {
  return createEvent('cases.routed', {
    tenantId: mention.tenantId,
    correlationId: mention.id,
    key: conversationKey(mention.tenantId, mention.conversationId),
    causationId: `profiled-${mention.id}`,
    payload: {
      mention,
      classification,
      matchedRule: 'complaint-to-care',
      case: {
        id: caseId,
        queue: 'care',
        priority: 2,
        status: 'open',
        conversationId: mention.conversationId,
        profileId: deriveId('profile', mention.tenantId, mention.channel, mention.author.id),
        openedAt: '2026-11-20T10:00:02.000Z',
      },
    },
  });
}

describe('AcknowledgeRoutedCase', () => {
  let bus: EmbeddedEventBus;
  let store: EmbeddedDocumentStore;
  let config: PlatformConfig;
  let requested: EventEnvelope<PayloadOf['replies.requested']>[];

  beforeEach(async () => {
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 }, logger: silentLogger() });
    requested = collectEvents(bus, 'replies.requested');
    await bus.start();
    store = new EmbeddedDocumentStore();
    config = loadPlatformConfig({});
  });

  afterEach(() => bus.stop());

  async function acknowledge(event: EventEnvelope<CaseRoutedPayload>) {
    await new AcknowledgeRoutedCase(store, config, new RequestReply(bus, store)).execute(event);
    await waitForQuietBus(bus);
  }

  const repliesOf = (caseId: string) => store.collection<ReplyRecord>(REPLIES).find('demo', { caseId }, { limit: 10 });
  const targetOf = async (caseId: string) => (await store.collection<ReplyTarget>(REPLY_TARGETS).get('demo', caseId))?.doc;

  it('requests one automatic acknowledgement answering a complaint', async () => {
    const mention = aMention({ conversationId: 'x:conv-1', externalId: 'tw-1' });
    const event = aCaseRoutedEvent(mention, complaint);
    await acknowledge(event);

    const caseId = event.payload.case.id;
    const replies = await repliesOf(caseId);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      id: deriveId('auto-acknowledgement', 'demo', caseId),
      caseId,
      mentionId: mention.id,
      channel: 'x',
      conversationId: 'x:conv-1',
      inReplyToExternalId: 'tw-1',
      text: config.responder.autoAcknowledge.text,
      origin: 'auto',
      status: 'requested',
    });
    expect(requested).toHaveLength(1);
    expect(requested[0].payload.reply.id).toBe(replies[0].id);
    expect(requested[0].correlationId).toBe(mention.id);
  });

  it('acknowledges a case once even when two complaint mentions of it arrive', async () => {
    const first = aMention({ conversationId: 'x:conv-2', externalId: 'tw-2a', createdAt: '2026-11-20T10:00:00.000Z' });
    const second = aMention({ conversationId: 'x:conv-2', externalId: 'tw-2b', createdAt: '2026-11-20T10:05:00.000Z' });
    const caseId = deriveId('case', 'x:conv-2');
    await acknowledge(aCaseRoutedEvent(first, complaint, caseId));
    await acknowledge(aCaseRoutedEvent(second, complaint, caseId));

    const replies = await repliesOf(caseId);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ mentionId: first.id, inReplyToExternalId: 'tw-2a' });
    // A repeat request re-publishes the very same event, which delivery then ignores.
    expect(new Set(requested.map((e) => e.eventId)).size).toBe(1);
    expect(new Set(requested.map((e) => e.payload.reply.id))).toEqual(new Set([replies[0].id]));
  });

  it('does not acknowledge praise', async () => {
    const event = aCaseRoutedEvent(aMention({ conversationId: 'x:conv-3' }), praise);
    await acknowledge(event);

    expect(await repliesOf(event.payload.case.id)).toHaveLength(0);
    expect(requested).toHaveLength(0);
  });

  it('does not acknowledge anything when automatic acknowledgement is disabled', async () => {
    config.responder.autoAcknowledge.enabled = false;
    const event = aCaseRoutedEvent(aMention({ conversationId: 'x:conv-4' }), complaint);
    await acknowledge(event);

    expect(await repliesOf(event.payload.case.id)).toHaveLength(0);
    expect(requested).toHaveLength(0);
  });

  it('acknowledges the intents the configuration names', async () => {
    config.responder.autoAcknowledge.intents = ['praise'];
    const praised = aCaseRoutedEvent(aMention({ conversationId: 'x:conv-5' }), praise);
    const complained = aCaseRoutedEvent(aMention({ conversationId: 'x:conv-6' }), complaint);
    await acknowledge(praised);
    await acknowledge(complained);

    expect(await repliesOf(praised.payload.case.id)).toHaveLength(1);
    expect(await repliesOf(complained.payload.case.id)).toHaveLength(0);
  });

  it("remembers the case's newest mention as where replies go, whatever the arrival order", async () => {
    const older = aMention({ conversationId: 'x:conv-7', externalId: 'tw-7a', createdAt: '2026-11-20T10:00:00.000Z' });
    const newer = aMention({ conversationId: 'x:conv-7', externalId: 'tw-7b', createdAt: '2026-11-20T11:00:00.000Z' });
    const caseId = deriveId('case', 'x:conv-7');
    await acknowledge(aCaseRoutedEvent(newer, praise, caseId));
    await acknowledge(aCaseRoutedEvent(older, praise, caseId));

    expect(await targetOf(caseId)).toEqual({
      id: caseId,
      tenantId: 'demo',
      channel: 'x',
      conversationId: 'x:conv-7',
      lastMentionId: newer.id,
      lastExternalId: 'tw-7b',
      lastMentionAt: newer.createdAt,
    });
  });

  it('records the reply target even when no acknowledgement is sent', async () => {
    config.responder.autoAcknowledge.enabled = false;
    const mention = aMention({ conversationId: 'x:conv-8', externalId: 'tw-8' });
    const event = aCaseRoutedEvent(mention, complaint);
    await acknowledge(event);
    expect(await targetOf(event.payload.case.id)).toMatchObject({ lastMentionId: mention.id, lastExternalId: 'tw-8' });
  });

  // Regression test (found by review, fixed):
  it('compares mention times as instants, not as text, when choosing the newest mention', async () => {
    const newer = aMention({ conversationId: 'x:conv-9', externalId: 'tw-9-newer', createdAt: '2026-11-20T10:00:00Z' });
    const older = aMention({ conversationId: 'x:conv-9', externalId: 'tw-9-older', createdAt: '2026-11-20T10:30:00+02:00' });
    const caseId = deriveId('case', 'x:conv-9');
    await acknowledge(aCaseRoutedEvent(newer, praise, caseId));
    await acknowledge(aCaseRoutedEvent(older, praise, caseId));
    expect((await targetOf(caseId))?.lastExternalId).toBe('tw-9-newer');
  });
});
