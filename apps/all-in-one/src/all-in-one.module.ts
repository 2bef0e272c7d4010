import { DynamicModule, Module } from '@nestjs/common';
import { ClassifierModule } from '@cxm/classification';
import { ExplorerModule } from '@cxm/explorer';
import { IngestModule } from '@cxm/ingest';
import { ProfilesModule } from '@cxm/profiles';
import { ResponderModule } from '@cxm/responder';
import { RoutingModule } from '@cxm/routing';
import { SandboxOutboundController } from './sandbox-outbound.controller';

/** Every service in one process, wired through the same bus topics as in production. */
@Module({})
export class AllInOneModule {
  static forRoot(platform: DynamicModule): DynamicModule {
    return {
      module: AllInOneModule,
      imports: [platform, IngestModule, ClassifierModule, ProfilesModule, RoutingModule, ResponderModule, ExplorerModule],
      controllers: [SandboxOutboundController],
    };
  }
}
