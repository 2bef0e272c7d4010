import './io-threads';
import 'reflect-metadata';
import { missingNodeFlagsWarning } from './node-flags';
import { printBanner, startAllInOne } from './start-all-in-one';

async function main(): Promise<void> {
  const warning = missingNodeFlagsWarning();
  if (warning) process.stderr.write(warning);
  const service = await startAllInOne();
  printBanner(service);
  if (process.argv.includes('--demo')) {
    const { loadDemoMentions } = await import('@cxm/demo');
    const result = await loadDemoMentions({ url: service.url, token: service.config.adminToken, tenantId: service.config.tenants[0] });
    service.logger.info(result, 'demo mentions loaded');
  }
}

main().catch((error) => {
  process.stderr.write(`all-in-one failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
