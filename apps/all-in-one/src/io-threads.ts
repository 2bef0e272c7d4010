/**
 * Imported first by main.ts, before anything touches the disk: libuv sizes its thread pool at its
 * first use. In the all-in-one every journal append and every fsync of the embedded bus, stores
 * and index goes through that pool, ~16 operations per mention's lifecycle; with libuv's default
 * of 4 threads the consumers queued behind each other's fsyncs (the lifecycle digested ~100
 * mentions/s instead of ~140 on two cores). `UV_THREADPOOL_SIZE` set by the operator wins.
 */
process.env.UV_THREADPOOL_SIZE ??= '16';
