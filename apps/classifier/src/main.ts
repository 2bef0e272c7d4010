import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { ClassifierModule } from '@cxm/classification';
import { bootstrapService } from '@cxm/platform-runtime';

/** The classifier service on its own: a thin shell over its domain lib. */
@Module({})
class ClassifierServiceModule {
  static forRoot(platform: DynamicModule): DynamicModule {
    return { module: ClassifierServiceModule, imports: [platform, ClassifierModule] };
  }
}

bootstrapService({ name: 'classifier', title: 'CXM classifier', rootModule: (platform) => ClassifierServiceModule.forRoot(platform) }).catch((error) => {
  process.stderr.write(`classifier failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
