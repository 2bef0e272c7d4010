import { ForegroundActivity } from '@cxm/platform-embedded';
import { silentLogger } from '@cxm/platform-logging';
import { aMention, aMentionReceivedEvent, waitForQuietBus } from '@cxm/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventBusContract } from '../contract/event-bus.contract';
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

  it('lets the waiting consumers go side by side again once the last request ends', async () => {
    const foreground = new ForegroundActivity();
    foreground.begin();
    const result = await run(foreground, () => setTimeout(() => foreground.end(), 20));
    expect(result.handled).toBe(80);
    expect(result.mostAtOnce).toBeGreaterThan(1);
  });
});
