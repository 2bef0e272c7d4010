import { EventEnvelope, InvalidEventError, MentionReceivedPayload } from '@cxm/contracts';
import { aMention, aMentionReceivedEvent, waitFor } from '@cxm/testing';
import { DeadLetter, EventBus } from '../event-bus.port';

/**
 * Creates buses that share one storage namespace (one data directory, one Kafka cluster with one
 * topic prefix…) so a test can stop a bus and open another over the same events and offsets.
 * The retry policy the factory applies must be short: maxAttempts 3, tiny delays.
 */
export interface EventBusFactory {
  open(): Promise<EventBus>;
  /** Removes everything the namespace holds, called after each test. */
  cleanup?(): Promise<void>;
}

const MAX_ATTEMPTS = 3;

/** The behaviour every EventBus adapter must show. Run from each adapter's spec with its factory. */
export function describeEventBusContract(adapterName: string, newFactory: () => EventBusFactory): void {
  describe(`EventBus contract: ${adapterName}`, () => {
    let factory: EventBusFactory;
    let buses: EventBus[];

    const open = async () => {
      const bus = await factory.open();
      buses.push(bus);
      return bus;
    };

    beforeEach(() => {
      factory = newFactory();
      buses = [];
    });

    afterEach(async () => {
      await Promise.all(buses.map((bus) => bus.stop()));
      await factory.cleanup?.();
    });

    it('delivers each published event once to every consumer group', async () => {
      const bus = await open();
      const seenByA: string[] = [];
      const seenByB: string[] = [];
      bus.subscribe({ group: 'a', topic: 'mentions.raw', handler: async (e) => void seenByA.push(e.eventId) });
      bus.subscribe({ group: 'b', topic: 'mentions.raw', handler: async (e) => void seenByB.push(e.eventId) });
      await bus.start();
      const events = [aMentionReceivedEvent(), aMentionReceivedEvent(), aMentionReceivedEvent()];
      for (const event of events) await bus.publish('mentions.raw', event);
      await waitFor(() => (seenByA.length >= 3 && seenByB.length >= 3 ? true : undefined));
      const ids = events.map((e) => e.eventId).sort();
      expect([...seenByA].sort()).toEqual(ids);
      expect([...seenByB].sort()).toEqual(ids);
    });

    it('keeps the order of events that share a key while other keys interleave', async () => {
      const bus = await open();
      const seen = new Map<string, number[]>();
      bus.subscribe({
        group: 'ordered',
        topic: 'mentions.raw',
        handler: async (e) => {
          const seq = Number(e.payload.mention.externalId.split('-')[1]);
          seen.set(e.key, [...(seen.get(e.key) ?? []), seq]);
        },
      });
      await bus.start();
      const keys = ['conv-a', 'conv-b', 'conv-c', 'conv-d'];
      const publishes: Promise<void>[] = [];
      for (let seq = 0; seq < 20; seq++) {
        for (const key of keys) {
          const event = aMentionReceivedEvent(aMention({ externalId: `e-${seq}` }));
          publishes.push(bus.publish('mentions.raw', { ...event, key }));
        }
      }
      await Promise.all(publishes);
      await waitFor(() => ([...seen.values()].flat().length >= 80 ? true : undefined));
      for (const key of keys) expect(seen.get(key)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('refuses to publish an event that breaks the topic schema', async () => {
      const bus = await open();
      const event = aMentionReceivedEvent();
      const broken = { ...event, payload: { mention: { ...event.payload.mention, channel: 'carrier-pigeon' } } };
      await expect(bus.publish('mentions.raw', broken as EventEnvelope<MentionReceivedPayload>)).rejects.toBeInstanceOf(InvalidEventError);
    });

    it('retries a failing handler with backoff and commits once it succeeds', async () => {
      const bus = await open();
      const attempts: number[] = [];
      bus.subscribe({
        group: 'flaky',
        topic: 'mentions.raw',
        handler: async (_e, ctx) => {
          attempts.push(ctx.attempt);
          if (ctx.attempt < 2) throw new Error('transient');
        },
      });
      await bus.start();
      await bus.publish('mentions.raw', aMentionReceivedEvent());
      await waitFor(() => (attempts.length >= 2 ? true : undefined));
      expect(attempts).toEqual([1, 2]);
    });

    it('dead-letters an event with its error after the last attempt and goes on with the next', async () => {
      const bus = await open();
      const poison = aMentionReceivedEvent(aMention({ text: 'poison' }));
      const healthy = aMentionReceivedEvent();
      const handled: string[] = [];
      const letters: DeadLetter[] = [];
      bus.subscribe({
        group: 'strict',
        topic: 'mentions.raw',
        handler: async (e) => {
          if (e.payload.mention.text === 'poison') throw new Error('cannot digest poison');
          handled.push(e.eventId);
        },
      });
      bus.subscribeDeadLetters({ group: 'dlq-reader', topic: 'mentions.raw', handler: async (l) => void letters.push(l) });
      await bus.start();
      await bus.publish('mentions.raw', { ...poison, key: 'same-key' });
      await bus.publish('mentions.raw', { ...healthy, key: 'same-key' });
      await waitFor(() => (letters.length && handled.length ? true : undefined));
      expect(handled).toEqual([healthy.eventId]);
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ originalTopic: 'mentions.raw', kind: 'failed', attempts: MAX_ATTEMPTS, key: 'same-key' });
      expect(letters[0].errors).toEqual(['cannot digest poison']);
      expect(JSON.parse(letters[0].originalValue).eventId).toBe(poison.eventId);
      expect(letters[0].headers['correlation-id']).toBe(poison.correlationId);
    });

    it('after a restart delivers what was not committed and nothing that was', async () => {
      const first = await open();
      const before: string[] = [];
      first.subscribe({ group: 'durable', topic: 'mentions.raw', handler: async (e) => void before.push(e.eventId) });
      await first.start();
      const early = aMentionReceivedEvent();
      await first.publish('mentions.raw', early);
      await waitFor(() => (before.length ? true : undefined));
      await first.stop();
      buses = buses.filter((b) => b !== first);

      const publisher = await open();
      await publisher.start();
      const late = aMentionReceivedEvent();
      await publisher.publish('mentions.raw', late);
      await publisher.stop();
      buses = buses.filter((b) => b !== publisher);

      const second = await open();
      const after: string[] = [];
      second.subscribe({ group: 'durable', topic: 'mentions.raw', handler: async (e) => void after.push(e.eventId) });
      await second.start();
      await waitFor(() => (after.length ? true : undefined));
      await new Promise((r) => setTimeout(r, 300));
      expect(before).toEqual([early.eventId]);
      expect(after).toEqual([late.eventId]);
    });

    it('stops only after the handler in flight finished, and commits it', async () => {
      const first = await open();
      const started: string[] = [];
      const finished: string[] = [];
      first.subscribe({
        group: 'graceful',
        topic: 'mentions.raw',
        handler: async (e) => {
          started.push(e.eventId);
          await new Promise((r) => setTimeout(r, 400));
          finished.push(e.eventId);
        },
      });
      await first.start();
      const event = aMentionReceivedEvent();
      await first.publish('mentions.raw', event);
      await waitFor(() => (started.length ? true : undefined));
      await first.stop();
      buses = buses.filter((b) => b !== first);
      expect(finished).toEqual([event.eventId]);

      const second = await open();
      const redelivered: string[] = [];
      second.subscribe({ group: 'graceful', topic: 'mentions.raw', handler: async (e) => void redelivered.push(e.eventId) });
      await second.start();
      const marker = aMentionReceivedEvent();
      await second.publish('mentions.raw', marker);
      await waitFor(() => (redelivered.includes(marker.eventId) ? true : undefined));
      expect(redelivered).toEqual([marker.eventId]);
    });

    it('refuses to start when one group subscribes to the same topic twice', async () => {
      const bus = await open();
      const handler = async () => undefined;
      bus.subscribe({ group: 'g', topic: 'mentions.raw', handler });
      bus.subscribe({ group: 'g', topic: 'mentions.raw', handler });
      await expect(bus.start()).rejects.toThrow(/twice/);
    });
  });
}
