import { bootstrapService, RunningService } from '@cxm/platform-runtime';
import { AllInOneModule } from './all-in-one.module';

/**
 * Starts the all-in-one. Replies go to the built-in sandbox platform unless CXM_OUTBOUND_WEBHOOKS
 * names a fallback (`*`), so the lifecycle completes out of the box.
 */
export async function startAllInOne(env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  const service = await bootstrapService(
    { name: 'all-in-one', title: 'CXM API (all-in-one)', rootModule: (platform) => AllInOneModule.forRoot(platform) },
    env,
  );
  const webhooks = service.config.responder.outboundWebhooks;
  // The adapter reads this map at each send; the URL is only known once the port is bound.
  webhooks['*'] ??= `${service.url}/sandbox/outbound/{channel}`;
  return service;
}

export function printBanner(service: RunningService): void {
  const { config, url } = service;
  const lines = [
    '',
    `  CXM all-in-one is running (tenants: ${config.tenants.join(', ')}; data: ${config.dataDir})`,
    `  API:      ${url}/v1`,
    `  API docs: ${url}/docs`,
    config.adminTokenGenerated
      ? `  Admin token (generated for this run; set CXM_ADMIN_TOKEN to keep one): ${config.adminToken}`
      : '  Admin token: the value of CXM_ADMIN_TOKEN',
    '',
  ];
  // Plain stdout, not the logger: the token must never reach log storage.
  process.stdout.write(lines.join('\n') + '\n');
}
