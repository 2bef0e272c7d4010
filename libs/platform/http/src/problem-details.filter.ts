import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject, Optional } from '@nestjs/common';
import { Logger } from '@cxm/platform-logging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isWebhookRequest, pathWithoutQuery, unsupportedMediaType } from './request-body';
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
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const instance = instanceOf(request);
    const problem: ProblemDetails = { ...this.toProblem(exception), instance };
    if (problem.status >= 500) this.logger.error({ err: exception, path: instance }, 'request failed');
    this.observers?.notify(request, problem);
    const retryAfter = retryAfterOf(problem);
    if (retryAfter !== undefined) response.header('Retry-After', retryAfter);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Fastify refuses a Content-Type header it cannot parse before any parser of ours runs.
      if (status === HttpStatus.UNSUPPORTED_MEDIA_TYPE) return unsupportedMediaType(exception.message).problem;
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: string | string[] }).message;
      return {
        type: 'about:blank',
        title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase()) ?? 'Error',
        status,
        detail: Array.isArray(message) ? message.join('; ') : message,
      };
    }
    return { type: 'about:blank', title: 'Internal server error', status: 500 };
  }
}

/** The request's URL, without the query of a webhook call: it carries the platform's verify token, which must not be logged. */
function instanceOf(request: FastifyRequest): string {
  const url = request.originalUrl;
  return isWebhookRequest(request) ? pathWithoutQuery(url) : url;
}
