import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { RoutingModule } from '@cxm/routing';
import { bootstrapService } from '@cxm/platform-runtime';

/** The routing service on its own: a thin shell over its domain lib. */
@Module({})
class RoutingServiceModule {
  static forRoot(platform: DynamicModule): DynamicModule {
    return { module: RoutingServiceModule, imports: [platform, RoutingModule] };
  }
}

bootstrapService({ name: 'routing', title: 'CXM routing API', rootModule: (platform) => RoutingServiceModule.forRoot(platform) }).catch((error) => {
  process.stderr.write(`routing failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
