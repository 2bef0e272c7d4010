import { aCanonicalMention, waitFor } from '@cxm/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAllInOne } from '../src/start-all-in-one';
import { ApiClient } from './support/api-client';
import { E2E_ADMIN_TOKEN } from './support/all-in-one-target';

jest.setTimeout(90_000);

const IN_FLIGHT = 300;

describe.each([
  ['on one front-door thread', { CXM_FRONT_DOOR_THREADS: '1' }],
  // The replicas answer the posts and publish through the main thread's bus: they must be drained before it stops.
  ['with front-door replicas (ADR 0031)', { CXM_FRONT_DOOR_THREADS: '2' }],
])('shutting down while mentions are being posted, %s', (_layout, layoutEnv: Record<string, string>) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-e2e-shutdown-'));
  const env = { PORT: '0', CXM_DATA_DIR: dataDir, CXM_ADMIN_TOKEN: E2E_ADMIN_TOKEN, CXM_TENANTS: 'demo', CXM_LOG_LEVEL: 'fatal', ...layoutEnv };

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers every request it has started before closing its journals, and keeps every 202 across the restart', async () => {
    const first = await startAllInOne(env);
    const api = new ApiClient(first.url, E2E_ADMIN_TOKEN, { 'x-tenant-id': 'demo' });
    const mentions = Array.from({ length: IN_FLIGHT }, (_, i) => aCanonicalMention({ externalId: `shutdown-${i}`, text: `Battery drained overnight again, shutdowndrain case ${i}` }));
    let closing = false;
    let answeredWhileClosing = 0;
    let closed: Promise<void> | undefined;
    const outcomes = await Promise.all(
      mentions.map(async (mention) => {
        try {
          const answer = await api.post('/v1/mentions', mention);
          if (closing) answeredWhileClosing += 1;
          if (!closed) {
            // The first answer means the server is busy with the rest: close now, with them in flight.
            closing = true;
            closed = first.app.close();
          }
          return { mention, status: answer.status };
        } catch {
          return { mention, status: 0 }; // refused or cut before it was read: nothing was promised
        }
      }),
    );
    await closed;

    // Without this the test would prove nothing: requests were really in flight when it closed.
    expect(answeredWhileClosing).toBeGreaterThan(0);
    expect(outcomes.filter(({ status }) => status !== 202 && status !== 0)).toEqual([]);
    const accepted = outcomes.filter(({ status }) => status === 202).map(({ mention }) => mention);
    expect(accepted.length).toBeGreaterThan(0);

    const second = await startAllInOne(env);
    try {
      const again = new ApiClient(second.url, E2E_ADMIN_TOKEN, { 'x-tenant-id': 'demo' });
      // Every 202 is remembered (a redelivery is a duplicate) and reaches search through the lifecycle.
      for (const mention of accepted.slice(0, 20)) expect((await again.post('/v1/mentions', mention)).status).toBe(200);
      await waitFor(async () => ((await again.get<{ total: number }>('/v1/search?q=shutdowndrain')).body.total >= accepted.length ? true : undefined), 60_000, 'every accepted mention to be searchable');
    } finally {
      await second.app.close();
    }
  });
});
