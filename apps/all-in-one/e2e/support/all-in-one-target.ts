import { RunningService } from '@cxm/platform-runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAllInOne } from '../../src/start-all-in-one';
import { ApiClient } from './api-client';

export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789';
export const E2E_ACME_TOKEN = 'e2e-acme-token-0123456789';

export interface Target {
  api: ApiClient;
  stop(): Promise<void>;
}

/**
 * The system under test: an all-in-one started in this process on a random port with its own
 * data directory (removed again by `stop`), replies going to `outboundUrl`.
 */
export async function startAllInOneTarget(outboundUrl: string, extraEnv: Record<string, string> = {}): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-e2e-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  const starting = startAllInOne({
    PORT: '0',
    CXM_DATA_DIR: dataDir,
    CXM_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    CXM_TENANTS: 'demo,acme',
    CXM_API_TOKENS: `acme=${E2E_ACME_TOKEN}`,
    CXM_OUTBOUND_WEBHOOKS: `*=${outboundUrl}/{channel}`,
    CXM_LOG_LEVEL: 'warn',
    CXM_RETRY_INITIAL_DELAY_MS: '20',
    ...extraEnv,
  });
  const service: RunningService = await starting.catch((error: unknown) => {
    removeDataDir();
    throw error;
  });
  const stop = async () => {
    await service.app.close();
    removeDataDir();
  };
  return { api: new ApiClient(service.url, E2E_ADMIN_TOKEN, { 'x-tenant-id': 'demo' }), stop };
}
