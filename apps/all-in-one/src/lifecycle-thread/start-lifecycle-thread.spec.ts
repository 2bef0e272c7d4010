import { spawnSync } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLifecycleThread } from './start-lifecycle-thread';

/** The stand-in thread (testing/stand-in-lifecycle-thread.worker.js) takes the paths the real one takes only when something breaks. */
const STAND_IN = join(__dirname, 'testing', 'stand-in-lifecycle-thread.worker.js');
const ROOT = join(__dirname, '..', '..', '..', '..');

describe('startLifecycleThread', () => {
  let dir: string;
  /** Answers /readyz for the stand-in thread, which reports this server's URL as its own. */
  let readyz: Server;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxm-lifecycle-thread-'));
    readyz = createServer((request, response) => response.writeHead(request.url === '/readyz' ? 200 : 404).end());
    await new Promise<void>((resolve) => readyz.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => readyz.close(resolve));
  });

  function standIn(behaviour: string, options: Partial<Parameters<typeof startLifecycleThread>[1]> = {}) {
    const heartbeat = join(dir, 'heartbeat');
    const env = { STAND_IN: behaviour, HEARTBEAT_FILE: heartbeat, READY_URL: `http://127.0.0.1:${(readyz.address() as AddressInfo).port}` };
    const started = startLifecycleThread(env, { bridgeBus: false, script: STAND_IN, ...options });
    return { started, heartbeat };
  }

  /** Whether the thread still writes its heartbeat (a terminated thread does not). */
  async function stillBeating(heartbeat: string): Promise<boolean> {
    await sleep(50); // a beat already under way lands
    const before = readFileSync(heartbeat, 'utf8').length;
    await sleep(100);
    return readFileSync(heartbeat, 'utf8').length > before;
  }

  it('fails to start, and terminates the thread, when it does not report ready in time', async () => {
    const { started, heartbeat } = standIn('never-ready', { startTimeoutMs: 200 });
    await expect(started).rejects.toThrow('the lifecycle thread did not start within 0.2 s');
    expect(await stillBeating(heartbeat)).toBe(false);
  });

  it('fails to start with the reason the thread gives, and terminates it', async () => {
    const { started, heartbeat } = standIn('fails');
    await expect(started).rejects.toThrow('the lifecycle thread failed to start: listen EADDRINUSE: address already in use 127.0.0.1:4000');
    expect(await stillBeating(heartbeat)).toBe(false);
  });

  it('fails to start when the thread exits while starting, naming its exit code', async () => {
    await expect(standIn('exits-while-starting').started).rejects.toThrow('the lifecycle thread exited with code 3 while starting');
  });

  it('reports a thread that dies after its start, and its readiness turns false', async () => {
    const died: number[] = [];
    const thread = await standIn('ready-then-dies', { onDied: (code) => died.push(code) }).started;
    expect(await thread.readiness.check()).toBe(true);
    for (const deadline = Date.now() + 5_000; died.length === 0 && Date.now() < deadline; ) await sleep(10);
    expect(died).toEqual([9]);
    expect(await thread.readiness.check()).toBe(false);
  });

  it('exits the process with code 70 when the thread dies after its start, so that a supervisor restarts it', () => {
    // Run from outside: the default reaction ends the process it runs in.
    const script = `require('reflect-metadata'); require(${JSON.stringify(join(__dirname, 'start-lifecycle-thread.ts'))}).startLifecycleThread({ STAND_IN: 'ready-then-dies' }, { bridgeBus: false, script: ${JSON.stringify(STAND_IN)} }).then(() => setInterval(() => undefined, 1000));`;
    const child = spawnSync(process.execPath, ['-r', join(ROOT, 'scripts', 'register.js'), '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(child.status).toBe(70);
    expect(child.stderr).toContain('the lifecycle thread exited (code 9); stopping the process so that it can be restarted');
  });

  it('does not report a thread that exits because it was told to stop', async () => {
    const died: number[] = [];
    const { started, heartbeat } = standIn('ready-stops', { onDied: (code) => died.push(code) });
    const thread = await started;
    await thread.stop();
    expect(await stillBeating(heartbeat)).toBe(false);
    expect(died).toEqual([]);
  });

  it('terminates a thread that does not finish its shutdown in time', async () => {
    const died: number[] = [];
    const { started, heartbeat } = standIn('ready-ignores-stop', { stopTimeoutMs: 200, onDied: (code) => died.push(code) });
    const thread = await started;
    expect(await stillBeating(heartbeat)).toBe(true);
    await thread.stop();
    expect(await stillBeating(heartbeat)).toBe(false);
    expect(died).toEqual([]);
  });
});
