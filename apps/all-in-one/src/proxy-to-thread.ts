import { unavailableProblem, writeProblem } from '@cxm/platform-http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { ServerResponse } from 'node:http';

/**
 * Express middleware that streams a request on, unchanged (body, headers and token), to another
 * thread's loopback port (ADRs 0028 and 0031); that thread authenticates it like any service. A
 * thread that does not answer gives the client a 503 problem, to be retried.
 */
export function proxyToThread(url: string, thread: string): RequestHandler {
  const proxy = createProxyMiddleware<Request, Response>({
    target: url,
    changeOrigin: false,
    xfwd: true,
    proxyTimeout: 60_000,
    on: {
      error: (_error, _req, res) => {
        const response = res as ServerResponse;
        if (response.headersSent || typeof response.writeHead !== 'function') return void response.end?.();
        writeProblem(response, unavailableProblem(`${thread} is not answering`));
      },
    },
  });
  return (req: Request, res: Response, next: NextFunction) => void proxy(req, res, next);
}
