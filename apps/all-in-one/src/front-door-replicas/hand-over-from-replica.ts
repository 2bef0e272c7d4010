import { ForegroundActivity } from '@cxm/platform-embedded';
import { upstreamFor } from '@cxm/platform-http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { proxyToThread } from '../proxy-to-thread';

/**
 * Express middleware for a front-door replica (ADR 0031). The kernel hands the replica connections,
 * not routes, so any request may arrive here: the ingest routes are answered on this thread, a
 * lifecycle route goes straight to the lifecycle thread, and the rest — health, /metrics (summed
 * over every front-door thread there), /docs, the sandbox platform — to the main thread's loopback
 * port. Mounted before the body parsers, so a handed-over request is streamed on as it came.
 */
export function handOverFromReplica(targets: { lifecycleUrl: string; mainUrl: string }, foreground: ForegroundActivity): RequestHandler {
  const toLifecycle = proxyToThread(targets.lifecycleUrl, 'the lifecycle thread');
  const toMain = proxyToThread(targets.mainUrl, 'the main thread');
  return (req: Request, res: Response, next: NextFunction) => {
    const upstream = upstreamFor(req.method, req.path);
    if (upstream === 'ingest') return next();
    // Another thread does this request's work: the lifecycle must not stand back for this one.
    res.once('close', foreground.handOver());
    return (upstream === undefined ? toMain : toLifecycle)(req, res, next);
  };
}
