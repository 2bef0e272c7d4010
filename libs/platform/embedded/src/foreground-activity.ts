export interface ForegroundSeenFromAnotherThread {
  readonly busy: boolean;
  quietForMs(): number;
}

/** The count (Int32) and, 8-byte aligned after it, the time the last request ended (BigInt64). */
const SHARED_BYTES = 16;

/**
 * How many HTTP requests the process is answering right now. In the all-in-one the front door and
 * every embedded consumer share one event loop; the consumers read this to stand back while
 * requests wait (ADR 0025). Kept by the HTTP server (`bootstrapService`), read by the embedded bus.
 */
export class ForegroundActivity {
  private active = 0;
  private readonly idleListeners: (() => void)[] = [];
  /** The same count, for other threads to read (`shareWithThreads`)… */
  private shared: Int32Array | undefined;
  /** …and when a request of its own last ended (Date.now(), which every thread reads alike). */
  private sharedLastEnd: BigInt64Array | undefined;

  /** Requests in progress whose work another thread does (handed over): not shown to other threads. */
  private handedOver = 0;
  /** The count other threads see now. */
  private ownShown = 0;

  begin(): void {
    this.active += 1;
    this.publish(false);
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
    this.publish(false);
    let undone = false;
    return () => {
      if (undone) return;
      undone = true;
      this.handedOver -= 1;
      this.publish(false);
    };
  }

  /**
   * `stampQuiet`: when the last request of this thread's own has just ended, it is quiet from now
   * (not when the last one was handed over, nor when a handed-over one ends before its undo).
   */
  private publish(stampQuiet = true): void {
    if (!this.shared) return;
    const own = Math.max(0, this.active - this.handedOver);
    if (stampQuiet && own === 0 && this.ownShown > 0 && this.sharedLastEnd) Atomics.store(this.sharedLastEnd, 0, BigInt(Date.now()));
    this.ownShown = own;
    Atomics.store(this.shared, 0, own);
  }

  /**
   * From now on the count is also kept in shared memory, which other threads of the process read
   * through `ForegroundActivity.seenFrom` (the all-in-one's lifecycle thread, ADR 0028).
   */
  shareWithThreads(): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(SHARED_BYTES);
    this.shared = new Int32Array(buffer, 0, 1);
    this.sharedLastEnd = new BigInt64Array(buffer, 8, 1); // 0: no request of its own has ended yet
    this.publish(false);
    return buffer;
  }

  /**
   * The activity of the thread that shared `buffer`: whether it is answering requests right now,
   * and for how long it has not been (0 while it is).
   */
  static seenFrom(buffer: SharedArrayBuffer): ForegroundSeenFromAnotherThread {
    const count = new Int32Array(buffer, 0, 1);
    const lastEnd = new BigInt64Array(buffer, 8, 1);
    return {
      get busy() {
        return Atomics.load(count, 0) > 0;
      },
      quietForMs() {
        return Atomics.load(count, 0) > 0 ? 0 : Date.now() - Number(Atomics.load(lastEnd, 0));
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
