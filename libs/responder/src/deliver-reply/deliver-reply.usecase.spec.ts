import { EventEnvelope, PayloadOf, ReplyRequestedPayload } from '@cxm/contracts';
import { EmbeddedEventBus, PermanentFailure } from '@cxm/platform-bus';
import { loadPlatformConfig, PlatformConfig } from '@cxm/platform-config';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { collectEvents, waitForQuietBus } from '@cxm/testing';
import { randomUUID } from 'node:crypto';
import { OutboundChannel, OutboundOutcome } from '../outbound/outbound-channel.port';
import { REPLIES, ReplyRecord } from '../reply-record';
import { RequestReply } from '../request-reply/request-reply.usecase';
import { DeliverReply } from './deliver-reply.usecase';

/** An outbound channel that answers with the scripted outcomes in turn (the last one repeats). */
class ScriptedChannel implements OutboundChannel {
  readonly sent: ReplyRecord[] = [];
  constructor(private readonly script: OutboundOutcome[]) {}

  async send(reply: ReplyRecord): Promise<OutboundOutcome> {
    this.sent.push(reply);
    return this.script[Math.min(this.sent.length, this.script.length) - 1];
  }
}

const delivered: OutboundOutcome = { kind: 'delivered', statusCode: 202 };
const unavailable: OutboundOutcome = { kind: 'retryable', statusCode: 503, error: 'webhook answered 503' };
const refused: OutboundOutcome = { kind: 'rejected', statusCode: 400, error: 'webhook answered 400' };

describe('DeliverReply', () => {
  let bus: EmbeddedEventBus;
  let store: EmbeddedDocumentStore;
  let config: PlatformConfig;
  let requested: EventEnvelope<PayloadOf['replies.requested']>[];
  let sent: EventEnvelope<PayloadOf['replies.sent']>[];

  beforeEach(async () => {
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 }, logger: silentLogger() });
    requested = collectEvents(bus, 'replies.requested');
    sent = collectEvents(bus, 'replies.sent');
    await bus.start();
    store = new EmbeddedDocumentStore();
    config = loadPlatformConfig({});
    // Retries back off from 200 ms (doubling, full jitter): three attempts stay well under a second.
    config.responder.deliveryAttempts = 3;
  });

  afterEach(() => bus.stop());

  /** Records a reply the way the responder does and returns the replies.requested event it published. */
  async function aRequestedReply(): Promise<EventEnvelope<ReplyRequestedPayload>> {
    await new RequestReply(bus, store).execute(
      {
        id: randomUUID(),
        tenantId: 'demo',
        caseId: randomUUID(),
        mentionId: randomUUID(),
        channel: 'x',
        conversationId: 'x:conv-1',
        inReplyToExternalId: 'tw-1',
        text: 'Sorry to hear that, we are on it.',
        origin: 'agent',
      },
      'correlation-1',
    );
    await waitForQuietBus(bus);
    return requested[requested.length - 1];
  }

  async function deliver(channel: OutboundChannel, event: EventEnvelope<ReplyRequestedPayload>) {
    await new DeliverReply(bus, store, channel, config).execute(event);
    await waitForQuietBus(bus);
  }

  const storedReply = async (id: string) => (await store.collection<ReplyRecord>(REPLIES).get('demo', id))?.doc;

  it('records a reply delivered on the first try and publishes replies.sent', async () => {
    const event = await aRequestedReply();
    const channel = new ScriptedChannel([delivered]);
    await deliver(channel, event);

    expect(channel.sent).toHaveLength(1);
    expect(channel.sent[0]).toMatchObject({ id: event.payload.reply.id, text: event.payload.reply.text, channel: 'x' });
    const reply = await storedReply(event.payload.reply.id);
    expect(reply).toMatchObject({ status: 'delivered', attempts: 1, statusCode: 202 });
    expect(reply?.error).toBeUndefined();
    expect(reply?.completedAt).toEqual(expect.any(String));

    expect(sent).toHaveLength(1);
    expect(sent[0].key).toBe(event.key);
    expect(sent[0].correlationId).toBe('correlation-1');
    expect(sent[0].payload.reply).toEqual(event.payload.reply);
    expect(sent[0].payload.delivery).toMatchObject({ status: 'delivered', attempts: 1, statusCode: 202, completedAt: reply?.completedAt });
  });

  it('retries a retryable outcome and records the attempts it took', async () => {
    const event = await aRequestedReply();
    const channel = new ScriptedChannel([unavailable, unavailable, delivered]);
    await deliver(channel, event);

    expect(channel.sent).toHaveLength(3);
    expect(await storedReply(event.payload.reply.id)).toMatchObject({ status: 'delivered', attempts: 3, statusCode: 202 });
    expect(sent[0].payload.delivery).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('records a failure with the last error once every attempt was retryable', async () => {
    const event = await aRequestedReply();
    const channel = new ScriptedChannel([unavailable]);
    await deliver(channel, event);

    expect(channel.sent).toHaveLength(config.responder.deliveryAttempts);
    expect(await storedReply(event.payload.reply.id)).toMatchObject({ status: 'failed', attempts: 3, statusCode: 503, error: 'webhook answered 503' });
    expect(sent[0].payload.delivery).toMatchObject({ status: 'failed', attempts: 3, error: 'webhook answered 503' });
  });

  it('records a rejected reply as failed with its error and does not retry it', async () => {
    const event = await aRequestedReply();
    const channel = new ScriptedChannel([refused, delivered]);
    await deliver(channel, event);

    expect(channel.sent).toHaveLength(1);
    expect(await storedReply(event.payload.reply.id)).toMatchObject({ status: 'failed', attempts: 1, statusCode: 400, error: 'webhook answered 400' });
    expect(sent[0].payload.delivery).toMatchObject({ status: 'failed', attempts: 1, statusCode: 400, error: 'webhook answered 400' });
  });

  it('does not send an already delivered reply again on redelivery, but re-publishes the same replies.sent', async () => {
    const event = await aRequestedReply();
    const channel = new ScriptedChannel([delivered]);
    await deliver(channel, event);
    await deliver(channel, event);

    expect(channel.sent).toHaveLength(1);
    expect(await storedReply(event.payload.reply.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(sent).toHaveLength(2);
    expect(sent[1].eventId).toBe(sent[0].eventId);
    expect(sent[1].payload).toEqual(sent[0].payload);
  });

  it('does not retry a reply that already failed for good', async () => {
    const event = await aRequestedReply();
    const channel = new ScriptedChannel([refused, delivered]);
    await deliver(channel, event);
    await deliver(channel, event);

    expect(channel.sent).toHaveLength(1);
    expect(sent.map((e) => e.payload.delivery.status)).toEqual(['failed', 'failed']);
  });

  it('fails permanently for a reply that was never recorded, sending and publishing nothing', async () => {
    const event = await aRequestedReply();
    const unknown = { ...event, payload: { reply: { ...event.payload.reply, id: randomUUID() } } };
    const channel = new ScriptedChannel([delivered]);
    await expect(new DeliverReply(bus, store, channel, config).execute(unknown)).rejects.toBeInstanceOf(PermanentFailure);
    await waitForQuietBus(bus);
    expect(channel.sent).toHaveLength(0);
    expect(sent).toHaveLength(0);
  });

  // Regression test (found by review, fixed):
  it("records the channel's own error when send throws on every attempt", async () => {
    const event = await aRequestedReply();
    const throwing: OutboundChannel = { send: async () => Promise.reject(new Error('socket hang up')) };
    await deliver(throwing, event);
    expect((await storedReply(event.payload.reply.id))?.error).toContain('socket hang up');
  });
});
