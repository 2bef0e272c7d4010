import { unavailableProblem, writeProblem } from '@cxm/platform-http';
import { createServer as createHttpServer } from 'node:http';
import { AddressInfo, createServer, isIP } from 'node:net';

interface ReuseportAddon {
  createReuseportFd(port: number, host: string): number;
}

/**
 * node-unix-socket's `createReuseportFd` (a native addon; Node.js 20 has no `reusePort` option),
 * or why it cannot be had on this platform.
 */
function reuseportAddon(): { addon: ReuseportAddon } | { unavailable: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when threads share the port, and it may be missing on this platform
    return { addon: require('node-unix-socket') as ReuseportAddon };
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  }
}

/** Why several threads cannot share the public port here, or undefined when they can. */
export function whyThePortCannotBeShared(host: string): string | undefined {
  if (isIP(host) === 0) return `CXM_HOST ${host} is not an IP address (SO_REUSEPORT binds one)`;
  const addon = reuseportAddon();
  return 'unavailable' in addon ? `SO_REUSEPORT is not available: ${addon.unavailable}` : undefined;
}

/**
 * A TCP socket bound to `host:port` with SO_REUSEPORT, for `server.listen({ fd })`. Each thread
 * binds its own: the kernel spreads new connections over them, and one closing (a replica that
 * stops or dies) leaves the others listening — which one descriptor shared by several threads does
 * not (ADR 0030 saw the process abort).
 */
export function bindSharedPort(host: string, port: number): number {
  return loadedAddon().createReuseportFd(port, host);
}

function loadedAddon(): ReuseportAddon {
  const loaded = reuseportAddon();
  if ('unavailable' in loaded) throw new Error(`SO_REUSEPORT is not available: ${loaded.unavailable}`);
  return loaded.addon;
}

/** The public port, held for the replicas until they listen on it. */
export interface ReservedPort {
  port: number;
  /** Closes the placeholder: call once the replicas listen (or failed to). */
  release(): Promise<void>;
}

/**
 * The public port the replicas are to share. SO_REUSEPORT would let a second process of the same
 * user bind it too and silently take part of the traffic, so it is first bound without the option:
 * a port in use fails as a plain `listen` would (EADDRINUSE). Port 0 picks a free port this way.
 * Then, until the replicas listen, a placeholder holds the port on a socket of its own — it must
 * listen, or a second all-in-one's check (SO_REUSEADDR, which Node.js sets) would pass — and
 * answers whoever it is handed 503 with Retry-After, as the port will, briefly, during a restart.
 */
export function reservePublicPort(host: string, port: number): Promise<ReservedPort> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => {
      const bound = (probe.address() as AddressInfo).port;
      probe.close(() => holdWithPlaceholder(host, bound).then(resolve, reject));
    });
  });
}

function holdWithPlaceholder(host: string, port: number): Promise<ReservedPort> {
  const placeholder = createHttpServer((_request, response) => writeProblem(response, unavailableProblem('the all-in-one is starting'), { connection: 'close' }));
  return new Promise((resolve, reject) => {
    placeholder.once('error', reject);
    placeholder.listen({ fd: bindSharedPort(host, port) }, () =>
      resolve({
        port,
        release: () =>
          new Promise<void>((released) => {
            if (!placeholder.listening) return released();
            placeholder.close(() => released());
            placeholder.closeAllConnections();
          }),
      }),
    );
  });
}
