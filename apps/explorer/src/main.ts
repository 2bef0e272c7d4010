import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { ExplorerModule } from '@cxm/explorer';
import { bootstrapService } from '@cxm/platform-runtime';

/** The explorer service on its own: a thin shell over its domain lib. */
@Module({})
class ExplorerServiceModule {
  static forRoot(platform: DynamicModule): DynamicModule {
    return { module: ExplorerServiceModule, imports: [platform, ExplorerModule] };
  }
}

bootstrapService({ name: 'explorer', title: 'CXM explorer API', rootModule: (platform) => ExplorerServiceModule.forRoot(platform) }).catch((error) => {
  process.stderr.write(`explorer failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
