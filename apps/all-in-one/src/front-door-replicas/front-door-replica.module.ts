import { DynamicModule, Module } from '@nestjs/common';
import { IngestModule, MentionAcceptance } from '@cxm/ingest';

/**
 * A front-door replica of the all-in-one (ADRs 0031, 0032): the ingest routes, on a thread of their
 * own, handing their mentions to the main thread's AcceptMention through `acceptance`, and reading
 * the other ingest collections (channel settings) through the main thread's store. `inFlight`: the
 * main thread's publish gate count, which this replica's guard refuses by.
 */
@Module({})
export class FrontDoorReplicaModule {
  static forRoot(platform: DynamicModule, acceptance: MentionAcceptance, inFlight: SharedArrayBuffer): DynamicModule {
    return { module: FrontDoorReplicaModule, imports: [platform, IngestModule.acceptingThrough(acceptance, inFlight)] };
  }
}
