import { ConfigError } from '@cxm/platform-config';
import { loadGatewayConfig, startGateway } from './start-gateway';

try {
  startGateway(loadGatewayConfig(process.env)).catch((error) => {
    process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`gateway: ${error.message}\n`);
  process.exit(78);
}
