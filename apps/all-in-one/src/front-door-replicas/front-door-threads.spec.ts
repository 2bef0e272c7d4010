import { loadPlatformConfig } from '@cxm/platform-config';
import { frontDoorThreads } from './front-door-threads';

describe('frontDoorThreads', () => {
  const config = (env: Record<string, string>, cores = 2) => loadPlatformConfig({ CXM_ADMIN_TOKEN: 'token-0123456789abcdef', CXM_TENANTS: 'acme', ...env }, cores);

  it('is two threads where there are two cores or more, one on a single core, unless CXM_FRONT_DOOR_THREADS says', () => {
    expect(frontDoorThreads(config({}, 1))).toEqual({ threads: 1 });
    expect(frontDoorThreads(config({}, 2))).toEqual({ threads: 2 });
    expect(frontDoorThreads(config({}, 8))).toEqual({ threads: 2 });
    expect(frontDoorThreads(config({ CXM_FRONT_DOOR_THREADS: '1' }, 8))).toEqual({ threads: 1 });
    expect(frontDoorThreads(config({ CXM_FRONT_DOOR_THREADS: '3' }, 1))).toEqual({ threads: 3 });
  });

  it('stays on one thread, saying why, where the replicas cannot run', () => {
    expect(frontDoorThreads(config({ CXM_FRONT_DOOR_THREADS: '2', CXM_STORE: 'mongodb', CXM_MONGODB_URL: 'mongodb://127.0.0.1:27017/cxm' }))).toEqual({
      threads: 1,
      notice: expect.stringContaining('applies to the embedded bus and store'),
    });
    expect(frontDoorThreads(config({ CXM_FRONT_DOOR_THREADS: '2', CXM_HOST: 'localhost' }))).toEqual({
      threads: 1,
      notice: 'one front-door thread instead of 2: CXM_HOST localhost is not an IP address (SO_REUSEPORT binds one)',
    });
  });

  it('falls back to one thread quietly where the default two cannot run', () => {
    expect(frontDoorThreads(config({ CXM_HOST: 'localhost' }))).toEqual({ threads: 1 });
    expect(frontDoorThreads(config({ CXM_STORE: 'mongodb', CXM_MONGODB_URL: 'mongodb://127.0.0.1:27017/cxm' }))).toEqual({ threads: 1 });
  });

  it('refuses a thread count outside 1–16 at start, naming the variable', () => {
    expect(() => config({ CXM_FRONT_DOOR_THREADS: '0' })).toThrow('CXM_FRONT_DOOR_THREADS');
    expect(() => config({ CXM_FRONT_DOOR_THREADS: 'many' })).toThrow('CXM_FRONT_DOOR_THREADS');
  });
});
