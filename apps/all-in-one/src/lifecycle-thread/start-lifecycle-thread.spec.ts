import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LifecycleThread, LifecycleThreadOptions, startLifecycleThread } from './start-lifecycle-thread';

/** The stand-in thread (testing/stand-in-lifecycle-thread.worker.js) takes the paths the real one takes only when something breaks. */
const STAND_IN = join(__dirname, 'testing', 'stand-in-lifecycle-thread.worker.js');
const ROOT = join(__dirname, '..', '..', '..', '..');

describe('startLifecycleThread', () => {
  let dir: string;
  /** Answers /readyz for the stand-in thread, which reports this server's URL as its own. */
  let readyz: Server;
  /** Threads a test started, stopped after it whatever it asserted, so none outlives the suite. */
  let started: LifecycleThread[];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxm-lifecycle-thread-'));
    started = [];
    readyz = createServer((request, response) => response.writeHead(request.url === '/readyz' ? 200 : 404).end());
    await new Promise<void>((resolve) => readyz.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await Promise.all(started.map((thread) => thread.stop()));
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => readyz.close(resolve));
  });

  const heartbeat = () => join(dir, 'heartbeat');
  const stoppedFile = () => join(dir, 'stopped');

  function standIn(behaviour: string, options: Partial<LifecycleThreadOptions> = {}): Promise<LifecycleThread> {
    writeFileSync(heartbeat(), '');
    const env = { STAND_IN: behaviour, HEARTBEAT_FILE: heartbeat(), STOPPED_FILE: stoppedFile(), READY_URL: `http://127.0.0.1:${(readyz.address() as AddressInfo).port}` };
    return startLifecycleThread(env, { bridgeBus: false, script: STAND_IN, stopTimeoutMs: 1_000, ...options }).then((thread) => {
      started.push(thread);
      return thread;
    });
  }

  const beats = () => readFileSync(heartbeat(), 'utf8').length;

  /** The thread beats on: a new beat within a second (generous, for a loaded machine). */
  async function beatsOn(): Promise<boolean> {
    const before = beats();
    for (const deadline = Date.now() + 1_000; Date.now() < deadline; await sleep(10)) if (beats() > before) return true;
    return false;
  }

  /** The thread started (it beat at least once) and beats no more. */
  async function stoppedBeating(): Promise<boolean> {
    if (beats() === 0) throw new Error('the stand-in thread never ran: nothing to tell about its end');
    await sleep(50); // a beat already under way lands
    const before = beats();
    await sleep(100);
    return beats() === before;
  }

  it('fails to start, and terminates the thread, when it does not report ready in time', async () => {
    await expect(standIn('never-ready', { startTimeoutMs: 1_000 })).rejects.toThrow('the lifecycle thread did not start within 1 s');
    expect(await stoppedBeating()).toBe(true);
  });

  it('fails to start with the reason the thread gives, and terminates it', async () => {
    await expect(standIn('fails')).rejects.toThrow('the lifecycle thread failed to start: listen EADDRINUSE: address already in use 127.0.0.1:4000');
    expect(await stoppedBeating()).toBe(true);
  });

  it('fails to start with the error the thread threw while starting', async () => {
    await expect(standIn('throws-while-starting')).rejects.toThrow('Cannot find module @cxm/routing');
  });

  it('fails to start when the thread exits while starting, naming its exit code', async () => {
    await expect(standIn('exits-while-starting')).rejects.toThrow('the lifecycle thread exited with code 3 while starting');
  });

  it('reports a thread that dies after its start, and its readiness turns false', async () => {
    const died: number[] = [];
    const thread = await standIn('ready-then-dies', { onDied: (code) => died.push(code) });
    expect(await thread.readiness.check()).toBe(true);
    thread.tellPublicUrl('http://127.0.0.1:1'); // the stand-in's cue to die
    for (const deadline = Date.now() + 5_000; died.length === 0 && Date.now() < deadline; ) await sleep(10);
    expect(died).toEqual([9]);
    expect(await thread.readiness.check()).toBe(false);
  });

  it('exits the process with code 70 when the thread dies after its start, so that a supervisor restarts it', () => {
    // Run from outside: the default reaction ends the process it runs in.
    const script = `require('reflect-metadata'); require(${JSON.stringify(join(__dirname, 'start-lifecycle-thread.ts'))}).startLifecycleThread({ STAND_IN: 'ready-then-dies' }, { bridgeBus: false, script: ${JSON.stringify(STAND_IN)} }).then((thread) => thread.tellPublicUrl('http://127.0.0.1:1'));`;
    const child = spawnSync(process.execPath, ['-r', join(ROOT, 'scripts', 'register.js'), '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(child.status).toBe(70);
    expect(child.stderr).toContain('the lifecycle thread exited (code 9); stopping the process so that it can be restarted');
  });

  it('tells the thread to stop and lets it shut down by itself, without reporting it as died', async () => {
    const died: number[] = [];
    const thread = await standIn('ready-stops', { onDied: (code) => died.push(code) });
    await thread.stop();
    expect(existsSync(stoppedFile()) && readFileSync(stoppedFile(), 'utf8')).toBe('stopped gracefully\n');
    expect(await stoppedBeating()).toBe(true);
    expect(died).toEqual([]);
  });

  it('waits for a thread that does not finish its shutdown, then terminates it', async () => {
    const died: number[] = [];
    const thread = await standIn('ready-ignores-stop', { stopTimeoutMs: 300, onDied: (code) => died.push(code) });
    expect(await beatsOn()).toBe(true);
    const stopping = Date.now();
    await thread.stop();
    expect(Date.now() - stopping).toBeGreaterThanOrEqual(290); // it waited out the grace period first
    expect(await stoppedBeating()).toBe(true);
    expect(died).toEqual([]);
  });
});
