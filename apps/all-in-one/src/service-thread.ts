import type { Worker } from 'node:worker_threads';

/** What every service thread of the all-in-one (the lifecycle thread, the front-door replicas) says while it starts and stops. */
export type ServiceThreadLifecycleMessage = { kind: 'ready' } | { kind: 'failed'; error: string } | { kind: 'stopped' };

/**
 * Resolves with the thread's `ready` message. Rejects, naming `what`, when it says `failed`, exits,
 * throws, or stays silent for `timeoutMs`; a thread that never said ready is terminated then, so it
 * cannot start later behind the caller's back.
 */
export async function untilThreadReady<Ready extends { kind: 'ready' }>(worker: Worker, what: string, timeoutMs: number): Promise<Ready> {
  let timer: NodeJS.Timeout | undefined;
  let onMessage: ((message: ServiceThreadLifecycleMessage) => void) | undefined;
  let onError: ((error: Error) => void) | undefined;
  let onExit: ((code: number) => void) | undefined;
  const ready = new Promise<Ready>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    onError = reject;
    onExit = (code) => reject(new Error(`${what} exited with code ${code} while starting`));
    onMessage = (message) => {
      if (message.kind === 'ready') resolve(message as Ready);
      if (message.kind === 'failed') reject(new Error(`${what} failed to start: ${message.error}`));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
  try {
    return await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  } finally {
    clearTimeout(timer);
    worker.off('message', onMessage!);
    worker.off('error', onError!);
    worker.off('exit', onExit!);
  }
}

/**
 * Asks the thread for its graceful shutdown (`{ kind: 'stop' }`) and waits until it says `stopped`
 * or exits, at most `timeoutMs`; then terminates it, which also ends a thread stuck in its shutdown.
 */
export async function stopThread(worker: Worker, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let onMessage: ((message: ServiceThreadLifecycleMessage) => void) | undefined;
  let onExit: (() => void) | undefined;
  const stopped = new Promise<void>((resolve) => {
    onMessage = (message) => message.kind === 'stopped' && resolve();
    onExit = resolve;
    worker.on('message', onMessage);
    worker.once('exit', onExit);
  });
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  worker.postMessage({ kind: 'stop' });
  await Promise.race([stopped, timeout]);
  clearTimeout(timer);
  worker.off('message', onMessage!);
  worker.off('exit', onExit!);
  await worker.terminate();
}
