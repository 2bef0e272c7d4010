import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
export const SERVICES = ['ingest', 'classifier', 'profile', 'routing', 'responder', 'explorer'] as const;

export interface DistributedOptions {
  /** Public port of the gateway (0: any free port). */
  port: number;
  /** Environment shared by every service: drivers, endpoints, tokens, tenants… */
  env: Record<string, string>;
  /** Where each process's output goes; default: inherited (the terminal). */
  output?: 'inherit' | 'capture';
}

export interface RunningDistributed {
  url: string;
  /** Captured output of each process (when output is 'capture'), for failure messages. */
  logs: Map<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts every service as its own OS process against the running Kafka, Elasticsearch and
 * MongoDB, then the gateway in front of them — the distributed mode on one machine. Each process
 * is started exactly as its container would start it.
 */
export async function launchDistributed(options: DistributedOptions): Promise<RunningDistributed> {
  const children = new Map<string, ChildProcess>();
  const logs = new Map<string, string>();
  const stop = async () => {
    await Promise.all([...children.values()].map(terminate));
  };
  try {
    const ports = new Map<string, number>();
    for (const service of SERVICES) ports.set(service, await freePort());
    for (const service of SERVICES) {
      children.set(service, startProcess(service, { ...options.env, PORT: String(ports.get(service)) }, options.output, logs));
    }
    await Promise.all(SERVICES.map((service) => waitUntilHealthy(service, `http://127.0.0.1:${ports.get(service)}`, children.get(service)!, logs)));
    const gatewayPort = options.port || (await freePort());
    const upstreams = Object.fromEntries(
      SERVICES.map((s) => [`CXM_UPSTREAM_${s.toUpperCase()}`, `http://127.0.0.1:${ports.get(s)}`]),
    );
    children.set('gateway', startProcess('gateway', { ...options.env, ...upstreams, PORT: String(gatewayPort) }, options.output, logs));
    const url = `http://127.0.0.1:${gatewayPort}`;
    await waitUntilHealthy('gateway', url, children.get('gateway')!, logs);
    return { url, logs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startProcess(app: string, env: Record<string, string>, output: DistributedOptions['output'], logs: Map<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['-r', './scripts/register.js', `apps/${app}/src/main.ts`], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: output === 'capture' ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  logs.set(app, '');
  const keep = (chunk: Buffer) => logs.set(app, (logs.get(app)! + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return child;
}

async function waitUntilHealthy(name: string, url: string, child: ChildProcess, logs: Map<string, string>): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${logs.get(name)}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not answer /healthz within 90 s:\n${logs.get(name)}`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
