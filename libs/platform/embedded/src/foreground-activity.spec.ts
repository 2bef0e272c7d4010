import { Worker } from 'node:worker_threads';
import { ForegroundActivity } from './foreground-activity';

describe('ForegroundActivity shared with other threads', () => {
  it('shows its requests in progress to a reader of the shared buffer', () => {
    const activity = new ForegroundActivity();
    activity.begin();
    const seen = ForegroundActivity.seenFrom(activity.shareWithThreads());
    expect(seen.busy).toBe(true); // counted before it was shared, too
    activity.end();
    expect(seen.busy).toBe(false);
    activity.begin();
    activity.begin();
    activity.end();
    expect(seen.busy).toBe(true);
  });

  it('is read by another thread through the same memory', async () => {
    const activity = new ForegroundActivity();
    const buffer = activity.shareWithThreads();
    activity.begin();
    const countSeenByAnotherThread = () =>
      new Promise<number>((resolve, reject) => {
        const worker = new Worker("const { workerData, parentPort } = require('node:worker_threads'); parentPort.postMessage(Atomics.load(new Int32Array(workerData), 0));", { eval: true, workerData: buffer });
        worker.once('message', (count: number) => void worker.terminate().then(() => resolve(count)));
        worker.once('error', reject);
      });
    expect(await countSeenByAnotherThread()).toBe(1);
    activity.end();
    expect(await countSeenByAnotherThread()).toBe(0);
  });

  it("does not show other threads the requests it hands over to them, yet still counts them", () => {
    const activity = new ForegroundActivity();
    const seen = ForegroundActivity.seenFrom(activity.shareWithThreads());
    activity.begin();
    const undo = activity.handOver();
    expect(seen.busy).toBe(false);
    expect(activity.busy).toBe(true); // a shutdown still waits for it
    expect(seen.quietForMs()).toBeGreaterThan(1_000_000); // and it never made this thread busy
    undo();
    undo(); // once only
    expect(seen.busy).toBe(true);
    activity.end();
    expect(seen.busy).toBe(false);
  });

  it('is not made busy by a handed-over request that ends before its undo runs', () => {
    const activity = new ForegroundActivity();
    const seen = ForegroundActivity.seenFrom(activity.shareWithThreads());
    activity.begin();
    const undo = activity.handOver();
    activity.end(); // the request counter's 'close' listener runs first
    undo();
    expect(seen.busy).toBe(false);
    expect(seen.quietForMs()).toBeGreaterThan(1_000_000);
  });

  it('tells another thread how long it has been quiet', async () => {
    const activity = new ForegroundActivity();
    const seen = ForegroundActivity.seenFrom(activity.shareWithThreads());
    activity.begin();
    expect(seen.quietForMs()).toBe(0);
    activity.end();
    expect(seen.quietForMs()).toBeLessThan(20);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen.quietForMs()).toBeGreaterThanOrEqual(50);
  });
});
