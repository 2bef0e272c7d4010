import { unavailableProblem, writeProblem } from '@cxm/platform-http';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Middleware, NextFunction } from './middleware';

/**
 * Middleware that streams a request on, unchanged (body, headers and token), to another
 * thread's loopback port (ADRs 0028 and 0031); that thread authenticates it like any service. A
 * thread that does not answer gives the client a 503 problem, to be retried.
 */
export function proxyToThread(url: string, thread: string): Middleware {
  const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
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
  return (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void proxy(req, res, next);
}
