import { AcknowledgedPrefix, Rejection } from './acknowledged-prefix';

describe('AcknowledgedPrefix', () => {
  let rejected: Rejection[];
  let prefix: AcknowledgedPrefix;

  beforeEach(() => {
    rejected = [];
    prefix = new AcknowledgedPrefix({ line: 0, offset: 0 }, (r) => rejected.push(r));
    [1, 2, 3, 4].forEach((line) => prefix.register(line, line * 100));
  });

  it('advances only over a contiguous run of settled lines, whatever order they settle in', () => {
    prefix.settle(2, { kind: 'accepted' });
    prefix.settle(4, { kind: 'accepted' });
    expect([prefix.line, prefix.offset]).toEqual([0, 0]);

    prefix.settle(1, { kind: 'duplicate' });
    expect([prefix.line, prefix.offset]).toEqual([2, 200]);

    prefix.settle(3, { kind: 'edited' });
    expect([prefix.line, prefix.offset]).toEqual([4, 400]);
    expect(prefix.counts).toEqual({ accepted: 2, duplicates: 1, edited: 1, rejected: 0 });
    expect(prefix.outstanding).toBe(0);
  });

  it('releases rejections in file order, only once the prefix covers them', () => {
    prefix.settle(3, { kind: 'rejected', status: 400, reason: 'author.id: id should not be empty' });
    prefix.settle(2, { kind: 'rejected', reason: 'not valid JSON' });
    expect(rejected).toEqual([]);

    prefix.settle(1, { kind: 'accepted' });
    expect(rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(rejected[1]).toEqual({ line: 3, status: 400, reason: 'author.id: id should not be empty', errors: undefined });
  });

  it('continues from a checkpoint with its counts', () => {
    const resumed = new AcknowledgedPrefix({ line: 40, offset: 4_000, counts: { accepted: 38, duplicates: 0, edited: 0, rejected: 2 } }, () => undefined);
    resumed.register(41, 4_100);
    resumed.settle(41, { kind: 'accepted' });
    expect([resumed.line, resumed.offset, resumed.counts.accepted, resumed.counts.rejected]).toEqual([41, 4_100, 39, 2]);
  });

  it('takes the blank lines at the end of the file into the prefix once every record is settled', () => {
    [1, 2, 3, 4].forEach((line) => prefix.settle(line, { kind: 'accepted' }));
    prefix.finish(420, 6);
    expect([prefix.line, prefix.offset]).toEqual([6, 420]);
  });

  it('refuses to settle a line twice', () => {
    prefix.settle(1, { kind: 'accepted' });
    expect(() => prefix.settle(1, { kind: 'accepted' })).toThrow(/already settled/);
  });
});
