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
    undo();
    undo(); // once only
    expect(seen.busy).toBe(true);
    activity.end();
    expect(seen.busy).toBe(false);
  });
});
