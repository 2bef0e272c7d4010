import { DynamicModule, Module } from '@nestjs/common';
import { IngestModule } from '@cxm/ingest';

/**
 * A front-door replica of the all-in-one (ADR 0031): the ingest routes, on a thread of their own,
 * over the main thread's bus and ingest collections.
 */
@Module({})
export class FrontDoorReplicaModule {
  static forRoot(platform: DynamicModule): DynamicModule {
    return { module: FrontDoorReplicaModule, imports: [platform, IngestModule] };
  }
}
