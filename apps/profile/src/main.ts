import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { ProfilesModule } from '@cxm/profiles';
import { bootstrapService } from '@cxm/platform-runtime';

/** The profile service on its own: a thin shell over its domain lib. */
@Module({})
class ProfilesServiceModule {
  static forRoot(platform: DynamicModule): DynamicModule {
    return { module: ProfilesServiceModule, imports: [platform, ProfilesModule] };
  }
}

bootstrapService({ name: 'profile', title: 'CXM profile API', rootModule: (platform) => ProfilesServiceModule.forRoot(platform) }).catch((error) => {
  process.stderr.write(`profile failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
