import { ForegroundActivity } from '@cxm/platform-embedded';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Counts each HTTP request from its arrival until its response is finished or its connection
 * closes, so the embedded consumers know when the front door is waiting for the event loop.
 */
export function countRequestsInProgress(server: Server, foreground: ForegroundActivity): void {
  // Prepended: counted before any handler (body parsing included) runs.
  server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => {
    foreground.begin();
    response.once('close', () => foreground.end());
  });
}
