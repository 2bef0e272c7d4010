import { DynamicModule, Module } from '@nestjs/common';
import { ClassifierModule } from '@cxm/classification';
import { ExplorerModule } from '@cxm/explorer';
import { IngestModule } from '@cxm/ingest';
import { ProfilesModule } from '@cxm/profiles';
import { ResponderModule } from '@cxm/responder';
import { RoutingModule } from '@cxm/routing';
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

/**
 * The all-in-one's lifecycle thread: every service downstream of `mentions.raw`, wired through the
 * same bus topics as in production, with the HTTP routes that read and change what they keep.
 */
@Module({})
export class LifecycleModule {
  static forRoot(platform: DynamicModule): DynamicModule {
    return {
      module: LifecycleModule,
      imports: [platform, ClassifierModule, ProfilesModule, RoutingModule, ResponderModule, ExplorerModule],
    };
  }
}
