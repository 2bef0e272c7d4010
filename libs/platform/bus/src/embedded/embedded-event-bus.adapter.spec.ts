import { ForegroundActivity } from '@cxm/platform-embedded';
import { silentLogger } from '@cxm/platform-logging';
import { aMention, aMentionReceivedEvent, waitFor, waitForQuietBus } from '@cxm/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventBusContract } from '../contract/event-bus.contract';
import { partitionForKey } from '../delivery/partition-for-key';
import { EmbeddedEventBus } from './embedded-event-bus.adapter';

const retryPolicy = { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 };

describeEventBusContract('embedded (on disk)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-bus-'));
  return {
    open: async () => new EmbeddedEventBus({ dataDir, partitions: 3, retryPolicy, logger: silentLogger() }),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

// The same behaviour while the front door is busy for the whole run, i.e. with every consumer
// taking turns one event at a time (ADR 0025): pacing may only change when, never what.
describeEventBusContract('embedded (on disk), consumers taking turns behind a busy front door', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-bus-paced-'));
  const foreground = new ForegroundActivity();
  foreground.begin();
  return {
    open: async () => new EmbeddedEventBus({ dataDir, partitions: 3, retryPolicy, logger: silentLogger(), foreground }),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe('EmbeddedEventBus consumer turns', () => {
  const event = (i: number) => aMentionReceivedEvent(aMention({ conversationId: `conversation-${i}` }));

  async function run(foreground: ForegroundActivity, whileRunning: () => void = () => undefined): Promise<{ handled: number; mostAtOnce: number }> {
    const bus = new EmbeddedEventBus({ partitions: 4, retryPolicy, logger: silentLogger(), foreground });
    let inProgress = 0;
    let mostAtOnce = 0;
    let handled = 0;
    for (const group of ['classifier', 'explorer']) {
      bus.subscribe({
        group,
        topic: 'mentions.raw',
        handler: async () => {
          inProgress += 1;
          mostAtOnce = Math.max(mostAtOnce, inProgress);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inProgress -= 1;
          handled += 1;
        },
      });
    }
    await bus.start();
    for (let i = 0; i < 40; i++) await bus.publish('mentions.raw', event(i));
    whileRunning();
    await waitForQuietBus(bus, 10_000);
    await bus.stop();
    return { handled, mostAtOnce };
  }

  it('handles events side by side across groups and partitions while no request is in progress', async () => {
    const result = await run(new ForegroundActivity());
    expect(result.handled).toBe(80);
    expect(result.mostAtOnce).toBeGreaterThan(1);
  });

  it('handles one event at a time across the whole bus while a request is in progress, and still handles them all', async () => {
    const foreground = new ForegroundActivity();
    foreground.begin();
    const result = await run(foreground);
    expect(result).toEqual({ handled: 80, mostAtOnce: 1 });
  });

  it('keeps handling other events while one event holds its turn (a long retry) behind a busy front door', async () => {
    const foreground = new ForegroundActivity();
    foreground.begin();
    const bus = new EmbeddedEventBus({ partitions: 4, retryPolicy, logger: silentLogger(), foreground });
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    bus.subscribe({
      group: 'responder',
      topic: 'mentions.raw',
      handler: async (received) => {
        if (received.payload.mention.conversationId === 'conversation-0') await stuck;
        handled.push(received.payload.mention.conversationId);
      },
    });
    await bus.start();
    const events = Array.from({ length: 12 }, (_, i) => event(i));
    for (const e of events) await bus.publish('mentions.raw', e);
    // Every event of the other partitions gets through while the first one is still held.
    const heldPartition = partitionForKey(events[0].key, 4);
    const others = events.filter((e) => partitionForKey(e.key, 4) !== heldPartition).map((e) => e.payload.mention.conversationId);
    expect(others.length).toBeGreaterThan(0);
    await waitFor(() => (others.every((c) => handled.includes(c)) ? true : undefined), 5_000, 'the other partitions');
    expect(handled).not.toContain('conversation-0');
    release();
    await waitForQuietBus(bus, 10_000);
    await bus.stop();
    expect(handled).toHaveLength(12);
  });

  it('lets the waiting consumers go side by side again once the last request ends', async () => {
    const foreground = new ForegroundActivity();
    foreground.begin();
    const result = await run(foreground, () => setTimeout(() => foreground.end(), 20));
    expect(result.handled).toBe(80);
    expect(result.mostAtOnce).toBeGreaterThan(1);
  });
});

describe('EmbeddedEventBus.subscribeRaw (consumers on another thread, ADR 0028)', () => {
  it('adds a consumer after the start that reads from its committed offset, and commits what it handled', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cxm-bus-raw-'));
    try {
      const bus = new EmbeddedEventBus({ dataDir, partitions: 2, retryPolicy, logger: silentLogger() });
      await bus.start();
      const before = aMentionReceivedEvent();
      await bus.publish('mentions.raw', before);
      const seen: { offset: string; validatedAtPublish: boolean; eventId: string }[] = [];
      await bus.subscribeRaw({ group: 'classifier', topic: 'mentions.raw', paced: false, handle: async (message, validatedAtPublish) => void seen.push({ offset: message.offset, validatedAtPublish, eventId: JSON.parse(message.value).eventId }) });
      const after = aMentionReceivedEvent();
      await bus.publish('mentions.raw', after);
      await waitFor(async () => ((await bus.lag()) === 0 ? true : undefined));
      await bus.stop();
      expect(seen.map((s) => s.eventId).sort()).toEqual([before.eventId, after.eventId].sort());
      expect(seen.every((s) => s.validatedAtPublish)).toBe(true);
      await expect(bus.subscribeRaw({ group: 'late', topic: 'mentions.raw', handle: async () => undefined })).rejects.toThrow('the bus has stopped');

      const reopened = new EmbeddedEventBus({ dataDir, partitions: 2, retryPolicy, logger: silentLogger() });
      const again: string[] = [];
      await reopened.subscribeRaw({ group: 'classifier', topic: 'mentions.raw', handle: async (message) => void again.push(message.offset) });
      await reopened.start();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await reopened.stop();
      expect(again).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a second consumer of one topic in one group, as start() does', async () => {
    const bus = new EmbeddedEventBus({ partitions: 2, retryPolicy, logger: silentLogger() });
    bus.subscribe({ group: 'classifier', topic: 'mentions.raw', handler: async () => undefined });
    await expect(bus.subscribeRaw({ group: 'classifier', topic: 'mentions.raw', handle: async () => undefined })).rejects.toThrow('subscribes to mentions.raw twice');
  });

  it('starts a consumer subscribed while start() runs once, not twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cxm-bus-raw-'));
    try {
      const bus = new EmbeddedEventBus({ dataDir, partitions: 2, retryPolicy, logger: silentLogger() });
      bus.subscribe({ group: 'explorer', topic: 'mentions.raw', handler: async () => undefined });
      let deliveries = 0;
      const starting = bus.start(); // opens the explorer's offsets, asynchronously
      const subscribing = bus.subscribeRaw({ group: 'classifier', topic: 'mentions.raw', handle: async () => void (deliveries += 1) });
      await Promise.all([starting, subscribing]);
      await bus.publish('mentions.raw', aMentionReceivedEvent());
      await waitFor(() => (deliveries > 0 ? true : undefined));
      await waitFor(async () => ((await bus.lag()) === 0 ? true : undefined));
      await bus.stop();
      expect(deliveries).toBe(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
