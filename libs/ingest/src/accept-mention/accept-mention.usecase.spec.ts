import { assertValidEvent, deriveId, EventEnvelope, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { aCanonicalMention, collectEvents, waitForQuietBus } from '@cxm/testing';
import { AcceptMention } from './accept-mention.usecase';

describe('AcceptMention', () => {
  let bus: EmbeddedEventBus;
  let raw: EventEnvelope<PayloadOf['mentions.raw']>[];
  let acceptMention: AcceptMention;

  beforeEach(async () => {
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 }, logger: silentLogger() });
    raw = collectEvents(bus, 'mentions.raw');
    await bus.start();
    acceptMention = new AcceptMention(bus, new EmbeddedDocumentStore(), silentLogger());
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
});
