import { ForegroundActivity } from '@cxm/platform-embedded';
import { upstreamFor } from '@cxm/platform-http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Middleware, NextFunction, pathOf } from '../middleware';
import { proxyToThread } from '../proxy-to-thread';

/**
 * Middleware for a front-door replica (ADR 0031). The kernel hands the replica connections,
 * not routes, so any request may arrive here: the ingest routes are answered on this thread, a
 * lifecycle route goes straight to the lifecycle thread, and the rest — health, /metrics (summed
 * over every front-door thread there), /docs, the sandbox platform — to the main thread's loopback
 * port. Run before the body is read, so a handed-over request is streamed on as it came.
 */
export function handOverFromReplica(targets: { lifecycleUrl: string; mainUrl: string }, foreground: ForegroundActivity): Middleware {
  const toLifecycle = proxyToThread(targets.lifecycleUrl, 'the lifecycle thread');
  const toMain = proxyToThread(targets.mainUrl, 'the main thread');
  return (req: IncomingMessage, res: ServerResponse, next: NextFunction) => {
    const upstream = upstreamFor(req.method ?? 'GET', pathOf(req));
    if (upstream === 'ingest') return next();
    // Another thread does this request's work: the lifecycle must not stand back for this one.
    res.once('close', foreground.handOver());
    return (upstream === undefined ? toMain : toLifecycle)(req, res, next);
  };
}
