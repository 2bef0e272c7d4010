import { conversationKey, createEvent, Mention, Topic } from '@cxm/contracts';
import { ForegroundActivity } from '@cxm/platform-embedded';
import { silentLogger } from '@cxm/platform-logging';
import { aClassification, aMention, aMentionReceivedEvent, waitFor } from '@cxm/testing';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describeEventBusContract } from '../contract/event-bus.contract';
import { EmbeddedEventBus } from '../embedded/embedded-event-bus.adapter';
import { EventBus } from '../event-bus.port';
import { serveBusToThread } from './serve-bus-to-thread';
import { ThreadEventBus } from './thread-event-bus.adapter';

const retryPolicy = { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 };

/** A topic the lifecycle thread owns, beside the host's mentions.raw. */
function aClassifiedEvent(mention: Mention) {
  return createEvent('mentions.classified', {
    tenantId: mention.tenantId,
    correlationId: mention.id,
    key: conversationKey(mention.tenantId, mention.conversationId),
    causationId: `c-${mention.id}`,
    payload: { mention, classification: aClassification() },
  });
}
const logger = silentLogger();

/**
 * A host bus on disk and a guest bridged to it over a MessageChannel, stopped in the all-in-one's
 * order (the host's loops first, then the guest). The channel is in one thread here; between
 * threads the same messages are structured-cloned the same way.
 */
function bridged(dataDir: string, hostOwns: (topic: Topic) => boolean, guestDataDir?: string): { host: EmbeddedEventBus; guest: ThreadEventBus; bus: EventBus } {
  const host = new EmbeddedEventBus({ dataDir, partitions: 3, retryPolicy, logger });
  const { port1, port2 } = new MessageChannel();
  const bridge = serveBusToThread(host, port1, hostOwns, logger);
  const local = new EmbeddedEventBus({ dataDir: guestDataDir, partitions: 3, retryPolicy, logger });
  const guest = new ThreadEventBus({ port: port2, hostOwns, local, retryPolicy, logger });
  const bus: EventBus = {
    publish: (topic, event) => guest.publish(topic, event),
    subscribe: (subscription) => guest.subscribe(subscription),
    subscribeDeadLetters: (subscription) => guest.subscribeDeadLetters(subscription),
    start: async () => {
      await guest.start();
      await host.start();
    },
    stop: async () => {
      await host.stop();
      bridge.close();
      await guest.stop();
    },
  };
  return { host, guest, bus };
}

describeEventBusContract('thread bridge (guest thread over an embedded host bus on disk)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-bus-thread-'));
  return {
    open: async () => bridged(dataDir, () => true).bus,
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe('ThreadEventBus', () => {
  let dirs: string[] = [];
  const dir = () => {
    const path = mkdtempSync(join(tmpdir(), 'cxm-bus-thread-'));
    dirs.push(path);
    return path;
  };
  afterEach(() => {
    dirs.forEach((path) => rmSync(path, { recursive: true, force: true }));
    dirs = [];
  });

  it("keeps the host's topics in the host's logs and the others in its own", async () => {
    const hostDir = dir();
    const guestDir = dir();
    const { bus } = bridged(hostDir, (topic) => topic === 'mentions.raw', guestDir);
    const seen: string[] = [];
    bus.subscribe({ group: 'classifier', topic: 'mentions.raw', handler: async (e) => void seen.push(`raw ${e.eventId}`) });
    bus.subscribe({ group: 'profile', topic: 'mentions.classified', handler: async (e) => void seen.push(`classified ${e.eventId}`) });
    await bus.start();
    const raw = aMentionReceivedEvent(aMention());
    const mention = aMention();
    const classified = aClassifiedEvent(mention);
    await bus.publish('mentions.raw', raw);
    await bus.publish('mentions.classified', classified);
    await waitFor(() => (seen.length === 2 ? true : undefined));
    await bus.stop();
    expect(seen.sort()).toEqual([`classified ${classified.eventId}`, `raw ${raw.eventId}`].sort());
    expect(readdirSync(join(hostDir, 'bus')).filter((name) => !name.startsWith('_'))).toEqual(['mentions.raw']);
    expect(readdirSync(join(guestDir, 'bus')).filter((name) => !name.startsWith('_'))).toEqual(['mentions.classified']);
  });

  it('runs host deliveries beside each other while a busy front door paces the host’s own consumers', async () => {
    const foreground = new ForegroundActivity();
    foreground.begin();
    const host = new EmbeddedEventBus({ partitions: 4, retryPolicy, logger, foreground });
    const { port1, port2 } = new MessageChannel();
    const bridge = serveBusToThread(host, port1, () => true, logger);
    const guest = new ThreadEventBus({ port: port2, hostOwns: () => true, local: new EmbeddedEventBus({ partitions: 4, retryPolicy, logger }), retryPolicy, logger });
    let inProgress = 0;
    let mostAtOnce = 0;
    let handled = 0;
    for (const group of ['classifier', 'explorer'])
      guest.subscribe({
        group,
        topic: 'mentions.raw',
        handler: async () => {
          mostAtOnce = Math.max(mostAtOnce, ++inProgress);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inProgress -= 1;
          handled += 1;
        },
      });
    await guest.start();
    await host.start();
    for (let i = 0; i < 40; i += 1) await host.publish('mentions.raw', aMentionReceivedEvent(aMention({ conversationId: `c-${i}` })));
    // Not lag(): the guest's subscriptions reach the host a moment after its start.
    await waitFor(() => (handled === 80 ? true : undefined));
    await host.stop();
    bridge.close();
    await guest.stop();
    foreground.end();
    // Taking turns would have kept it to one at a time (ADR 0025); the work is the guest thread's.
    expect(mostAtOnce).toBeGreaterThan(1);
  });

  it('keeps an event its guest could not settle (stopping, or gone) for the next guest', async () => {
    const hostDir = dir();
    const first = bridged(hostDir, () => true);
    let handledByFirst = 0;
    first.bus.subscribe({ group: 'classifier', topic: 'mentions.raw', handler: async () => void (handledByFirst += 1) });
    await first.bus.start();
    // The guest stops first, the wrong order (its port closes): the host's delivery fails, nothing is committed.
    await first.guest.stop();
    const event = aMentionReceivedEvent(aMention());
    await first.host.publish('mentions.raw', event);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await first.host.stop();

    const second = bridged(hostDir, () => true);
    const seen: string[] = [];
    second.bus.subscribe({ group: 'classifier', topic: 'mentions.raw', handler: async (e) => void seen.push(e.eventId) });
    await second.bus.start();
    await waitFor(() => (seen.length ? true : undefined));
    await second.bus.stop();
    expect(handledByFirst).toBe(0);
    expect(seen).toEqual([event.eventId]);
  });

  it("refuses a guest's publish or subscription to a topic the host does not own", async () => {
    const host = new EmbeddedEventBus({ partitions: 2, retryPolicy, logger });
    const { port1, port2 } = new MessageChannel();
    const bridge = serveBusToThread(host, port1, (topic) => topic === 'mentions.raw', logger);
    // This guest wrongly believes the host owns every topic.
    const guest = new ThreadEventBus({ port: port2, hostOwns: () => true, local: new EmbeddedEventBus({ partitions: 2, retryPolicy, logger }), retryPolicy, logger });
    await guest.start();
    const mention = aMention();
    const classified = aClassifiedEvent(mention);
    await expect(guest.publish('mentions.classified', classified)).rejects.toThrow("topic mentions.classified is not this thread's");
    await expect(guest.publish('mentions.raw', aMentionReceivedEvent(mention))).resolves.toBeUndefined();
    bridge.close();
    await guest.stop();
    await host.stop();
  });
});
