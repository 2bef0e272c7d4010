import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const ROOT = join(__dirname, '..', '..', '..');

/** Starts a worker thread that names itself `name` and answers with its OS thread id. */
function threadNamed(name: string): Promise<{ tid: number; worker: Worker }> {
  const code = `
    require(${JSON.stringify(join(ROOT, 'scripts/register.js'))});
    const { parentPort } = require('node:worker_threads');
    require(${JSON.stringify(join(__dirname, 'thread-name.ts'))}).nameThisThread(${JSON.stringify(name)});
    parentPort.postMessage(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()));
    parentPort.once('message', () => process.exit(0));`;
  const worker = new Worker(code, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('message', (tid: number) => resolve({ tid, worker }));
    worker.once('error', reject);
  });
}

const onLinux = process.platform === 'linux' ? describe : describe.skip;

onLinux('nameThisThread', () => {
  it('names the calling thread, which the process then lists by that name, and leaves the main thread its own', async () => {
    const mainName = readFileSync(`/proc/self/task/${process.pid}/comm`, 'utf8');
    const { tid, worker } = await threadNamed('cxm-replica-7');

    expect(readFileSync(`/proc/self/task/${tid}/comm`, 'utf8')).toBe('cxm-replica-7\n');
    expect(readFileSync(`/proc/self/task/${process.pid}/comm`, 'utf8')).toBe(mainName);
    worker.postMessage('exit');
    await new Promise((resolve) => worker.once('exit', resolve));
  });

  it('keeps the first 15 bytes of a longer name, the most Linux keeps', async () => {
    const { tid, worker } = await threadNamed('cxm-lifecycle-thread-of-the-all-in-one');

    expect(readFileSync(`/proc/self/task/${tid}/comm`, 'utf8')).toBe('cxm-lifecycle-t\n');
    worker.postMessage('exit');
    await new Promise((resolve) => worker.once('exit', resolve));
  });
});
