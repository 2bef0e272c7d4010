import { access } from 'node:fs';
/**
 * Imported first by main.ts, before anything touches the disk: libuv sizes its thread pool at its
 * first use. In the all-in-one every journal append and every fsync of the embedded bus, stores
 * and index goes through that pool, ~16 operations per mention's lifecycle; with libuv's default
 * of 4 threads the consumers queued behind each other's fsyncs (the lifecycle digested ~100
 * mentions/s instead of ~140 on two cores). `UV_THREADPOOL_SIZE` set by the operator wins.
 */
process.env.UV_THREADPOOL_SIZE ??= '16';

/**
 * libuv starts its whole pool at the first operation queued to it, and on Linux a new thread takes
 * the nice value of the thread that starts it. Left to chance, the lifecycle thread (nice 19, ADR
 * 0028) made the first file operation, and every pool thread — the ones that carry the front door's
 * durable writes, each a client waiting for its 202 — ran at the lowest priority, behind whatever
 * else wanted the CPU. Queued here, from the main thread at nice 0, before any other thread exists.
 */
access(__filename, () => undefined);
