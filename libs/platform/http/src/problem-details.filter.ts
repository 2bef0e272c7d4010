import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject, Optional } from '@nestjs/common';
import { Logger } from '@cxm/platform-logging';
import type { Request, Response } from 'express';
import { RAW_BODY_ROUTE_PREFIX } from './configure-http-app';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, retryAfterOf } from './problem-details';
import { ProblemObservers } from './problem-observers';
import { LOGGER } from './tokens';

/**
 * Turns every error into an RFC 9457 answer. Client mistakes keep their 4xx status and reason;
 * anything unexpected is logged with its stack and answered as a bare 500 that leaks nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly observers?: ProblemObservers,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const instance = instanceOf(request);
    const problem: ProblemDetails = { ...this.toProblem(exception), instance };
    if (problem.status >= 500) this.logger.error({ err: exception, path: instance }, 'request failed');
    this.observers?.notify(request, problem);
    const retryAfter = retryAfterOf(problem);
    if (retryAfter !== undefined) response.setHeader('Retry-After', retryAfter);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: string | string[] }).message;
      // Nest maps body-parser's SyntaxError to a plain 400 whose message is the parser's, with its position.
      if (status === 400 && typeof message === 'string' && /\bJSON\b/.test(message)) {
        return { type: '/problems/malformed-json', title: 'Malformed JSON', status, detail: message };
      }
      return {
        type: 'about:blank',
        title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase()) ?? 'Error',
        status,
        detail: Array.isArray(message) ? message.join('; ') : message,
      };
    }
    // body-parser reports malformed JSON and oversized bodies as plain errors carrying a status.
    const parserError = exception as { status?: number; type?: string; message?: string };
    if (parserError?.type === 'entity.parse.failed') {
      return { type: '/problems/malformed-json', title: 'Malformed JSON', status: 400, detail: parserError.message };
    }
    if (parserError?.type === 'entity.too.large') {
      return { type: '/problems/payload-too-large', title: 'Payload too large', status: 413, detail: parserError.message };
    }
    return { type: 'about:blank', title: 'Internal server error', status: 500 };
  }
}

/** The request's URL, without the query of a webhook call: it carries the platform's verify token, which must not be logged. */
function instanceOf(request: Request): string {
  const url = request.originalUrl;
  return url.startsWith(RAW_BODY_ROUTE_PREFIX) ? url.split('?')[0] : url;
}
