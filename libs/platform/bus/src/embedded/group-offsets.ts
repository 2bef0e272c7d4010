import { AppendOnlyFile } from '@cxm/platform-embedded';

/**
 * The committed position of one consumer group in one topic, per partition. Written without fsync
 * on purpose: an offset lost in a machine crash only means redelivery, which consumers tolerate.
 * For the same reason a commit does not wait for its write: at most one write per group is in
 * flight, carrying the latest position of every partition committed meanwhile, so a consumer does
 * not pay one file write per event (nine consumer groups: nine writes per mention). A commit is
 * in memory at once, so the next read in this process never sees the event again; `close()` waits
 * for the last write.
 */
export class GroupOffsets {
  private readonly dirty = new Set<number>();
  private writing: Promise<void> | undefined;

  private constructor(
    private readonly committed: number[],
    private readonly file: AppendOnlyFile | undefined,
    private readonly onWriteError: (error: unknown) => void,
  ) {}

  static async open(path: string | undefined, partitions: number, onWriteError: (error: unknown) => void = () => undefined): Promise<GroupOffsets> {
    const committed = new Array<number>(partitions).fill(0);
    if (!path) return new GroupOffsets(committed, undefined, onWriteError);
    const { file, lines } = await AppendOnlyFile.open(path, { durable: false });
    for (const line of lines) {
      const { p, o } = JSON.parse(line) as { p: number; o: number };
      if (p < partitions) committed[p] = Math.max(committed[p], o);
    }
    // Keep the file short: one line per partition after each start.
    if (lines.length > partitions) await file.rewrite(committed.map((o, p) => JSON.stringify({ p, o })));
    return new GroupOffsets(committed, file, onWriteError);
  }

  next(partition: number): number {
    return this.committed[partition];
  }

  commit(partition: number, nextOffset: number): void {
    this.committed[partition] = nextOffset;
    if (!this.file) return;
    this.dirty.add(partition);
    this.writing ??= this.writeDirty(this.file);
  }

  async close(): Promise<void> {
    await this.writing;
    await this.file?.close();
  }

  private async writeDirty(file: AppendOnlyFile): Promise<void> {
    while (this.dirty.size) {
      const lines = [...this.dirty].map((p) => JSON.stringify({ p, o: this.committed[p] }));
      this.dirty.clear();
      try {
        await file.append(lines);
      } catch (error) {
        // A lost offset write only means redelivery after a restart; the next commit writes again.
        this.onWriteError(error);
      }
    }
    this.writing = undefined;
  }
}
