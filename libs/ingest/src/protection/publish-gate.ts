import { Inject, Injectable, Optional } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { ProblemException } from '@cxm/platform-http';

/**
 * Injected where a thread's gate must count with another thread's (ADR 0032): the buffer that
 * other gate's `shareWithThreads` gave.
 */
export const SHARED_IN_FLIGHT = Symbol('SHARED_IN_FLIGHT');

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
 *
 * The count is kept in shared memory: an all-in-one front-door replica, whose mentions the main
 * thread publishes (ADR 0032), counts with the main thread's gate (`SHARED_IN_FLIGHT`), so its
 * guard refuses before validating, mapping and handing over what the main thread would refuse anyway.
 */
@Injectable()
export class PublishGate {
  /** [0]: mentions being published, by this gate's thread and any that share it. */
  private readonly inFlight: Int32Array;
  maxInFlight: number;

  constructor(@Optional() @Inject(PLATFORM_CONFIG) config?: PlatformConfig, @Optional() @Inject(SHARED_IN_FLIGHT) shared?: SharedArrayBuffer) {
    this.maxInFlight = config?.ingest.maxInFlight ?? 4_096;
    this.inFlight = new Int32Array(shared ?? new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), 0, 1);
  }

  /** A gate of a given size, outside dependency injection (tests, tools). */
  static ofSize(maxInFlight: number): PublishGate {
    const gate = new PublishGate();
    gate.maxInFlight = maxInFlight;
    return gate;
  }

  /** The in-flight count's memory, for another thread's gate (`SHARED_IN_FLIGHT`). */
  shareWithThreads(): SharedArrayBuffer {
    return this.inFlight.buffer as SharedArrayBuffer;
  }

  get current(): number {
    return Atomics.load(this.inFlight, 0);
  }

  saturated(): boolean {
    return this.current >= this.maxInFlight;
  }

  /** Runs `task` holding one slot, or throws the 503 problem when none is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.saturated()) throw overloadedProblem(this.current);
    Atomics.add(this.inFlight, 0, 1);
    try {
      return await task();
    } finally {
      Atomics.sub(this.inFlight, 0, 1);
    }
  }
}
