import { AppendOnlyFile } from '@cxm/platform-embedded';

export interface StoredRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
  timestamp: string;
}

/**
 * One partition of one topic: an ordered list of records, mirrored to an append-only file when the
 * bus has a data directory. Consumers see a record only once it is durable, so nothing a consumer
 * acted on can disappear in a crash.
 */
export class PartitionLog {
  private readonly records: StoredRecord[];
  private durableCount: number;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly file: AppendOnlyFile | undefined,
    existing: StoredRecord[],
  ) {
    this.records = existing;
    this.durableCount = existing.length;
  }

  static async open(path: string | undefined): Promise<PartitionLog> {
    if (!path) return new PartitionLog(undefined, []);
    const { file, lines } = await AppendOnlyFile.open(path, { durable: true });
    return new PartitionLog(file, lines.map((line) => JSON.parse(line) as StoredRecord));
  }

  /** Resolves with the record's offset once it is stored (fsynced when file-backed). */
  async append(record: StoredRecord): Promise<number> {
    const offset = this.records.push(record) - 1;
    await this.file?.append([JSON.stringify(record)]);
    this.durableCount = Math.max(this.durableCount, offset + 1);
    this.wakeWaiters();
    return offset;
  }

  /** The record at `offset` if it is durable, else undefined. */
  read(offset: number): StoredRecord | undefined {
    return offset < this.durableCount ? this.records[offset] : undefined;
  }

  get endOffset(): number {
    return this.durableCount;
  }

  /** Resolves at the next durable append (or when woken for shutdown). */
  waitForAppend(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  wakeWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }

  async close(): Promise<void> {
    this.wakeWaiters();
    await this.file?.close();
  }
}
