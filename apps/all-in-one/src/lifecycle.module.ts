import { DynamicModule, Module } from '@nestjs/common';
import { ClassifierModule } from '@cxm/classification';
import { ExplorerModule } from '@cxm/explorer';
import { ProfilesModule } from '@cxm/profiles';
import { ResponderModule } from '@cxm/responder';
import { RoutingModule } from '@cxm/routing';

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
