import type { FastifyRequest } from 'fastify';
import { ProblemDetails } from './problem-details';

export type ProblemObserver = (request: FastifyRequest, problem: ProblemDetails) => void;

/**
 * Lets a module see every error answer the platform's filter sends — including those raised before
 * any controller runs (body too large, malformed JSON) — without owning the filter. Ingest counts
 * its rejections this way. An observer that throws is ignored: metrics never break an answer.
 */
export class ProblemObservers {
  private readonly observers: ProblemObserver[] = [];

  add(observer: ProblemObserver): void {
    this.observers.push(observer);
  }

  notify(request: FastifyRequest, problem: ProblemDetails): void {
    for (const observer of this.observers) {
      try {
        observer(request, problem);
      } catch {
        // Observers are best effort by contract (see above).
      }
    }
  }
}
