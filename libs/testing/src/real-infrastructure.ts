/**
 * Endpoints of the real servers for integration tests, as the jest global setup
 * (tools/test-infra/global-setup.js) resolved them: from the environment, testcontainers, or the
 * native stack. Absent only when a developer opted out locally (CXM_TEST_REAL_INFRA=off) — never in
 * CI, where the global setup fails instead.
 */
export interface RealInfrastructure {
  kafkaBrokers: string[];
  elasticsearchUrl: string;
  mongodbUrl: string;
}

export function realInfrastructure(): RealInfrastructure | undefined {
  const kafka = process.env.CXM_TEST_KAFKA_BROKERS;
  const elasticsearch = process.env.CXM_TEST_ELASTICSEARCH_URL;
  const mongodb = process.env.CXM_TEST_MONGODB_URL;
  if (!kafka || !elasticsearch || !mongodb) return undefined;
  // Without a trailing slash, so tests can append a database or path.
  return { kafkaBrokers: kafka.split(','), elasticsearchUrl: elasticsearch.replace(/\/$/, ''), mongodbUrl: mongodb.replace(/\/$/, '') };
}

/**
 * `describe` for suites that need the real servers. When a developer opted out it skips loudly
 * (the reason is printed); in CI the global setup has already failed, so nothing is skipped there.
 */
export function describeWithRealInfrastructure(name: string, body: (infra: RealInfrastructure) => void): void {
  const infra = realInfrastructure();
  if (!infra) {
    describe(name, () => it.skip('needs Kafka, Elasticsearch and MongoDB (CXM_TEST_REAL_INFRA=off)', () => undefined));
    return;
  }
  describe(name, () => body(infra));
}

/** A short random name part, so test runs sharing a server never see each other's topics or indexes. */
export function uniqueNamespace(prefix = 't'): string {
  return `${prefix}${Math.random().toString(36).slice(2, 10)}.`;
}
