import { launchDistributed } from '@cxm/distributed-launcher';
import { RealInfrastructure, uniqueNamespace } from '@cxm/testing';
import { ApiClient } from './api-client';
import { E2E_ACME_TOKEN, E2E_ADMIN_TOKEN, Target } from './all-in-one-target';

/**
 * The distributed mode as the system under test: every service its own process on the real
 * Kafka, Elasticsearch and MongoDB-wire servers, behind the gateway. Topics, indexes and the
 * database get a fresh namespace so runs never see each other's data.
 */
export async function startDistributedTarget(infra: RealInfrastructure, outboundUrl: string, extraEnv: Record<string, string> = {}): Promise<Target> {
  const namespace = uniqueNamespace('e2e');
  const running = await launchDistributed({
    port: 0,
    output: 'capture',
    env: {
      CXM_BUS: 'kafka',
      CXM_KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      CXM_KAFKA_NAMESPACE: namespace,
      CXM_STORE: 'mongodb',
      CXM_MONGODB_URL: `${infra.mongodbUrl}/${namespace.replace('.', '')}`,
      CXM_INDEX: 'elasticsearch',
      CXM_ELASTICSEARCH_URL: infra.elasticsearchUrl,
      CXM_ELASTICSEARCH_NAMESPACE: namespace.replace('.', '-'),
      CXM_ELASTICSEARCH_REFRESH_INTERVAL: '200ms',
      CXM_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      CXM_TENANTS: 'demo,acme',
      CXM_API_TOKENS: `acme=${E2E_ACME_TOKEN}`,
      CXM_OUTBOUND_WEBHOOKS: `*=${outboundUrl}/{channel}`,
      CXM_LOG_LEVEL: 'warn',
      CXM_RETRY_INITIAL_DELAY_MS: '20',
      CXM_BUS_PARTITIONS: '3',
      ...extraEnv,
    },
  });
  return {
    api: new ApiClient(running.url, E2E_ADMIN_TOKEN, { 'x-tenant-id': 'demo' }),
    stop: async () => {
      await running.stop();
      for (const [name, log] of running.logs) if (/"level":(50|60)/.test(log)) process.stderr.write(`--- ${name} logged errors:\n${log}\n`);
    },
  };
}
