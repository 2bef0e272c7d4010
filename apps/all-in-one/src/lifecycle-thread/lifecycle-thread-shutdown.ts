import { OnApplicationShutdown } from '@nestjs/common';

/**
 * Stops the lifecycle thread once the front door has stopped (ADR 0028): Nest runs every
 * `beforeApplicationShutdown` first, so by now the HTTP requests are answered (proxied ones too)
 * and the bus has settled its last delivery to the thread.
 */
export class LifecycleThreadShutdown implements OnApplicationShutdown {
  constructor(private readonly thread: { stop(): Promise<void> }) {}

  async onApplicationShutdown(): Promise<void> {
    await this.thread.stop();
  }
}
