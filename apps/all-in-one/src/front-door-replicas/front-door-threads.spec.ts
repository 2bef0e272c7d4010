import { loadPlatformConfig } from '@cxm/platform-config';
import { frontDoorThreads } from './front-door-threads';

describe('frontDoorThreads', () => {
  const config = (env: Record<string, string>) => loadPlatformConfig({ CXM_ADMIN_TOKEN: 'token-0123456789abcdef', CXM_TENANTS: 'acme', ...env });

  it('is one thread unless CXM_FRONT_DOOR_THREADS asks for more', () => {
    expect(frontDoorThreads(config({}))).toEqual({ threads: 1 });
    expect(frontDoorThreads(config({ CXM_FRONT_DOOR_THREADS: '3' }))).toEqual({ threads: 3 });
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

  it('refuses a thread count outside 1–16 at start, naming the variable', () => {
    expect(() => config({ CXM_FRONT_DOOR_THREADS: '0' })).toThrow('CXM_FRONT_DOOR_THREADS');
    expect(() => config({ CXM_FRONT_DOOR_THREADS: 'many' })).toThrow('CXM_FRONT_DOOR_THREADS');
  });
});
