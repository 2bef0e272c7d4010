/**
 * Collects what one event-loop turn produces and hands it over as one array at the turn's end
 * (`setImmediate` runs after the turn's I/O callbacks): the store bridge sends one port message
 * per turn, not one per call (ADR 0031); so does the all-in-one's accept bridge (ADR 0032).
 */
export class TurnBatch<T> {
  private items: T[] = [];
  private scheduled = false;

  constructor(private readonly flush: (items: T[]) => void) {}

  add(item: T): void {
    this.items.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flushNow());
  }

  flushNow(): void {
    this.scheduled = false;
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.flush(items);
  }
}

/**
 * Posts a turn's items as one message; when that fails (an item the structured clone cannot copy,
 * say a function), posts them one by one, so only the items that cannot go fail — with their own
 * error — and the rest still reach the other thread.
 */
export function postEach<T>(items: T[], post: (batch: T[]) => void, fail: (item: T, error: ErrorDescription) => void): void {
  try {
    post(items);
  } catch {
    for (const item of items) {
      try {
        post([item]);
      } catch (error) {
        fail(item, describeError(error));
      }
    }
  }
}

/** An error as it crosses threads: its name and message, and whatever a bridge's protocol adds (a problem, say). */
export interface ErrorDescription {
  name: string;
  message: string;
}

/** An error's name and message for the other thread; duck-typed, since a DataCloneError is a DOMException of another realm. */
export function describeError(error: unknown): ErrorDescription {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return typeof message === 'string' ? { name: typeof name === 'string' ? name : 'Error', message } : { name: 'Error', message: String(error) };
}
