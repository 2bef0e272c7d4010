import { Inject, Injectable, Optional } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { ProblemException } from '@cxm/platform-http';

/** Seconds a client is asked to wait when ingest is saturated: the bus usually catches up within one. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 1;

export function overloadedProblem(inFlight: number): ProblemException {
  return new ProblemException({
    type: '/problems/overloaded',
    title: 'Ingest is overloaded',
    status: 503,
    detail: `${inFlight} mentions are being stored; retry after ${OVERLOADED_RETRY_AFTER_SECONDS} s`,
    retryAfterSeconds: OVERLOADED_RETRY_AFTER_SECONDS,
  });
}

/**
 * Backpressure: at most `maxInFlight` mentions are being published at once. When the bus is slow
 * the in-flight count climbs to the bound and further mentions are refused with 503 + Retry-After,
 * so memory stays bounded and the client — who still holds the mention — retries later, instead
 * of the server queueing without limit and answering long after the client gave up.
 */
@Injectable()
export class PublishGate {
  private inFlight = 0;
  maxInFlight: number;

  constructor(@Optional() @Inject(PLATFORM_CONFIG) config?: PlatformConfig) {
    this.maxInFlight = config?.ingest.maxInFlight ?? 4_096;
  }

  /** A gate of a given size, outside dependency injection (tests, tools). */
  static ofSize(maxInFlight: number): PublishGate {
    const gate = new PublishGate();
    gate.maxInFlight = maxInFlight;
    return gate;
  }

  get current(): number {
    return this.inFlight;
  }

  saturated(): boolean {
    return this.inFlight >= this.maxInFlight;
  }

  /** Runs `task` holding one slot, or throws the 503 problem when none is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.saturated()) throw overloadedProblem(this.inFlight);
    this.inFlight += 1;
    try {
      return await task();
    } finally {
      this.inFlight -= 1;
    }
  }
}
