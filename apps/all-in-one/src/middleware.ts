import { pathWithoutQuery } from '@cxm/platform-http';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Continues with the next middleware, then the routes; called with an error, answers that error instead. */
export type NextFunction = (error?: unknown) => void;

/**
 * What `app.use` runs before a request's body is read and before its route (Fastify's middleware,
 * Node.js's own request and response): the all-in-one's hand-overs to its other threads.
 */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void;

/** The request's path, without its query. */
export function pathOf(req: IncomingMessage): string {
  return pathWithoutQuery(req.url ?? '/');
}
