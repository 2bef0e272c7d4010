/**
 * How many HTTP requests the process is answering right now. In the all-in-one the front door and
 * every embedded consumer share one event loop; the consumers read this to stand back while
 * requests wait (ADR 0025). Kept by the HTTP server (`bootstrapService`), read by the embedded bus.
 */
export class ForegroundActivity {
  private active = 0;
  private readonly idleListeners: (() => void)[] = [];
  /** The same count, for other threads to read (`shareWithThreads`). */
  private shared: Int32Array | undefined;

  /** Requests in progress whose work another thread does (handed over): not shown to other threads. */
  private handedOver = 0;

  begin(): void {
    this.active += 1;
    this.publish();
  }

  end(): void {
    this.active = Math.max(0, this.active - 1);
    this.publish();
    if (this.active === 0) this.idleListeners.forEach((listener) => listener());
  }

  /**
   * A request in progress that another thread answers (the all-in-one hands the lifecycle's routes
   * to its thread, ADR 0028): it still counts here (a shutdown waits for it), but other threads do
   * not see it as this thread's work — they must not stand back for a request they serve. Returns
   * the undo, called when the request ends.
   */
  handOver(): () => void {
    this.handedOver += 1;
    this.publish();
    let undone = false;
    return () => {
      if (undone) return;
      undone = true;
      this.handedOver -= 1;
      this.publish();
    };
  }

  private publish(): void {
    if (this.shared) Atomics.store(this.shared, 0, Math.max(0, this.active - this.handedOver));
  }

  /**
   * From now on the count is also kept in shared memory, which other threads of the process read
   * through `ForegroundActivity.seenFrom` (the all-in-one's lifecycle thread, ADR 0028).
   */
  shareWithThreads(): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    this.shared = new Int32Array(buffer);
    this.publish();
    return buffer;
  }

  /** Whether the thread that shared `buffer` is answering requests right now. */
  static seenFrom(buffer: SharedArrayBuffer): { readonly busy: boolean } {
    const count = new Int32Array(buffer);
    return {
      get busy() {
        return Atomics.load(count, 0) > 0;
      },
    };
  }

  get busy(): boolean {
    return this.active > 0;
  }

  /** Called each time the last request in progress ends. */
  onIdle(listener: () => void): void {
    this.idleListeners.push(listener);
  }
}
