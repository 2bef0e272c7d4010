import { PublishGate } from '@cxm/ingest';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { createLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { waitFor } from '@cxm/testing';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FrontDoorReplicasOptions, startFrontDoorReplicas } from './start-front-door-replicas';

describe('startFrontDoorReplicas (with stand-in replicas)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxm-replicas-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const options = (env: Record<string, string>, logger = createLogger({ level: 'silent', service: 'test' })): FrontDoorReplicasOptions => ({
    count: 2,
    env,
    host: '127.0.0.1',
    port: 0,
    bus: new EmbeddedEventBus({ partitions: 1, retryPolicy: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }, logger }),
    acceptance: { execute: () => Promise.reject(new Error('the stand-in replicas hand over no mention')) },
    publishGate: PublishGate.ofSize(1),
    store: new EmbeddedDocumentStore(),
    lifecycleUrl: 'http://127.0.0.1:9',
    mainUrl: 'http://127.0.0.1:9',
    logger,
    shareActivity: () => undefined,
    script: join(__dirname, 'testing', 'stand-in-front-door-replica.worker.js'),
  });

  it("collects each running replica's ingest series for /metrics, and is ready while every replica runs", async () => {
    const replicas = await startFrontDoorReplicas(options({}));
    const series = await replicas.metrics.collect();
    expect(series.map((one) => one[0].values[0].value).sort()).toEqual([1, 2]);
    expect(await replicas.readiness.check()).toBe(true);
    await replicas.stop();
    expect(await replicas.readiness.check()).toBe(false);
  });

  it('starts a replica that died again, and is not ready until it runs', async () => {
    const marker = join(dir, 'died-once');
    const logger = createLogger({ level: 'silent', service: 'test' });
    const errors: string[] = [];
    jest.spyOn(logger, 'error').mockImplementation(((_details: unknown, message?: string) => void errors.push(message ?? '')) as never);
    const replicas = await startFrontDoorReplicas(options({ DIES_ONCE_MARKER: marker }, logger));
    await waitFor(async () => (errors.length > 0 ? true : undefined), 5_000, 'the replica to die');
    expect(existsSync(marker)).toBe(true);
    expect(errors[0]).toMatch(/^front-door replica [12] ended; starting it again$/);
    expect(await replicas.readiness.check()).toBe(false);
    await waitFor(async () => ((await replicas.readiness.check()) ? true : undefined), 5_000, 'the replica to run again');
    expect(await replicas.metrics.collect()).toHaveLength(2);
    await replicas.stop();
  });

  it('fails to start when one replica fails, and stops the others it started', async () => {
    const startsFile = join(dir, 'starts-failing');
    const logger = createLogger({ level: 'silent', service: 'test' });
    await expect(startFrontDoorReplicas(options({ FAILS_AS_INDEX: '2', STARTS_FILE: startsFile }, logger))).rejects.toThrow('front-door replica 2 failed to start: a stand-in that fails');
    expect(readFileSync(startsFile, 'utf8').split('\n').filter(Boolean).sort()).toEqual(['1', '2']);
  });

  it('starts nothing again once stopped, even a replica whose restart was waiting', async () => {
    const marker = join(dir, 'died-before-stop');
    const startsFile = join(dir, 'starts-stopped');
    const logger = createLogger({ level: 'silent', service: 'test' });
    const errors: string[] = [];
    jest.spyOn(logger, 'error').mockImplementation(((_details: unknown, message?: string) => void errors.push(message ?? '')) as never);
    const replicas = await startFrontDoorReplicas(options({ DIES_ONCE_MARKER: marker, STARTS_FILE: startsFile }, logger));
    await waitFor(async () => (errors.length > 0 ? true : undefined), 5_000, 'the replica to die');
    await replicas.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // past the restart delay
    expect(readFileSync(startsFile, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    expect(await replicas.readiness.check()).toBe(false);
  });
});
