import { aCanonicalMention } from '@cxm/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AllInOneProcess, freePort } from './support/all-in-one-process';
import { ApiClient } from './support/api-client';
import { allInOneLaunchArguments } from '../src/node-flags';

jest.setTimeout(120_000);

const TOKEN = 'lock-admin-token-0123456789';
const ROOT = join(__dirname, '..', '..', '..');

/** Every file under `dir` with its size: what a second instance must not have touched. */
function sizes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[full.slice(dir.length)] = statSync(full).size;
    }
  };
  walk(dir);
  return out;
}

describe('one data directory, one all-in-one', () => {
  let first: AllInOneProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-lock-'));
  afterAll(async () => {
    await first?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second instance before either of its threads opens a journal', async () => {
    const port = String(await freePort());
    first = new AllInOneProcess({ PORT: port, CXM_DATA_DIR: dataDir, CXM_ADMIN_TOKEN: TOKEN, CXM_LOG_LEVEL: 'warn' });
    await first.start();
    const api = new ApiClient(`http://127.0.0.1:${port}`, TOKEN);
    expect((await api.post('/v1/mentions', aCanonicalMention({ text: 'before the second instance' }))).status).toBe(202);
    // Let the lifecycle settle, so that nothing of the first instance's own writes moves the sizes.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const before = sizes(dataDir);

    const second = spawn(process.execPath, allInOneLaunchArguments(), {
      cwd: ROOT,
      // At info, a lifecycle thread that got as far as starting would say so ("lifecycle listening").
      env: { ...process.env, PORT: String(await freePort()), CXM_DATA_DIR: dataDir, CXM_ADMIN_TOKEN: TOKEN, CXM_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    second.stdout.on('data', (chunk) => (output += chunk));
    second.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));

    expect(code).not.toBe(0);
    expect(output).toContain(`data directory ${dataDir} is in use by process`);
    expect(output).not.toContain('lifecycle listening');
    expect(sizes(dataDir)).toEqual(before);
    expect((await api.post('/v1/mentions', aCanonicalMention({ text: 'after the second instance' }))).status).toBe(202);
  });
});
