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

  begin(): void {
    this.active += 1;
    if (this.shared) Atomics.store(this.shared, 0, this.active);
  }

  end(): void {
    this.active = Math.max(0, this.active - 1);
    if (this.shared) Atomics.store(this.shared, 0, this.active);
    if (this.active === 0) this.idleListeners.forEach((listener) => listener());
  }

  /**
   * From now on the count is also kept in shared memory, which other threads of the process read
   * through `ForegroundActivity.seenFrom` (the all-in-one's lifecycle thread, ADR 0028).
   */
  shareWithThreads(): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    this.shared = new Int32Array(buffer);
    Atomics.store(this.shared, 0, this.active);
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
