import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAllInOne } from '../src/start-all-in-one';

jest.setTimeout(60_000);

describe.each([
  ['on one front-door thread', { CXM_FRONT_DOOR_THREADS: '1' }],
  ['with front-door replicas (ADR 0031)', { CXM_FRONT_DOOR_THREADS: '2' }],
])('an all-in-one that cannot listen, %s', (_layout, layoutEnv: Record<string, string>) => {
  let squatter: Server;
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-start-failure-'));
  afterAll(async () => {
    await new Promise((resolve) => squatter.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails to start, and leaves nothing of itself running: no thread, no bus loop, no open file', async () => {
    squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const port = (squatter.address() as { port: number }).port;
    // Linux: every file, socket and port of this process is one entry here.
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();

    const starting = startAllInOne({
      PORT: String(port),
      CXM_DATA_DIR: dataDir,
      CXM_ADMIN_TOKEN: 'start-failure-token-0123456789',
      CXM_LOG_LEVEL: 'fatal',
      ...layoutEnv,
    });
    await expect(starting).rejects.toThrow('EADDRINUSE');

    // The bus's partition logs and offsets, the stores' journals, the worker's ports: all closed.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(openFiles()).toBeLessThanOrEqual(before);
  });
});
