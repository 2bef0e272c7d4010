/** How the server (or the reader) settled one record. */
export type Outcome =
  | { kind: 'accepted' | 'duplicate' | 'edited' }
  | { kind: 'rejected'; status?: number; reason: string; errors?: { field: string; message: string }[] };

export interface Rejection {
  line: number;
  status?: number;
  reason: string;
  errors?: { field: string; message: string }[];
}

export interface PrefixCounts {
  accepted: number;
  duplicates: number;
  edited: number;
  rejected: number;
}

interface Pending {
  line: number;
  endOffset: number;
  outcome?: Outcome;
}

/**
 * Records are sent many at a time and settle in any order; what may be checkpointed is only the
 * *contiguous* settled prefix — every record up to some line, none missing. This tracks that
 * prefix (its last line and the byte offset just after it) and releases rejections in file order
 * as the prefix passes them, so the rejects file never holds a line the checkpoint does not cover.
 */
export class AcknowledgedPrefix {
  private readonly queue: Pending[] = [];
  private head = 0;
  private readonly byLine = new Map<number, Pending>();
  line: number;
  offset: number;
  readonly counts: PrefixCounts;

  constructor(
    start: { line: number; offset: number; counts?: PrefixCounts },
    private readonly onRejection: (rejection: Rejection) => void,
  ) {
    this.line = start.line;
    this.offset = start.offset;
    this.counts = { accepted: 0, duplicates: 0, edited: 0, rejected: 0, ...start.counts };
  }

  /** Records are registered in file order, before they are sent. */
  register(line: number, endOffset: number): void {
    const pending = { line, endOffset };
    this.queue.push(pending);
    this.byLine.set(line, pending);
  }

  settle(line: number, outcome: Outcome): void {
    const pending = this.byLine.get(line);
    if (!pending) throw new Error(`line ${line} was not registered or is already settled`);
    pending.outcome = outcome;
    this.advance();
  }

  /** Records registered and not yet inside the prefix. */
  get outstanding(): number {
    return this.queue.length - this.head;
  }

  /** After the last record: blank lines at the end of the file are part of the prefix too. */
  finish(fileSize: number, lastLine: number): void {
    if (this.outstanding === 0) {
      this.offset = Math.max(this.offset, fileSize);
      this.line = Math.max(this.line, lastLine);
    }
  }

  private advance(): void {
    while (this.head < this.queue.length && this.queue[this.head].outcome) {
      const { line, endOffset, outcome } = this.queue[this.head++];
      this.byLine.delete(line);
      this.line = line;
      this.offset = endOffset;
      this.count(line, outcome!);
    }
    // Drop the settled head now and then so the queue does not grow with the file.
    if (this.head > 4096) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  private count(line: number, outcome: Outcome): void {
    if (outcome.kind === 'accepted') this.counts.accepted++;
    else if (outcome.kind === 'duplicate') this.counts.duplicates++;
    else if (outcome.kind === 'edited') this.counts.edited++;
    else if (outcome.kind === 'rejected') {
      this.counts.rejected++;
      this.onRejection({ line, status: outcome.status, reason: outcome.reason, errors: outcome.errors });
    }
  }
}
