import { conversationKey, createEvent, deriveId, EventEnvelope, Mention, PayloadOf, ReplyRequest } from '@cxm/contracts';
import { EmbeddedMentionIndex, SEARCH_FIELD_NAMES } from '@cxm/platform-index';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { parseQuery } from '@cxm/query';
import { aClassification, aMention, aMentionReceivedEvent } from '@cxm/testing';
import { randomUUID } from 'node:crypto';
import { MENTION_STORIES, MentionStory } from './mention-story';
import { ProjectMentionStory } from './project-mention-story.usecase';

const classification = aClassification({ intent: { label: 'complaint', confidence: 0.9 }, sentiment: { label: 'negative', score: -0.7 } });

/** Every event of one mention's lifecycle, as the services publish them. */
function aLifecycle(mention: Mention) {
  const envelope = { tenantId: mention.tenantId, correlationId: mention.id, key: conversationKey(mention.tenantId, mention.conversationId) };
  const profileId = deriveId('profile', mention.tenantId, mention.channel, mention.author.id);
  const caseId = deriveId('case', mention.tenantId, mention.conversationId, mention.id);
  const reply = (text: string): ReplyRequest => ({
    id: randomUUID(),
    caseId,
    mentionId: mention.id,
    channel: mention.channel,
    conversationId: mention.conversationId,
    inReplyToExternalId: mention.externalId,
    text,
    origin: 'auto',
    requestedAt: '2026-11-20T10:00:05.000Z',
  });
  const ack = reply('Thanks, we are looking into it.');
  const followUp = reply('A technician will call you.');
  const requested = (r: ReplyRequest) => createEvent('replies.requested', { ...envelope, causationId: r.id, payload: { reply: r } });
  const sent = (r: ReplyRequest) =>
    createEvent('replies.sent', {
      ...envelope,
      causationId: `sent-${r.id}`,
      payload: { reply: r, delivery: { status: 'delivered', attempts: 1, statusCode: 202, completedAt: '2026-11-20T10:00:06.000Z' } },
    });
  return {
    profileId,
    caseId,
    ack,
    followUp,
    raw: aMentionReceivedEvent(mention),
    classified: createEvent('mentions.classified', { ...envelope, causationId: `c-${mention.id}`, payload: { mention, classification } }),
    profiled: createEvent('profiles.updated', {
      ...envelope,
      causationId: `p-${mention.id}`,
      payload: {
        mention,
        classification,
        profile: {
          id: profileId,
          channel: mention.channel,
          authorId: mention.author.id,
          handle: mention.author.handle,
          displayName: mention.author.displayName,
          mentionCount: 1,
          firstSeenAt: mention.createdAt,
          lastSeenAt: mention.createdAt,
        },
      },
    }),
    routed: createEvent('cases.routed', {
      ...envelope,
      causationId: `r-${mention.id}`,
      payload: {
        mention,
        classification,
        matchedRule: 'complaint-to-care',
        case: { id: caseId, queue: 'care', priority: 1, status: 'open', conversationId: mention.conversationId, profileId, openedAt: '2026-11-20T10:00:02.000Z' },
      },
    }),
    ackRequested: requested(ack),
    ackSent: sent(ack),
    followUpRequested: requested(followUp),
    followUpSent: sent(followUp),
  };
}

describe('ProjectMentionStory', () => {
  let store: EmbeddedDocumentStore;
  let index: EmbeddedMentionIndex;
  let project: ProjectMentionStory;

  beforeEach(() => {
    store = new EmbeddedDocumentStore();
    index = new EmbeddedMentionIndex();
    project = new ProjectMentionStory(store, index);
  });

  afterEach(() => index.close());

  const storyOf = (id: string) => store.collection<MentionStory>(MENTION_STORIES).get('demo', id);
  const search = (q: string, tenantId = 'demo') => index.search(tenantId, parseQuery(q, { fields: SEARCH_FIELD_NAMES }), { limit: 10 });

  /** Applies one event through the handler of its topic, as the consumers do. */
  function apply(event: EventEnvelope<PayloadOf[keyof PayloadOf]>): Promise<void> {
    switch (event.type) {
      case 'mention.received':
        return project.received(event as EventEnvelope<PayloadOf['mentions.raw']>);
      case 'mention.classified':
        return project.classified(event as EventEnvelope<PayloadOf['mentions.classified']>);
      case 'profile.updated':
        return project.profiled(event as EventEnvelope<PayloadOf['profiles.updated']>);
      case 'case.routed':
        return project.routed(event as EventEnvelope<PayloadOf['cases.routed']>);
      case 'reply.requested':
        return project.replyRequested(event as EventEnvelope<PayloadOf['replies.requested']>);
      case 'reply.sent':
        return project.replySent(event as EventEnvelope<PayloadOf['replies.sent']>);
      default:
        throw new Error(`no handler for ${event.type}`);
    }
  }

  async function applyAll(events: EventEnvelope<PayloadOf[keyof PayloadOf]>[]) {
    for (const event of events) await apply(event);
  }

  it('assembles the whole story of a mention from its events in lifecycle order', async () => {
    const mention = aMention({ text: 'My Aurora X5 battery dies by noon' });
    const life = aLifecycle(mention);
    await applyAll([life.raw, life.classified, life.profiled, life.routed, life.ackRequested, life.ackSent]);

    const story = (await storyOf(mention.id))!.doc;
    expect(story).toEqual({
      id: mention.id,
      tenantId: 'demo',
      mention,
      stage: 'routed',
      classification,
      profileId: life.profileId,
      case: { id: life.caseId, queue: 'care', priority: 1, status: 'open', matchedRule: 'complaint-to-care' },
      replies: [{ ...life.ack, delivery: life.ackSent.payload.delivery }],
    });
  });

  it('produces the complete story when events arrive out of order', async () => {
    const mention = aMention();
    const life = aLifecycle(mention);
    // replies.sent before mentions.raw, cases.routed before mentions.classified.
    await applyAll([life.ackSent, life.routed, life.ackRequested, life.raw, life.profiled, life.classified]);

    const story = (await storyOf(mention.id))!.doc;
    expect(story).toMatchObject({
      mention,
      stage: 'routed',
      classification,
      profileId: life.profileId,
      case: { id: life.caseId, queue: 'care', priority: 1 },
    });
    // The reply stays settled: a late replies.requested does not set it back to pending.
    expect(story.replies).toEqual([{ ...life.ack, delivery: life.ackSent.payload.delivery }]);
  });

  it('indexes only once the mention itself is known, then keeps the newest version searchable', async () => {
    const mention = aMention({ text: 'battery dies by noon' });
    const life = aLifecycle(mention);
    await apply(life.ackSent);
    expect(await index.get('demo', mention.id)).toBeUndefined();

    await applyAll([life.routed, life.raw, life.classified, life.profiled]);
    const stored = (await storyOf(mention.id))!;
    const indexed = await index.get('demo', mention.id);
    expect(indexed).toMatchObject({
      id: mention.id,
      version: stored.version,
      text: 'battery dies by noon',
      intent: 'complaint',
      sentiment: 'negative',
      profileId: life.profileId,
      caseId: life.caseId,
      queue: 'care',
      priority: 1,
    });

    const complaints = await search('intent:complaint');
    expect(complaints.items.map((d) => [d.id, d.version])).toEqual([[mention.id, stored.version]]);
    expect((await search('intent:praise')).total).toBe(0);
  });

  it('indexes the author\'s follower count for followers: ranges', async () => {
    const mention = aMention({ author: { id: 'author-9', handle: '@big', displayName: 'Big', followers: 25_000 } });
    await apply(aLifecycle(mention).raw);
    expect((await index.get('demo', mention.id))?.authorFollowers).toBe(25_000);
    expect((await search('followers:>10000')).items.map((d) => d.id)).toEqual([mention.id]);
    expect((await search('followers:<10000')).total).toBe(0);
  });

  it('indexes the country and the classifier\'s hashtags (normalised, once each) for filters and breakdowns', async () => {
    const mention = aMention({ text: 'Şarj bitti #Pil #pil #ŞARJ', country: 'TR' });
    const life = aLifecycle(mention);
    const entities = { hashtags: ['Pil', 'pil', 'ŞARJ'], mentions: [], urls: [], cashtags: [], emails: [], phones: [], containsPersonalData: false };
    await apply(life.raw);
    await apply(createEvent('mentions.classified', { tenantId: 'demo', correlationId: mention.id, key: conversationKey('demo', mention.conversationId), causationId: `c2-${mention.id}`, payload: { mention, classification: { ...classification, entities } } }));
    expect(await index.get('demo', mention.id)).toMatchObject({ country: 'TR', hashtags: ['#pil', '#şarj'] });
    expect((await search('country:tr')).items.map((d) => d.id)).toEqual([mention.id]);
  });

  it('shows and indexes the text of an edit, and keeps it when events of the original arrive after it', async () => {
    const original = aMention({ text: 'Mi pedido llegó roto' });
    const edited: Mention = { ...original, text: 'Mi pedido llegó roto y nadie contesta 😡', editedAt: '2026-11-20T11:00:00.000Z' };
    const first = aLifecycle(original);
    const second = aLifecycle(edited);
    await applyAll([first.raw, first.classified, second.raw, second.classified, first.profiled, first.routed, second.profiled]);

    const story = (await storyOf(original.id))!.doc;
    expect(story.mention?.text).toBe(edited.text);
    expect(story.classification).toEqual(second.classified.payload.classification);
    expect((await search('contesta')).items.map((i) => i.id)).toEqual([original.id]);
    await apply(first.classified);
    expect((await storyOf(original.id))!.doc.mention?.text).toBe(edited.text);
  });

  it('does not bump the stored version when the same event is applied twice', async () => {
    const mention = aMention();
    const life = aLifecycle(mention);
    await applyAll([life.raw, life.classified, life.profiled, life.routed, life.ackRequested, life.ackSent]);
    const before = (await storyOf(mention.id))!;

    for (const event of [life.raw, life.classified, life.profiled, life.routed, life.ackRequested, life.ackSent]) {
      await apply(event);
      expect((await storyOf(mention.id))?.version).toBe(before.version);
    }
    expect((await storyOf(mention.id))?.doc).toEqual(before.doc);
    expect((await index.get('demo', mention.id))?.version).toBe(before.version);
  });

  it('does not move the stage back when an earlier-stage event arrives late', async () => {
    const mention = aMention();
    const life = aLifecycle(mention);
    await applyAll([life.routed, life.raw]);
    expect((await storyOf(mention.id))?.doc.stage).toBe('routed');
  });

  it('files a reply under the mention it answers, pending until its delivery is known', async () => {
    const mention = aMention();
    const life = aLifecycle(mention);
    await applyAll([life.raw, life.ackRequested]);
    expect((await storyOf(mention.id))?.doc.replies).toEqual([{ ...life.ack, delivery: { status: 'pending' } }]);
  });

  it("keeps each tenant's stories apart", async () => {
    const mention = aMention({ tenantId: 'acme' });
    await apply(aLifecycle(mention).raw);
    expect(await storyOf(mention.id)).toBeUndefined();
    expect(await store.collection<MentionStory>(MENTION_STORIES).get('acme', mention.id)).toBeDefined();
    expect((await search('channel:x', 'acme')).total).toBe(1);
    expect((await search('channel:x', 'demo')).total).toBe(0);
  });

  it('turns an erased mention into a tombstone that late or redelivered events cannot fill again', async () => {
    const mention = aMention({ text: 'Мой адрес: Москва, ул. Ленина 1 — удалите 🙏' });
    const life = aLifecycle(mention);
    await applyAll([life.raw, life.classified]);
    const erasure = createEvent('mentions.erased', {
      tenantId: 'demo',
      correlationId: mention.id,
      key: conversationKey('demo', mention.conversationId),
      causationId: `erase/${mention.id}`,
      payload: { mentionId: mention.id, conversationId: mention.conversationId, channel: mention.channel, authorId: mention.author.id, requestedBy: 'tenant', erasedAt: '2026-11-21T09:00:00.000Z' },
    });
    await project.erased(erasure);
    await project.erased(erasure);
    await applyAll([life.profiled, life.routed, life.raw, life.ackRequested]);

    const story = (await storyOf(mention.id))!.doc;
    expect(story).toEqual({ id: mention.id, tenantId: 'demo', stage: 'classified', replies: [], erasedAt: '2026-11-21T09:00:00.000Z' });
    expect(await index.get('demo', mention.id)).toBeUndefined();
    expect((await search('адрес')).total).toBe(0);
  });

  // Regression test (found by review, fixed):
  it('does not bump the version when an earlier replies.sent of a two-reply story is redelivered', async () => {
    const mention = aMention();
    const life = aLifecycle(mention);
    await applyAll([life.raw, life.ackRequested, life.followUpRequested, life.ackSent, life.followUpSent]);
    const before = (await storyOf(mention.id))!;
    await apply(life.ackSent);
    expect((await storyOf(mention.id))?.version).toBe(before.version);
  });
});
