import { ForegroundActivity } from '@cxm/platform-embedded';

/**
 * When the embedded consumers may start their next event (ADR 0025). While the process answers
 * no request, every (group, partition) loop runs side by side, as before. While requests are in
 * progress, the loops take turns: one event at a time across the whole bus, so the downstream
 * work (classify, profile, route, respond, index) can never hold the event loop against the front
 * door, yet it always moves: a turn is never refused, only queued behind the one in progress.
 * Only the start of an event is gated; its handling, ordering and offsets are unchanged.
 */
export class ConsumerTurns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private unpaced = false;

  constructor(private readonly foreground?: ForegroundActivity) {
    foreground?.onIdle(() => this.admit());
  }

  /** Undefined when the turn is free now (no promise on the common path); else resolves when it is the caller's. */
  take(): Promise<void> | undefined {
    if (this.mayStart()) {
      this.running += 1;
      return undefined;
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.running += 1;
        resolve();
      }),
    );
  }

  give(): void {
    this.running -= 1;
    this.admit();
  }

  /** For shutdown: everyone waiting goes, and no one waits from now on. */
  releaseAll(): void {
    this.unpaced = true;
    this.admit();
  }

  private mayStart(): boolean {
    return this.unpaced || !this.foreground?.busy || this.running === 0;
  }

  private admit(): void {
    while (this.waiting.length && this.mayStart()) this.waiting.shift()!();
  }
}
