import { silentLogger } from '@cxm/platform-logging';
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
