import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '@cxm/testing';
import { allInOneLaunchArguments } from '../../src/node-flags';

export { freePort } from '@cxm/distributed-launcher';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** The all-in-one as a separate OS process, started the way `npm start` starts it, so it can be killed hard. */
export class AllInOneProcess {
  private child?: ChildProcess;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    this.child = spawn(process.execPath, allInOneLaunchArguments(), {
      cwd: ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk) => (this.output += chunk));
    this.child.stderr!.on('data', (chunk) => (this.output += chunk));
    await waitFor(async () => {
      if (this.child?.exitCode !== null) throw new Error(`all-in-one exited: ${this.output}`);
      // Ready, not only alive: with front-door replicas (the default on two cores), /healthz answers
      // from the first replica up while the start-up placeholder still holds part of the port.
      const response = await fetch(`http://127.0.0.1:${this.env.PORT}/readyz`).catch(() => undefined);
      return response?.ok ? true : undefined;
    }, 30_000, 'the all-in-one to answer /readyz');
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed — a crash. */
  async kill(): Promise<void> {
    const child = this.child!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
