import type { ForegroundActivity } from '@cxm/platform-embedded';
import type { Server } from 'node:http';

/**
 * The first step of a shutdown: stop taking connections, then wait — at most `timeoutMs` — until
 * every request already being answered has its answer. Only then may the bus and the stores close:
 * closed first (Nest's own order: shutdown hooks before the HTTP server), a request in flight
 * would find its journal closed and answer 500, and a rolling update would fail the webhooks and
 * imports arriving in its last moments.
 */
export async function drainHttpRequests(server: Server | undefined, foreground: ForegroundActivity, timeoutMs: number): Promise<void> {
  if (!server?.listening) return;
  server.close(); // no new connections; Nest's own close later waits for the rest to end
  server.closeIdleConnections();
  await untilIdle(foreground, timeoutMs);
  // The keep-alive connections those answers left open would otherwise linger until their timeout.
  server.closeIdleConnections();
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
