import { ForegroundActivity } from '@cxm/platform-embedded';

/** How long the event in progress may hold the only turn before one more event starts beside it. */
const STALL_MS = 250;

/**
 * When the embedded consumers may start their next event (ADR 0025). While the process answers
 * no request, every (group, partition) loop runs side by side, as before. While requests are in
 * progress, the loops take turns: one event at a time across the whole bus, so the downstream
 * work (classify, profile, route, respond, index) can never hold the event loop against the front
 * door, yet it always moves: a turn is never refused, only queued behind the one in progress (and
 * an event that holds its turn longer than STALL_MS lets one more start beside it).
 * Only the start of an event is gated; its handling, ordering and offsets are unchanged.
 */
export class ConsumerTurns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private unpaced = false;
  private stallTimer: NodeJS.Timeout | undefined;
  /** When the latest event started (performance.now()). */
  private lastStart = 0;

  constructor(private readonly foreground?: ForegroundActivity) {
    foreground?.onIdle(() => this.admit());
  }

  /** Undefined when the turn is free now (no promise on the common path); else resolves when it is the caller's. */
  take(): Promise<void> | undefined {
    if (this.mayStart()) {
      this.started();
      return undefined;
    }
    return new Promise((resolve) => {
      this.waiting.push(() => {
        this.started();
        resolve();
      });
      this.armStallTimer();
    });
  }

  give(): void {
    this.running -= 1;
    this.admit();
  }

  /** For shutdown: everyone waiting goes, and no one waits from now on. */
  releaseAll(): void {
    this.unpaced = true;
    clearTimeout(this.stallTimer);
    this.admit();
  }

  /**
   * An event that holds its turn long (a reply delivery waiting out its retry backoff) must not
   * stop the whole lifecycle while the front door stays busy: when no event has started for
   * STALL_MS and someone is waiting, one more starts anyway.
   */
  private armStallTimer(): void {
    if (this.stallTimer) return;
    const heldFor = performance.now() - this.lastStart;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = undefined;
      // Only when no event has started for STALL_MS: events that come and go keep one at a time.
      if (performance.now() - this.lastStart >= STALL_MS) this.waiting.shift()?.();
      if (this.waiting.length) this.armStallTimer();
    }, Math.max(1, STALL_MS - heldFor));
    this.stallTimer.unref?.();
  }
  private started(): void {
    this.running += 1;
    this.lastStart = performance.now();
  }

  private mayStart(): boolean {
    return this.unpaced || !this.foreground?.busy || this.running === 0;
  }

  private admit(): void {
    while (this.waiting.length && this.mayStart()) this.waiting.shift()!();
  }
}
