import { AppendOnlyFile } from '@cxm/platform-embedded';

/**
 * The committed position of one consumer group in one topic, per partition. Written without fsync
 * on purpose: an offset lost in a machine crash only means redelivery, which consumers tolerate.
 */
export class GroupOffsets {
  private constructor(
    private readonly committed: number[],
    private readonly file: AppendOnlyFile | undefined,
  ) {}

  static async open(path: string | undefined, partitions: number): Promise<GroupOffsets> {
    const committed = new Array<number>(partitions).fill(0);
    if (!path) return new GroupOffsets(committed, undefined);
    const { file, lines } = await AppendOnlyFile.open(path, { durable: false });
    for (const line of lines) {
      const { p, o } = JSON.parse(line) as { p: number; o: number };
      if (p < partitions) committed[p] = Math.max(committed[p], o);
    }
    // Keep the file short: one line per partition after each start.
    if (lines.length > partitions) await file.rewrite(committed.map((o, p) => JSON.stringify({ p, o })));
    return new GroupOffsets(committed, file);
  }

  next(partition: number): number {
    return this.committed[partition];
  }

  async commit(partition: number, nextOffset: number): Promise<void> {
    this.committed[partition] = nextOffset;
    await this.file?.append([JSON.stringify({ p: partition, o: nextOffset })]);
  }

  async close(): Promise<void> {
    await this.file?.close();
  }
}
