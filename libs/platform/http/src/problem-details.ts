import { HttpException, HttpStatus } from '@nestjs/common';
import type { ServerResponse } from 'node:http';

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error answer. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An HTTP error that already knows its problem document. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }
}

export function validationProblem(errors: FieldProblem[], detail = 'The request is not valid; see errors.'): ProblemException {
  return new ProblemException({
    type: '/problems/validation-error',
    title: 'Validation failed',
    status: HttpStatus.BAD_REQUEST,
    detail,
    errors,
  });
}

export function notFoundProblem(detail: string): ProblemException {
  return new ProblemException({ type: '/problems/not-found', title: 'Not found', status: HttpStatus.NOT_FOUND, detail });
}

export function forbiddenProblem(detail: string): ProblemException {
  return new ProblemException({ type: '/problems/forbidden', title: 'Forbidden', status: HttpStatus.FORBIDDEN, detail });
}

/**
 * A 503 the client retries in a second: work handed to another thread that did not answer (ADRs
 * 0028, 0031, 0032; nothing is known of the outcome, and a repeat is a duplicate at worst), or an
 * all-in-one still starting.
 */
export function unavailableProblem(detail: string): ProblemDetails {
  return { type: 'about:blank', title: 'Service Unavailable', status: HttpStatus.SERVICE_UNAVAILABLE, detail, retryAfterSeconds: 1 };
}

/** The `Retry-After` value of a problem: only a 429 or 503 that says when to retry has one. */
export function retryAfterOf(problem: ProblemDetails): string | undefined {
  const retryable = problem.status === HttpStatus.TOO_MANY_REQUESTS || problem.status === HttpStatus.SERVICE_UNAVAILABLE;
  return retryable && typeof problem.retryAfterSeconds === 'number' ? String(problem.retryAfterSeconds) : undefined;
}

/**
 * Answers `problem` on a bare Node.js response, outside Nest (a proxy's error, a placeholder
 * server), as ProblemDetailsFilter does inside it: its status, the problem content type, and
 * `Retry-After` (retryAfterOf).
 */
export function writeProblem(response: ServerResponse, problem: ProblemDetails, headers: Record<string, string> = {}): void {
  const retryAfter = retryAfterOf(problem);
  response.writeHead(problem.status, { 'content-type': PROBLEM_CONTENT_TYPE, ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }), ...headers });
  response.end(JSON.stringify(problem));
}
