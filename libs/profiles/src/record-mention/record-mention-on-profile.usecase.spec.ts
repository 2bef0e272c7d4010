import { Classification, conversationKey, createEvent, EventEnvelope, Mention, MentionClassifiedPayload, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { aClassification, aMention, collectEvents, waitForQuietBus } from '@cxm/testing';
import { CUSTOMER_PROFILES, CustomerProfile, TIMELINE_LIMIT } from '../customer-profile';
import { profileIdFor, RecordMentionOnProfile } from './record-mention-on-profile.usecase';

function aClassifiedEvent(mention: Mention, classification: Classification = aClassification()): EventEnvelope<MentionClassifiedPayload> {
  return createEvent('mentions.classified', {
    tenantId: mention.tenantId,
    correlationId: mention.id,
    key: conversationKey(mention.tenantId, mention.conversationId),
    causationId: `raw-${mention.id}`,
    payload: { mention, classification },
  });
}

describe('RecordMentionOnProfile', () => {
  let bus: EmbeddedEventBus;
  let store: EmbeddedDocumentStore;
  let updates: EventEnvelope<PayloadOf['profiles.updated']>[];
  let recordMention: RecordMentionOnProfile;

  beforeEach(async () => {
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 }, logger: silentLogger() });
    updates = collectEvents(bus, 'profiles.updated');
    await bus.start();
    store = new EmbeddedDocumentStore();
    recordMention = new RecordMentionOnProfile(bus, store);
  });

  afterEach(() => bus.stop());

  const profiles = () => store.collection<CustomerProfile>(CUSTOMER_PROFILES);
  const ana = { id: 'author-ana', handle: '@ana', displayName: 'Ana' };

  async function record(event: EventEnvelope<MentionClassifiedPayload>) {
    await recordMention.execute(event);
    await waitForQuietBus(bus);
  }

  it("creates the author's profile on their first mention and publishes profiles.updated", async () => {
    const mention = aMention({ author: { ...ana, followers: 120 }, createdAt: '2026-11-20T10:00:00.000Z' });
    const event = aClassifiedEvent(mention);
    await record(event);

    const id = profileIdFor('demo', 'x', ana.id);
    const stored = await profiles().get('demo', id);
    expect(stored?.version).toBe(1);
    expect(stored?.doc).toMatchObject({
      id,
      channel: 'x',
      authorId: ana.id,
      handle: '@ana',
      followers: 120,
      mentionCount: 1,
      firstSeenAt: '2026-11-20T10:00:00.000Z',
      lastSeenAt: '2026-11-20T10:00:00.000Z',
    });
    expect(stored?.doc.timeline).toEqual([
      { mentionId: mention.id, at: mention.createdAt, channel: 'x', text: mention.text, sentiment: 'negative', intent: 'complaint' },
    ]);

    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ key: event.key, correlationId: mention.id, tenantId: 'demo' });
    expect(updates[0].payload.profile).toMatchObject({ id, mentionCount: 1, authorId: ana.id });
    expect(updates[0].payload.mention.id).toBe(mention.id);
  });

  it("appends a second mention of the same author to their profile's timeline", async () => {
    const first = aMention({ author: ana, createdAt: '2026-11-20T10:00:00.000Z' });
    const second = aMention({ author: { ...ana, handle: '@ana_new' }, createdAt: '2026-11-21T09:00:00.000Z' });
    await record(aClassifiedEvent(first));
    await record(aClassifiedEvent(second, aClassification({ intent: { label: 'praise', confidence: 0.9 } })));

    const stored = (await profiles().get('demo', profileIdFor('demo', 'x', ana.id)))!;
    expect(stored.doc.mentionCount).toBe(2);
    expect(stored.doc.handle).toBe('@ana_new');
    expect(stored.doc.timeline.map((e) => [e.mentionId, e.intent])).toEqual([
      [first.id, 'complaint'],
      [second.id, 'praise'],
    ]);
    expect(stored.doc).toMatchObject({ firstSeenAt: first.createdAt, lastSeenAt: second.createdAt });
    expect(updates.map((u) => u.payload.profile.mentionCount)).toEqual([1, 2]);
  });

  it('keeps the timeline in time order and the seen-range right when an older mention arrives late', async () => {
    const newer = aMention({ author: ana, createdAt: '2026-11-21T09:00:00.000Z' });
    const older = aMention({ author: ana, createdAt: '2026-11-19T08:00:00.000Z' });
    await record(aClassifiedEvent(newer));
    await record(aClassifiedEvent(older));

    const stored = (await profiles().get('demo', profileIdFor('demo', 'x', ana.id)))!;
    expect(stored.doc.timeline.map((e) => e.mentionId)).toEqual([older.id, newer.id]);
    expect(stored.doc).toMatchObject({ firstSeenAt: older.createdAt, lastSeenAt: newer.createdAt });
  });

  it('leaves mentionCount unchanged on redelivery but still re-publishes profiles.updated with the same event id', async () => {
    const event = aClassifiedEvent(aMention({ author: ana }));
    await record(event);
    await record(event);

    const stored = (await profiles().get('demo', profileIdFor('demo', 'x', ana.id)))!;
    expect(stored.doc.mentionCount).toBe(1);
    expect(stored.doc.timeline).toHaveLength(1);
    expect(stored.version).toBe(1);
    expect(updates).toHaveLength(2);
    expect(updates[1].eventId).toBe(updates[0].eventId);
    expect(updates[1].payload.profile.mentionCount).toBe(1);
  });

  it("replaces an edited mention's timeline entry without counting it twice", async () => {
    const original = aMention({ author: ana, text: 'La batería falla otra vez' });
    const edited = { ...original, text: 'La batería falla otra vez — quiero un reembolso 😡', editedAt: '2026-11-20T10:05:00.000Z' };
    await record(aClassifiedEvent(original, aClassification({ intent: { label: 'question', confidence: 0.6 } })));
    await record(createEvent('mentions.classified', { ...aClassifiedEvent(edited), causationId: `raw-${edited.id}@edit`, payload: { mention: edited, classification: aClassification() } }));

    const stored = (await profiles().get('demo', profileIdFor('demo', 'x', ana.id)))!;
    expect(stored.doc.mentionCount).toBe(1);
    expect(stored.doc.timeline.map((e) => [e.mentionId, e.text, e.intent])).toEqual([[original.id, edited.text, 'complaint']]);
    expect(updates.map((u) => u.payload.profile.mentionCount)).toEqual([1, 1]);
    expect(updates[1].payload.mention.text).toBe(edited.text);
  });

  it('keeps one profile per channel for the same author id', async () => {
    await record(aClassifiedEvent(aMention({ author: ana, channel: 'x' })));
    await record(aClassifiedEvent(aMention({ author: ana, channel: 'instagram' })));

    const onX = await profiles().get('demo', profileIdFor('demo', 'x', ana.id));
    const onInstagram = await profiles().get('demo', profileIdFor('demo', 'instagram', ana.id));
    expect(onX?.doc).toMatchObject({ channel: 'x', mentionCount: 1 });
    expect(onInstagram?.doc).toMatchObject({ channel: 'instagram', mentionCount: 1 });
    expect(onX?.doc.id).not.toBe(onInstagram?.doc.id);
    expect(new Set(updates.map((u) => u.payload.profile.id)).size).toBe(2);
  });

  it('keeps the same author id of two tenants apart', async () => {
    await record(aClassifiedEvent(aMention({ author: ana, tenantId: 'demo' })));
    await record(aClassifiedEvent(aMention({ author: ana, tenantId: 'acme' })));

    expect((await profiles().get('demo', profileIdFor('demo', 'x', ana.id)))?.doc.mentionCount).toBe(1);
    expect((await profiles().get('acme', profileIdFor('acme', 'x', ana.id)))?.doc.mentionCount).toBe(1);
  });

  // Regression test (found by review, fixed):
  it('does not count a redelivered mention again once it has left the capped timeline', async () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
    const events = Array.from({ length: TIMELINE_LIMIT + 1 }, (_, i) => aClassifiedEvent(aMention({ author: ana, createdAt: day(i) })));
    for (const event of events) await recordMention.execute(event);
    await recordMention.execute(events[0]);

    const stored = (await profiles().get('demo', profileIdFor('demo', 'x', ana.id)))!;
    expect(stored.doc.timeline).toHaveLength(TIMELINE_LIMIT);
    expect(stored.doc.mentionCount).toBe(TIMELINE_LIMIT + 1);
  });
});
