export interface RetryPolicy {
  /** Tries in all, the first included, before an event is dead-lettered. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 10_000 };

/**
 * Thrown by a handler that knows retrying cannot help (the event refers to something that will
 * never exist, say): the event goes to the dead-letter topic at once.
 */
export class PermanentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentFailure';
  }
}
