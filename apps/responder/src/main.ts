import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { ResponderModule } from '@cxm/responder';
import { bootstrapService } from '@cxm/platform-runtime';

/** The responder service on its own: a thin shell over its domain lib. */
@Module({})
class ResponderServiceModule {
  static forRoot(platform: DynamicModule): DynamicModule {
    return { module: ResponderServiceModule, imports: [platform, ResponderModule] };
  }
}

bootstrapService({ name: 'responder', title: 'CXM responder API', rootModule: (platform) => ResponderServiceModule.forRoot(platform) }).catch((error) => {
  process.stderr.write(`responder failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
