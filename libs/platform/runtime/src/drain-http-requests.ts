import type { ForegroundActivity } from '@cxm/platform-embedded';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * The first step of a shutdown: stop taking connections, then wait — at most `timeoutMs` — until
 * every request being answered has its answer. Only then may the bus close. Nest's own order
 * closes the HTTP server after the `beforeApplicationShutdown` hooks (where the bus stops), so
 * without this a request in flight found the bus closed and answered 500, and a rolling update
 * failed the webhooks and imports arriving in its last moments.
 *
 * `server.close()` refuses new connections only: a keep-alive connection already open still
 * carries new requests. Those are answered too, with `Connection: close`, and each connection is
 * closed as soon as it is idle. Past the timeout whatever still runs (a long streaming export) is
 * cut, on purpose, rather than left to meet a closed bus.
 */
export async function drainHttpRequests(server: Server | undefined, foreground: ForegroundActivity, timeoutMs: number): Promise<void> {
  if (!server?.listening) return;
  const deadline = Date.now() + timeoutMs;
  server.prependListener('request', lastOnItsConnection);
  server.close();
  server.closeIdleConnections();
  while (foreground.busy && Date.now() < deadline) {
    await untilIdle(foreground, deadline - Date.now());
    server.closeIdleConnections();
  }
  if (foreground.busy) server.closeAllConnections();
}

function lastOnItsConnection(_request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('connection', 'close');
}

function untilIdle(foreground: ForegroundActivity, timeoutMs: number): Promise<void> {
  if (!foreground.busy) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    foreground.onIdle(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
