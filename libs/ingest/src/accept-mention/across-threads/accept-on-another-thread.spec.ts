import { CanonicalMention, deriveId, EventEnvelope, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus, EventBus } from '@cxm/platform-bus';
import { loadPlatformConfig } from '@cxm/platform-config';
import { ProblemException } from '@cxm/platform-http';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { aCanonicalMention, collectEvents, waitForQuietBus } from '@cxm/testing';
import { MessageChannel } from 'node:worker_threads';
import { IngestMetrics } from '../../metrics/ingest-metrics';
import { PublishGate } from '../../protection/publish-gate';
import { AcceptMention, MentionAcceptance } from '../accept-mention.usecase';
import { NATIVE_PAYLOADS, NativePayloadRecord } from '../native-payload.record';
import { AcceptOnAnotherThread } from './accept-on-another-thread';
import { serveAcceptanceToThread } from './serve-acceptance-to-thread';

/** A guest over a real MessagePort (structured clone and all), served by `host`. */
function bridged(host: MentionAcceptance): { guest: AcceptOnAnotherThread; served: { close(): void } } {
  const channel = new MessageChannel();
  return { served: serveAcceptanceToThread(host, channel.port1), guest: new AcceptOnAnotherThread(channel.port2) };
}

const status = (error: unknown) => (error instanceof ProblemException ? error.getStatus() : undefined);

describe('AcceptOnAnotherThread, served by the host thread', () => {
  const config = loadPlatformConfig({ HOME: '/tmp', CXM_TENANTS: 'demo' });
  let bus: EmbeddedEventBus;
  let store: EmbeddedDocumentStore;
  let raw: EventEnvelope<PayloadOf['mentions.raw']>[];
  let metrics: IngestMetrics;
  let host: AcceptMention;

  beforeEach(async () => {
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }, logger: silentLogger() });
    raw = collectEvents(bus, 'mentions.raw');
    await bus.start();
    store = new EmbeddedDocumentStore();
    metrics = new IngestMetrics(config);
    host = new AcceptMention(bus, store, silentLogger(), config, metrics);
  });
  afterEach(() => bus.stop());

  it("answers with the host's result: accepted once, then a duplicate with the same id", async () => {
    const { guest } = bridged(host);
    const mention = aCanonicalMention({ externalId: 'bridge-1', text: 'Доставка опять опоздала 😤' });
    const first = await guest.execute(mention);
    const repeat = await guest.execute(mention);
    await waitForQuietBus(bus);

    expect(first).toEqual({ id: deriveId('mention', 'demo', 'x', 'bridge-1'), duplicate: false });
    expect(repeat).toEqual({ id: first.id, duplicate: true });
    expect(raw.map((event) => event.payload.mention.text)).toEqual(['Доставка опять опоздала 😤']);
    await guest.close();
  });

  it('lets two guests race for one mention: the host decides, one is accepted, the other is its duplicate', async () => {
    const [a, b] = [bridged(host), bridged(host)];
    const mention = aCanonicalMention({ externalId: 'bridge-race' });
    const results = await Promise.all([a.guest.execute(mention), b.guest.execute(mention), a.guest.execute(mention), b.guest.execute(mention)]);
    await waitForQuietBus(bus);

    expect(results.map((result) => result.duplicate).sort()).toEqual([false, true, true, true]);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(raw).toHaveLength(1);
    const counted = (await metrics.registry.getSingleMetric('cxm_ingest_mentions_total')!.get()).values.map((value) => [value.labels.outcome, value.value]);
    expect(counted.sort()).toEqual([
      ['accepted', 1],
      ['duplicate', 3],
    ]);
    await Promise.all([a.guest.close(), b.guest.close()]);
  });

  it('keeps a raw MIME message handed over as bytes as its text (a Buffer crosses threads as a Uint8Array)', async () => {
    const { guest } = bridged(host);
    const message = Buffer.from('From: anna@example.com\r\nSubject: Rückerstattung\r\n\r\nWo bleibt mein Geld?\r\n', 'utf8');
    const { id } = await guest.execute(aCanonicalMention({ channel: 'email', externalId: '<bridge-mail@example.com>' }), { native: message });

    const kept = await store.collection<NativePayloadRecord>(NATIVE_PAYLOADS).find('demo', { mentionId: id }, { limit: 10 });
    expect(kept.map((record) => [record.payload, record.bytes, record.truncated])).toEqual([[message.toString('utf8'), message.length, false]]);
    await guest.close();
  });

  it("reaches the caller with the host's 503 problem when the host's publish gate is full, Retry-After and all", async () => {
    const full = new AcceptMention(bus, store, silentLogger(), config, metrics, PublishGate.ofSize(0));
    const { guest } = bridged(full);
    const refusal = await guest.execute(aCanonicalMention({ externalId: 'bridge-overloaded' })).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(ProblemException);
    expect((refusal as ProblemException).problem).toMatchObject({ type: '/problems/overloaded', status: 503, retryAfterSeconds: 1 });
    expect(raw).toHaveLength(0);
    await guest.close();
  });

  it("reaches the caller with the host's other failures as plain errors (a 500, not a problem the client could act on)", async () => {
    const failing: EventBus = { ...bus, publish: () => Promise.reject(new TypeError('the journal is full')) } as unknown as EventBus;
    const { guest } = bridged(new AcceptMention(failing, store, silentLogger(), config, metrics));
    const failure = (await guest.execute(aCanonicalMention({ externalId: 'bridge-failing' })).catch((error: unknown) => error)) as Error;

    expect(failure).not.toBeInstanceOf(ProblemException);
    expect([failure.name, failure.message]).toEqual(['TypeError', 'the journal is full']);
    await guest.close();
  });

  it('hands the calls of one event-loop turn over as one message, and answers each', async () => {
    const channel = new MessageChannel();
    let messages = 0;
    channel.port1.on('message', () => (messages += 1));
    serveAcceptanceToThread(host, channel.port1);
    const guest = new AcceptOnAnotherThread(channel.port2);
    const mentions = Array.from({ length: 25 }, (_, i) => aCanonicalMention({ externalId: `bridge-turn-${i}` }));
    const results = await Promise.all(mentions.map((mention) => guest.execute(mention)));

    expect(messages).toBe(1);
    expect(results.map((result) => result.id)).toEqual(mentions.map((mention) => deriveId('mention', 'demo', 'x', mention.externalId)));
    await guest.close();
  });

  it('answers a call the structured clone cannot copy with its own error, and still sends the rest of the turn', async () => {
    const { guest } = bridged(host);
    const unclonable = { ...aCanonicalMention({ externalId: 'bridge-unclonable' }), callback: () => 'a function' } as CanonicalMention;
    const [good, bad] = await Promise.allSettled([guest.execute(aCanonicalMention({ externalId: 'bridge-clonable' })), guest.execute(unclonable)]);

    expect(good).toMatchObject({ status: 'fulfilled', value: { duplicate: false } });
    expect(bad).toMatchObject({ status: 'rejected', reason: { name: 'DataCloneError' } });
    await guest.close();
  });

  it('hands a native payload over as its JSON text, so the audit copy is the one the host keeps for its own callers', async () => {
    const { guest } = bridged(host);
    const native = { id: 't1_bridge', body: 'Où est ma commande ? 📦', score: 3, replies: { kind: 'Listing', data: { children: [] } }, edited: false };
    const overTheBridge = await guest.execute(aCanonicalMention({ channel: 'reddit', externalId: 't1_bridge' }), { native });
    const onTheHost = await host.execute(aCanonicalMention({ channel: 'reddit', externalId: 't1_host' }), { native });

    const kept = (id: string) => store.collection<NativePayloadRecord>(NATIVE_PAYLOADS).find('demo', { mentionId: id }, { limit: 10 });
    const [overBridge, direct] = await Promise.all([kept(overTheBridge.id), kept(onTheHost.id)]);
    expect(overBridge.map((record) => [record.payload, record.bytes, record.truncated])).toEqual([[JSON.stringify(native), Buffer.byteLength(JSON.stringify(native)), false]]);
    expect(overBridge.map((record) => record.payload)).toEqual(direct.map((record) => record.payload));
    await guest.close();
  });

  it('fails the one call whose native payload JSON cannot write, and sends the rest', async () => {
    const { guest } = bridged(host);
    const cyclic: Record<string, unknown> = { id: 'cyclic' };
    cyclic.self = cyclic;
    const [good, bad] = await Promise.allSettled([guest.execute(aCanonicalMention({ externalId: 'bridge-acyclic' }), { native: { id: 'fine' } }), guest.execute(aCanonicalMention({ externalId: 'bridge-cyclic' }), { native: cyclic })]);

    expect(good).toMatchObject({ status: 'fulfilled', value: { duplicate: false } });
    expect(bad).toMatchObject({ status: 'rejected', reason: { name: 'TypeError' } });
    await guest.close();
  });

  it('refuses with a 503 to retry what is in flight, and what comes after, once the host has closed its end', async () => {
    let release!: () => void;
    const held: MentionAcceptance = { execute: () => new Promise((resolve) => (release = () => resolve({ id: 'never', duplicate: false }))) };
    const { guest, served } = bridged(held);
    const inFlight = guest.execute(aCanonicalMention({ externalId: 'bridge-in-flight' })).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    served.close();

    expect(status(await inFlight)).toBe(503);
    expect(status(await guest.execute(aCanonicalMention({ externalId: 'bridge-after' })).catch((error: unknown) => error))).toBe(503);
    release();
  });

  it('closes once the calls in flight are answered', async () => {
    let release!: () => void;
    const slow: MentionAcceptance = { execute: () => new Promise((resolve) => (release = () => resolve({ id: 'slow-1', duplicate: false }))) };
    const { guest } = bridged(slow);
    const inFlight = guest.execute(aCanonicalMention({ externalId: 'bridge-slow' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    let closed = false;
    const closing = guest.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);

    release();
    await expect(inFlight).resolves.toEqual({ id: 'slow-1', duplicate: false });
    await closing;
    expect(status(await guest.execute(aCanonicalMention({ externalId: 'bridge-too-late' })).catch((error: unknown) => error))).toBe(503);
  });
});
