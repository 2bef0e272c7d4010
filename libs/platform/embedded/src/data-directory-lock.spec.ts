import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryInUseError, lockDataDirectory } from './data-directory-lock';

describe('lockDataDirectory', () => {
  it('refuses a data directory that a live process holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxm-lock-'));
    writeFileSync(join(dir, 'cxm.lock'), String(process.ppid));
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryInUseError);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxm-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'cxm.lock'), dead);
    const release = lockDataDirectory(dir);
    expect(readFileSync(join(dir, 'cxm.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
