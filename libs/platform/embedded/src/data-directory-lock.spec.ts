import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryInUseError, lockDataDirectory } from './data-directory-lock';

describe('lockDataDirectory', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cxm-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a data directory that a live process holds', () => {
    writeFileSync(join(dir, 'cxm.lock'), String(process.ppid));
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryInUseError);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'cxm.lock'), dead);
    const release = lockDataDirectory(dir);
    expect(readFileSync(join(dir, 'cxm.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
