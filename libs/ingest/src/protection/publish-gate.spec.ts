import { loadPlatformConfig } from '@cxm/platform-config';
import { MessageChannel } from 'node:worker_threads';
import { PublishGate } from './publish-gate';

describe('PublishGate', () => {
  const config = loadPlatformConfig({ HOME: '/tmp', CXM_TENANTS: 'demo', CXM_INGEST_MAX_IN_FLIGHT: '2' });

  it('holds one slot per task running, refuses with 503 when all are held, and frees them as tasks end', async () => {
    const gate = new PublishGate(config);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = [gate.run(() => held), gate.run(() => held)];
    expect(gate.current).toBe(2);
    expect(gate.saturated()).toBe(true);
    await expect(gate.run(() => Promise.resolve())).rejects.toMatchObject({ problem: { status: 503, type: '/problems/overloaded', retryAfterSeconds: 1 } });
    release();
    await Promise.all(running);
    expect(gate.current).toBe(0);
    await expect(gate.run(() => Promise.resolve('stored'))).resolves.toBe('stored');
  });

  it("frees the slot of a task that failed", async () => {
    const gate = new PublishGate(config);
    await expect(gate.run(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(gate.current).toBe(0);
  });

  it("counts with the gate whose memory it shares, as a front-door replica does with the main thread's (ADR 0032)", async () => {
    const main = new PublishGate(config);
    // The buffer crosses a real MessagePort, as it does in a replica's workerData: shared, not copied.
    const channel = new MessageChannel();
    const arrived = new Promise<SharedArrayBuffer>((resolve) => channel.port2.once('message', resolve));
    channel.port1.postMessage(main.shareWithThreads());
    const replica = new PublishGate(config, await arrived);
    channel.port1.close();

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = [main.run(() => held), main.run(() => held)];
    expect(replica.current).toBe(2);
    expect(replica.saturated()).toBe(true);
    release();
    await Promise.all(running);
    expect(replica.saturated()).toBe(false);
    expect(new PublishGate(config).saturated()).toBe(false);
  });
});
