import { Classification, conversationKey, createEvent, deriveId, EventEnvelope, Mention, PayloadOf, ProfileUpdatedPayload } from '@cxm/contracts';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { aClassification, aMention, collectEvents, waitForQuietBus } from '@cxm/testing';
import { SUPPORT_CASES, SupportCase } from '../support-case';
import { RouteMention } from './route-mention.usecase';

const PROFILE_ID = deriveId('profile', 'demo', 'x', 'author-1');

const praise = aClassification({ intent: { label: 'praise', confidence: 0.9 }, sentiment: { label: 'positive', score: 0.7 } });
const mildComplaint = aClassification({ intent: { label: 'complaint', confidence: 0.9 }, sentiment: { label: 'negative', score: -0.2 } });
const question = aClassification({ intent: { label: 'question', confidence: 0.9 }, sentiment: { label: 'neutral', score: 0 } });

function aProfileUpdatedEvent(mention: Mention, classification: Classification): EventEnvelope<ProfileUpdatedPayload> {
  return createEvent('profiles.updated', {
    tenantId: mention.tenantId,
    correlationId: mention.id,
    key: conversationKey(mention.tenantId, mention.conversationId),
    causationId: `classified-${mention.id}`,
    payload: {
      mention,
      classification,
      profile: {
        id: PROFILE_ID,
        channel: mention.channel,
        authorId: mention.author.id,
        handle: mention.author.handle,
        displayName: mention.author.displayName,
        mentionCount: 1,
        firstSeenAt: mention.createdAt,
        lastSeenAt: mention.createdAt,
      },
    },
  });
}

describe('RouteMention', () => {
  let bus: EmbeddedEventBus;
  let store: EmbeddedDocumentStore;
  let routed: EventEnvelope<PayloadOf['cases.routed']>[];
  let routeMention: RouteMention;

  beforeEach(async () => {
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 }, logger: silentLogger() });
    routed = collectEvents(bus, 'cases.routed');
    await bus.start();
    store = new EmbeddedDocumentStore();
    routeMention = new RouteMention(bus, store);
  });

  afterEach(() => bus.stop());

  const cases = () => store.collection<SupportCase>(SUPPORT_CASES);
  const allCases = () => cases().find('demo', {}, { limit: 100 });

  async function route(event: EventEnvelope<ProfileUpdatedPayload>) {
    await routeMention.execute(event);
    await waitForQuietBus(bus);
    return routed[routed.length - 1];
  }

  it("opens a case for a new conversation and publishes cases.routed with the rule's decision", async () => {
    const mention = aMention({ conversationId: 'x:conv-1' });
    const event = aProfileUpdatedEvent(mention, mildComplaint);
    const published = await route(event);

    const [opened] = await allCases();
    expect(opened).toMatchObject({
      id: deriveId('case', 'demo', 'x:conv-1', mention.id),
      conversationId: 'x:conv-1',
      channel: 'x',
      profileId: PROFILE_ID,
      queue: 'care',
      priority: 2,
      status: 'open',
      mentionIds: [mention.id],
    });
    expect(routed).toHaveLength(1);
    expect(published.key).toBe(event.key);
    expect(published.payload.matchedRule).toBe('complaint-to-care');
    expect(published.payload.case).toMatchObject({ id: opened.id, queue: 'care', priority: 2, status: 'open', conversationId: 'x:conv-1', profileId: PROFILE_ID });
  });

  it('adds a later mention of the same conversation to the open case, taking the more urgent queue and priority', async () => {
    const first = aMention({ conversationId: 'x:conv-2', createdAt: '2026-11-20T10:00:00.000Z' });
    const second = aMention({ conversationId: 'x:conv-2', createdAt: '2026-11-20T10:05:00.000Z' });
    await route(aProfileUpdatedEvent(first, praise));
    const published = await route(aProfileUpdatedEvent(second, mildComplaint));

    const all = await allCases();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ queue: 'care', priority: 2, mentionIds: [first.id, second.id] });
    expect(published.payload.case).toMatchObject({ id: all[0].id, queue: 'care', priority: 2 });
    expect(routed.map((e) => e.payload.case.id)).toEqual([all[0].id, all[0].id]);
  });

  it('keeps the more urgent queue and priority when a less urgent mention joins', async () => {
    const first = aMention({ conversationId: 'x:conv-3' });
    const second = aMention({ conversationId: 'x:conv-3' });
    await route(aProfileUpdatedEvent(first, mildComplaint));
    const published = await route(aProfileUpdatedEvent(second, praise));

    const [only] = await allCases();
    expect(only).toMatchObject({ queue: 'care', priority: 2, mentionIds: [first.id, second.id] });
    expect(published.payload.case).toMatchObject({ queue: 'care', priority: 2 });
    // The rule that matched this mention is still reported, for explainability.
    expect(published.payload.matchedRule).toBe('praise-to-engagement');
  });

  it('opens another case for a mention in another conversation', async () => {
    const a = aMention({ conversationId: 'x:conv-a' });
    const b = aMention({ conversationId: 'x:conv-b' });
    await route(aProfileUpdatedEvent(a, mildComplaint));
    await route(aProfileUpdatedEvent(b, question));

    const all = await allCases();
    expect(all).toHaveLength(2);
    const byConversation = Object.fromEntries(all.map((c) => [c.conversationId, c]));
    expect(byConversation['x:conv-a']).toMatchObject({ mentionIds: [a.id], queue: 'care', priority: 2 });
    expect(byConversation['x:conv-b']).toMatchObject({ mentionIds: [b.id], queue: 'care', priority: 3 });
    expect(routed[0].payload.case.id).not.toBe(routed[1].payload.case.id);
  });

  it('does not add a redelivered mention to the case twice, but re-publishes the same cases.routed event', async () => {
    const first = aMention({ conversationId: 'x:conv-4' });
    const second = aMention({ conversationId: 'x:conv-4' });
    const firstEvent = aProfileUpdatedEvent(first, question);
    const secondEvent = aProfileUpdatedEvent(second, question);
    await route(firstEvent);
    await route(secondEvent);
    await route(secondEvent);
    await route(firstEvent);

    const all = await allCases();
    expect(all).toHaveLength(1);
    expect(all[0].mentionIds).toEqual([first.id, second.id]);
    const stored = await cases().get('demo', all[0].id);
    expect(stored?.version).toBe(2);
    expect(routed).toHaveLength(4);
    expect(routed[2].eventId).toBe(routed[1].eventId);
    expect(routed[3].eventId).toBe(routed[0].eventId);
  });

  it('opens a new case when the conversation comes back after its case was closed', async () => {
    const first = aMention({ conversationId: 'x:conv-5' });
    await route(aProfileUpdatedEvent(first, question));
    const [opened] = await allCases();
    const current = (await cases().get('demo', opened.id))!;
    await cases().replace({ ...current.doc, status: 'closed' }, current.version);

    const later = aMention({ conversationId: 'x:conv-5' });
    const published = await route(aProfileUpdatedEvent(later, question));
    expect(published.payload.case.id).not.toBe(opened.id);
    expect(published.payload.case.status).toBe('open');
    expect((await cases().get('demo', published.payload.case.id))?.doc.mentionIds).toEqual([later.id]);
  });

  // Regression test (found by review, fixed):
  it('does not open a case for a redelivered mention that already joined a case since closed', async () => {
    const first = aMention({ conversationId: 'x:conv-6' });
    const second = aMention({ conversationId: 'x:conv-6' });
    await route(aProfileUpdatedEvent(first, question));
    const secondEvent = aProfileUpdatedEvent(second, question);
    await route(secondEvent);
    const [joined] = await allCases();
    const current = (await cases().get('demo', joined.id))!;
    await cases().replace({ ...current.doc, status: 'closed' }, current.version);

    const published = await route(secondEvent);
    expect(await allCases()).toHaveLength(1);
    expect(published.payload.case.id).toBe(joined.id);
  });
});
