import { assertValidEvent, deriveId, EventEnvelope, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus, EventBus } from '@cxm/platform-bus';
import { loadPlatformConfig } from '@cxm/platform-config';
import { ProblemException } from '@cxm/platform-http';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { aCanonicalMention, collectEvents, waitForQuietBus } from '@cxm/testing';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { PublishGate } from '../protection/publish-gate';
import { AcceptMention } from './accept-mention.usecase';
import { NATIVE_PAYLOADS, NativePayloadRecord } from './native-payload.record';

describe('AcceptMention', () => {
  let bus: EmbeddedEventBus;
  let raw: EventEnvelope<PayloadOf['mentions.raw']>[];
  let acceptMention: AcceptMention;
  let store: EmbeddedDocumentStore;
  let metrics: IngestMetrics;
  const config = loadPlatformConfig({ HOME: '/tmp', CXM_TENANTS: 'demo,acme', CXM_INGEST_NATIVE_MAX_BYTES: '1024' });

  beforeEach(async () => {
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 }, logger: silentLogger() });
    raw = collectEvents(bus, 'mentions.raw');
    await bus.start();
    store = new EmbeddedDocumentStore();
    metrics = new IngestMetrics(config);
    acceptMention = new AcceptMention(bus, store, silentLogger(), config, metrics);
  });

  afterEach(() => bus.stop());

  /** Accepts the mention and returns the mentions.raw event it published. */
  async function accept(overrides: Parameters<typeof aCanonicalMention>[0]) {
    const before = raw.length;
    const result = await acceptMention.execute(aCanonicalMention(overrides));
    await waitForQuietBus(bus);
    expect(raw).toHaveLength(before + 1);
    return { result, event: raw[raw.length - 1] };
  }

  it('publishes one valid mentions.raw event keyed by tenant and conversation', async () => {
    const input = aCanonicalMention({ externalId: 'tw-100' });
    const result = await acceptMention.execute(input);
    await waitForQuietBus(bus);

    expect(result).toEqual({ id: deriveId('mention', 'demo', 'x', 'tw-100'), duplicate: false });
    expect(raw).toHaveLength(1);
    const [event] = raw;
    expect(() => assertValidEvent('mentions.raw', event)).not.toThrow();
    expect(event.key).toBe('demo/x:tw-100');
    expect(event.correlationId).toBe(result.id);
    expect(event.payload.mention).toMatchObject({ ...input, id: result.id, conversationId: 'x:tw-100' });
  });

  it('returns the same id as a duplicate for a repeat and publishes nothing more', async () => {
    const input = aCanonicalMention({ externalId: 'tw-200' });
    const first = await acceptMention.execute(input);
    const repeat = await acceptMention.execute({ ...input, text: 'edited text, same post' });
    await waitForQuietBus(bus);

    expect(first.duplicate).toBe(false);
    expect(repeat).toEqual({ id: first.id, duplicate: true });
    expect(raw).toHaveLength(1);
  });

  it('treats the same externalId on another channel or tenant as a different mention', async () => {
    const onX = await acceptMention.execute(aCanonicalMention({ externalId: 'shared-1', channel: 'x' }));
    const onReddit = await acceptMention.execute(aCanonicalMention({ externalId: 'shared-1', channel: 'reddit' }));
    const otherTenant = await acceptMention.execute(aCanonicalMention({ externalId: 'shared-1', channel: 'x', tenantId: 'acme' }));
    await waitForQuietBus(bus);

    expect(new Set([onX.id, onReddit.id, otherTenant.id]).size).toBe(3);
    expect([onX, onReddit, otherTenant].every((r) => !r.duplicate)).toBe(true);
    expect(raw).toHaveLength(3);
  });

  describe('conversation resolution', () => {
    it("uses the platform's own conversation id, namespaced by channel, when given", async () => {
      const { event } = await accept({ channel: 'facebook', externalId: 'fb-1', conversationId: 'thread-9', inReplyTo: 'fb-0' });
      expect(event.payload.mention.conversationId).toBe('facebook:thread-9');
      expect(event.key).toBe('demo/facebook:thread-9');
    });

    it("threads a reply whose parent was seen into the parent's conversation", async () => {
      await accept({ externalId: 'root-1', conversationId: 'platform-thread' });
      const { event } = await accept({ externalId: 'reply-1', inReplyTo: 'root-1' });
      expect(event.payload.mention.conversationId).toBe('x:platform-thread');
      expect(event.key).toBe('demo/x:platform-thread');
    });

    it('threads a reply to a reply into the root conversation', async () => {
      await accept({ externalId: 'root-2' });
      await accept({ externalId: 'reply-2a', inReplyTo: 'root-2' });
      const { event } = await accept({ externalId: 'reply-2b', inReplyTo: 'reply-2a' });
      expect(event.payload.mention.conversationId).toBe('x:root-2');
    });

    it('uses the unknown parent as the conversation of a reply whose parent was never seen', async () => {
      const { event } = await accept({ externalId: 'reply-3', inReplyTo: 'never-seen' });
      expect(event.payload.mention.conversationId).toBe('x:never-seen');
    });

    it('does not thread a reply into a same-named parent of another channel', async () => {
      await accept({ channel: 'reddit', externalId: 'root-4', conversationId: 'reddit-thread' });
      const { event } = await accept({ channel: 'x', externalId: 'reply-4', inReplyTo: 'root-4' });
      expect(event.payload.mention.conversationId).toBe('x:root-4');
    });

    it("starts a root post's own conversation from its externalId", async () => {
      const { event } = await accept({ channel: 'youtube', externalId: 'yt-root' });
      expect(event.payload.mention.conversationId).toBe('youtube:yt-root');
    });
  });

  it('remembers nothing when the bus refuses the event, so a repeat is not taken for a duplicate', async () => {
    const bad = aCanonicalMention({ externalId: 'bad-1', channel: 'carrier-pigeon' as never });
    await expect(acceptMention.execute(bad)).rejects.toThrow(/payload\.mention\.channel/);
    await expect(acceptMention.execute(bad)).rejects.toThrow(/payload\.mention\.channel/);
    await waitForQuietBus(bus);
    expect(raw).toHaveLength(0);
  });

  describe('exactly once', () => {
    it('gives two identical requests arriving together one mention: one publish, one 202, one duplicate', async () => {
      const input = aCanonicalMention({ externalId: 'race-1', text: 'Батарея снова села 😡' });
      const results = await Promise.all([acceptMention.execute(input), acceptMention.execute({ ...input })]);
      await waitForQuietBus(bus);

      expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(raw).toHaveLength(1);
    });

    it('takes the durable store as the truth: another replica (no shared cache) answers a repeat as a duplicate', async () => {
      const input = aCanonicalMention({ externalId: 'replica-1', text: 'แบตเตอรี่หมดเร็วมาก' });
      const replica = new AcceptMention(bus, store, silentLogger(), config);
      await acceptMention.execute(input);
      const repeat = await replica.execute(input);
      await waitForQuietBus(bus);

      expect(repeat.duplicate).toBe(true);
      expect(raw).toHaveLength(1);
    });

    it('lets only one of two replicas racing on one key answer 202, and both publish the same event id', async () => {
      const input = aCanonicalMention({ externalId: 'replica-race', text: 'Pil yine bitti, iade istiyorum' });
      const replica = new AcceptMention(bus, store, silentLogger(), config);
      const results = await Promise.all([acceptMention.execute(input), replica.execute(input)]);
      await waitForQuietBus(bus);

      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(raw.map((e) => e.eventId)).size).toBe(1);
    });

    it('counts accepted and duplicate mentions per tenant and channel', async () => {
      const input = aCanonicalMention({ externalId: 'count-1', channel: 'reddit', tenantId: 'acme' });
      await acceptMention.execute(input);
      await acceptMention.execute(input);
      const text = await metrics.render();
      expect(text).toContain('cxm_ingest_mentions_total{tenant="acme",channel="reddit",outcome="accepted"} 1');
      expect(text).toContain('cxm_ingest_mentions_total{tenant="acme",channel="reddit",outcome="duplicate"} 1');
    });

    it('accepts a repeat again, under the same id, once the dedup window since its last acceptance has passed', async () => {
      const shortWindow = loadPlatformConfig({ HOME: '/tmp', CXM_INGEST_DEDUP_WINDOW: '1s' });
      const accept = new AcceptMention(bus, store, silentLogger(), shortWindow);
      const input = aCanonicalMention({ externalId: 'window-1' });
      const first = await accept.execute(input);
      expect((await accept.execute(input)).duplicate).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const later = await accept.execute(input);
      await waitForQuietBus(bus);

      expect(later).toEqual({ id: first.id, duplicate: false });
      expect(raw).toHaveLength(2);
      expect(raw[1].eventId).not.toBe(raw[0].eventId);
      expect(raw[1].payload.mention.conversationId).toBe(raw[0].payload.mention.conversationId);
    });
  });

  describe('edits', () => {
    const original = aCanonicalMention({ externalId: 'edit-1', text: "Le chargeur ne marche plus, c'est inadmissible", conversationId: 'thread-e' });
    const edited = { ...original, text: 'Le chargeur ne marche plus — remboursez-moi 😡', editedAt: '2026-11-20T10:05:00Z' };

    it('re-publishes a later editedAt with a changed text as a new revision of the same mention', async () => {
      const first = await acceptMention.execute(original);
      const edit = await acceptMention.execute(edited);
      await waitForQuietBus(bus);

      expect(edit).toEqual({ id: first.id, duplicate: false, edited: true });
      expect(raw).toHaveLength(2);
      const [, revision] = raw;
      expect(revision.payload.mention).toMatchObject({ id: first.id, text: edited.text, editedAt: '2026-11-20T10:05:00.000Z', conversationId: 'x:thread-e' });
      expect(revision.eventId).toBe(deriveId('mention.received', `${first.id}@2026-11-20T10:05:00.000Z`));
      expect(revision.key).toBe(raw[0].key);
    });

    it('answers a redelivered edit, an older edit and a later editedAt with the same text as duplicates', async () => {
      await acceptMention.execute(original);
      await acceptMention.execute(edited);
      const redelivered = await acceptMention.execute({ ...edited });
      const older = await acceptMention.execute({ ...original, text: 'an older draft', editedAt: '2026-11-20T10:01:00Z' });
      const sameText = await acceptMention.execute({ ...edited, editedAt: '2026-11-20T11:00:00Z' });
      await waitForQuietBus(bus);

      expect([redelivered, older, sameText].map((r) => r.duplicate)).toEqual([true, true, true]);
      expect(raw).toHaveLength(2);
    });

    it('counts an edit as edited, not as a second accepted mention', async () => {
      await acceptMention.execute(original);
      await acceptMention.execute(edited);
      const text = await metrics.render();
      expect(text).toContain('cxm_ingest_mentions_total{tenant="demo",channel="x",outcome="accepted"} 1');
      expect(text).toContain('cxm_ingest_mentions_total{tenant="demo",channel="x",outcome="edited"} 1');
    });
  });

  describe('audit', () => {
    const natives = () => store.collection<NativePayloadRecord>(NATIVE_PAYLOADS);

    it('keeps the native payload of each revision, and not again for a duplicate', async () => {
      const native = { data: { id: 'tw-audit', text: 'مرحبا، البطارية لا تعمل' }, includes: { users: [{ id: '42' }] } };
      const input = aCanonicalMention({ externalId: 'tw-audit' });
      const { id } = await acceptMention.execute(input, { native });
      await acceptMention.execute(input, { native });
      await acceptMention.execute({ ...input, text: 'edited', editedAt: '2026-11-21T00:00:00Z' }, { native: { edited: true } });

      // Not sorted by receivedAt: both revisions may be received within the same millisecond.
      const kept = await natives().find('demo', { mentionId: id }, { limit: 10 });
      expect(kept.map((k) => k.revision).sort()).toEqual(['2026-11-21T00:00:00.000Z', 'original']);
      const original = kept.find((k) => k.revision === 'original')!;
      expect(JSON.parse(original.payload)).toEqual(native);
      expect(original.truncated).toBe(false);
    });

    it('cuts a native payload over the limit at a character boundary and says so', async () => {
      const native = { body: '日本語のレビュー'.repeat(200) };
      const { id } = await acceptMention.execute(aCanonicalMention({ externalId: 'big-native' }), { native });
      const [kept] = await natives().find('demo', { mentionId: id }, { limit: 1 });

      expect(kept.truncated).toBe(true);
      expect(kept.bytes).toBe(Buffer.byteLength(JSON.stringify(native)));
      expect(Buffer.byteLength(kept.payload)).toBeLessThanOrEqual(1024);
      expect(JSON.stringify(native).startsWith(kept.payload)).toBe(true);
    });
  });

  it('refuses with 503 and Retry-After instead of queueing when the bounded in-flight publishes are taken', async () => {
    let release!: () => void;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const slowBus = { publish: () => stalled } as unknown as EventBus;
    const accept = new AcceptMention(slowBus, new EmbeddedDocumentStore(), silentLogger(), config, metrics, PublishGate.ofSize(1));
    const first = accept.execute(aCanonicalMention({ externalId: 'slow-1' }));
    const second = accept.execute(aCanonicalMention({ externalId: 'slow-2' })).catch((error: unknown) => error);

    const refused = (await second) as ProblemException;
    expect(refused).toBeInstanceOf(ProblemException);
    expect(refused.problem).toMatchObject({ status: 503, type: '/problems/overloaded', retryAfterSeconds: 1 });
    release();
    expect((await first).duplicate).toBe(false);
  });
});
