import { PlatformConfig } from '@cxm/platform-config';
import { whyThePortCannotBeShared } from './shared-port';

/**
 * How many threads take connections on the public port (ADR 0031): CXM_FRONT_DOOR_THREADS, unless
 * the replicas cannot run here — they reach the main thread's data through the embedded bus's and
 * store's thread bridges, and share the port through SO_REUSEPORT. `notice`: why fewer, if so —
 * only when CXM_FRONT_DOOR_THREADS asked for them; the default quietly takes what can run.
 */
export function frontDoorThreads(config: PlatformConfig): { threads: number; notice?: string } {
  const { wanted, byDefault } = config.frontDoorThreads;
  if (wanted === 1) return { threads: 1 };
  const reason = whyReplicasCannotRun(config);
  if (!reason) return { threads: wanted };
  return byDefault ? { threads: 1 } : { threads: 1, notice: reason };
}

function whyReplicasCannotRun(config: PlatformConfig): string | undefined {
  if (config.bus.driver !== 'embedded' || config.store.driver !== 'embedded') {
    return 'CXM_FRONT_DOOR_THREADS applies to the embedded bus and store; with servers, run more ingest processes (docs/deployment.md)';
  }
  const reason = whyThePortCannotBeShared(config.host);
  return reason && `one front-door thread instead of ${config.frontDoorThreads.wanted}: ${reason}`;
}
