import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { IngestModule } from '@cxm/ingest';
import { bootstrapService } from '@cxm/platform-runtime';

/** The ingest service on its own: a thin shell over its domain lib. */
@Module({})
class IngestServiceModule {
  static forRoot(platform: DynamicModule): DynamicModule {
    return { module: IngestServiceModule, imports: [platform, IngestModule] };
  }
}

bootstrapService({ name: 'ingest', title: 'CXM ingest API', rootModule: (platform) => IngestServiceModule.forRoot(platform) }).catch((error) => {
  process.stderr.write(`ingest failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
