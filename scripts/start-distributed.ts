/**
 * `npm run start:distributed`: every service as its own process against Kafka, Elasticsearch and
 * MongoDB (default: the native stack of `npm run infra:up` on 127.0.0.1), behind the gateway on
 * PORT (default 3000). Any CXM_* variable set in the environment is passed to every service.
 */
import { launchDistributed } from '@cxm/distributed-launcher';

async function main(): Promise<void> {
  const env: Record<string, string> = {
    CXM_BUS: 'kafka',
    CXM_KAFKA_BROKERS: process.env.CXM_KAFKA_BROKERS ?? '127.0.0.1:9092',
    CXM_STORE: 'mongodb',
    CXM_MONGODB_URL: process.env.CXM_MONGODB_URL ?? 'mongodb://127.0.0.1:27017/cxm',
    CXM_INDEX: 'elasticsearch',
    CXM_ELASTICSEARCH_URL: process.env.CXM_ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200',
  };
  if (!process.env.CXM_ADMIN_TOKEN) throw new Error('set CXM_ADMIN_TOKEN (16+ characters): every service must share one admin token');
  const running = await launchDistributed({ port: Number(process.env.PORT ?? 3000), env });
  process.stdout.write(`\n  CXM distributed: API ${running.url}/v1, docs ${running.url}/docs\n\n`);
  const shutdown = () => void running.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  process.stderr.write(`start:distributed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
