import { ForegroundActivity } from '@cxm/platform-embedded';
import { upstreamFor } from '@cxm/platform-http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Middleware, NextFunction, pathOf } from '../middleware';
import { proxyToThread } from '../proxy-to-thread';

/**
 * Middleware for the front door (ADR 0028): a public route that the ingest service does not
 * answer (by the gateway's table, ADR 0007) goes to the lifecycle thread's loopback port unchanged —
 * body, headers and token; that thread authenticates it like any service. Run before the body is
 * read, so the request is streamed on as it came. `foreground`: the front door's requests in
 * progress, where a handed-over one is marked so (ForegroundActivity.handOver).
 */
export function handOverToLifecycleThread(threadUrl: string, foreground?: ForegroundActivity): Middleware {
  const proxy = proxyToThread(threadUrl, 'the lifecycle thread');
  return (req: IncomingMessage, res: ServerResponse, next: NextFunction) => {
    const upstream = upstreamFor(req.method ?? 'GET', pathOf(req));
    if (upstream === undefined || upstream === 'ingest') return next();
    // The lifecycle thread does this request's work: it must not stand back for it.
    if (foreground) res.once('close', foreground.handOver());
    return proxy(req, res, next);
  };
}

/**
 * The sandbox platform (the all-in-one's stand-in for the platforms replies go to) answers on the
 * front door, but its deliveries are the lifecycle thread's own replies coming back: counted as
 * front-door work they made the lifecycle stand back for itself (digest 232 instead of ≈ 370
 * mentions/s, docs/performance.md).
 */
export function sandboxDeliveriesAreLifecycleWork(foreground: ForegroundActivity): Middleware {
  return (req: IncomingMessage, res: ServerResponse, next: NextFunction) => {
    if (req.method === 'POST' && pathOf(req).startsWith(SANDBOX_OUTBOUND_PATH)) res.once('close', foreground.handOver());
    next();
  };
}

export const SANDBOX_OUTBOUND_PATH = '/sandbox/outbound/';
