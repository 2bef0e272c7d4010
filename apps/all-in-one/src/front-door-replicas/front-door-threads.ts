import { PlatformConfig } from '@cxm/platform-config';
import { whyThePortCannotBeShared } from './shared-port';

/**
 * How many threads take connections on the public port (ADR 0031): CXM_FRONT_DOOR_THREADS, unless
 * the replicas cannot run here — they reach the main thread's data through the embedded bus's and
 * store's thread bridges, and share the port through SO_REUSEPORT. `notice`: why fewer, if so.
 */
export function frontDoorThreads(config: PlatformConfig): { threads: number; notice?: string } {
  const wanted = config.frontDoorThreads;
  if (wanted === 1) return { threads: 1 };
  if (config.bus.driver !== 'embedded' || config.store.driver !== 'embedded') {
    return { threads: 1, notice: 'CXM_FRONT_DOOR_THREADS applies to the embedded bus and store; with servers, run more ingest processes (docs/deployment.md)' };
  }
  const reason = whyThePortCannotBeShared(config.host);
  return reason ? { threads: 1, notice: `one front-door thread instead of ${wanted}: ${reason}` } : { threads: wanted };
}
