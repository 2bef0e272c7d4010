import { DynamicModule, Module } from '@nestjs/common';
import { IngestModule } from '@cxm/ingest';
import { LifecycleThreadShutdown } from './lifecycle-thread/lifecycle-thread-shutdown';
import { SandboxOutboundController } from './sandbox-outbound.controller';

/**
 * The all-in-one's main thread: the front door (every ingest route and feed poller), the sandbox
 * platform replies go to, and the hand-over of every other route to the lifecycle thread (ADR 0028).
 */
@Module({})
export class FrontDoorModule {
  static forRoot(platform: DynamicModule, thread: { stop(): Promise<void> }): DynamicModule {
    return {
      module: FrontDoorModule,
      imports: [platform, IngestModule],
      controllers: [SandboxOutboundController],
      providers: [{ provide: LifecycleThreadShutdown, useFactory: () => new LifecycleThreadShutdown(thread) }],
    };
  }
}
