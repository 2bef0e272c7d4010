/**
 * How many HTTP requests the process is answering right now. In the all-in-one the front door and
 * every embedded consumer share one event loop; the consumers read this to stand back while
 * requests wait (ADR 0025). Kept by the HTTP server (`bootstrapService`), read by the embedded bus.
 */
export class ForegroundActivity {
  private active = 0;
  private readonly idleListeners: (() => void)[] = [];

  begin(): void {
    this.active += 1;
  }

  end(): void {
    this.active = Math.max(0, this.active - 1);
    if (this.active === 0) this.idleListeners.forEach((listener) => listener());
  }

  get busy(): boolean {
    return this.active > 0;
  }

  /** Called each time the last request in progress ends. */
  onIdle(listener: () => void): void {
    this.idleListeners.push(listener);
  }
}
