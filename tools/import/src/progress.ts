import { SingleBar } from 'cli-progress';
import { PrefixCounts } from './acknowledged-prefix';

export interface ProgressState {
  /** Bytes of the file inside the acknowledged prefix. */
  offset: number;
  totalBytes: number;
  line: number;
  counts: PrefixCounts;
}

export interface ProgressReporter {
  update(state: ProgressState): void;
  stop(state: ProgressState): void;
}

/**
 * Rate (records per second settled in this run) and ETA (from the bytes still to go at this run's
 * byte rate), the same for the bar and for plain lines.
 */
export class ImportRate {
  private readonly startedAt = performance.now();

  constructor(
    private readonly startOffset: number,
    private readonly startRecords: number,
  ) {}

  describe(state: ProgressState): { rate: string; eta: string; percent: string } {
    const seconds = Math.max(0.001, (performance.now() - this.startedAt) / 1000);
    const records = settled(state.counts) - this.startRecords;
    const bytesPerSecond = (state.offset - this.startOffset) / seconds;
    const left = state.totalBytes - state.offset;
    const eta = bytesPerSecond > 0 ? formatSeconds(left / bytesPerSecond) : '?';
    const percent = state.totalBytes ? ((state.offset / state.totalBytes) * 100).toFixed(1) : '100.0';
    return { rate: Math.round(records / seconds).toLocaleString('en'), eta, percent };
  }
}

export function settled(counts: PrefixCounts): number {
  return counts.accepted + counts.duplicates + counts.edited + counts.rejected;
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

/** A progress bar on a terminal (cli-progress). */
export class BarProgress implements ProgressReporter {
  private readonly bar = new SingleBar({
    format: 'importing [{bar}] {pct}% | line {line} | {rate} lines/s | ETA {etaText} | {accepted} new, {duplicates} dup, {edited} edited, {rejected} rejected',
    hideCursor: true,
    barsize: 24,
  });

  constructor(
    private readonly rate: ImportRate,
    initial: ProgressState,
  ) {
    this.bar.start(initial.totalBytes, initial.offset, this.payload(initial));
  }

  update(state: ProgressState): void {
    this.bar.update(state.offset, this.payload(state));
  }

  stop(state: ProgressState): void {
    this.update(state);
    this.bar.stop();
  }

  private payload(state: ProgressState) {
    const { rate, eta, percent } = this.rate.describe(state);
    return { pct: percent, line: state.line.toLocaleString('en'), rate, etaText: eta, ...state.counts };
  }
}

/** Plain lines, every few seconds, when stdout is not a terminal (CI logs, pipes, files). */
export class LineProgress implements ProgressReporter {
  private lastAt = 0;

  constructor(
    private readonly rate: ImportRate,
    private readonly write: (text: string) => void,
    private readonly everyMs = 2_000,
  ) {}

  update(state: ProgressState): void {
    const now = performance.now();
    if (now - this.lastAt < this.everyMs) return;
    this.lastAt = now;
    this.print(state);
  }

  stop(state: ProgressState): void {
    this.print(state);
  }

  private print(state: ProgressState): void {
    const { rate, eta, percent } = this.rate.describe(state);
    const c = state.counts;
    this.write(`imported to line ${state.line} (${percent}%), ${rate} lines/s, ETA ${eta}: ${c.accepted} new, ${c.duplicates} duplicate, ${c.edited} edited, ${c.rejected} rejected\n`);
  }
}
