// Jest global setup: finds the real Kafka, Elasticsearch and MongoDB-wire servers the integration
// tests need, in this order — endpoints given in the environment, testcontainers when a Docker
// engine answers, else the native stack (scripts/infra/infra.sh, which installs and starts the
// servers on 127.0.0.1). The endpoints reach the test workers as CXM_TEST_* variables.
// In CI a missing route fails the run; only a developer may opt out (CXM_TEST_REAL_INFRA=off).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const VARS = ['CXM_TEST_KAFKA_BROKERS', 'CXM_TEST_ELASTICSEARCH_URL', 'CXM_TEST_MONGODB_URL'];

function fromEnvironment() {
  const given = VARS.filter((name) => process.env[name]);
  if (given.length === VARS.length) return 'environment';
  if (given.length > 0) throw new Error(`set all of ${VARS.join(', ')} or none (got only ${given.join(', ')})`);
  return undefined;
}

function dockerAnswers() {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

async function fromTestcontainers() {
  let testcontainers;
  try {
    testcontainers = require('testcontainers');
  } catch {
    return undefined; // not installed: fall through to the native stack
  }
  const { GenericContainer, Wait } = testcontainers;
  const kafka = await new GenericContainer('apache/kafka:4.1.0')
    .withExposedPorts({ container: 9092, host: 19092 })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:19092',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  const elasticsearch = await new GenericContainer('docker.elastic.co/elasticsearch/elasticsearch:9.2.0')
    .withExposedPorts(9200)
    .withEnvironment({ 'discovery.type': 'single-node', 'xpack.security.enabled': 'false', ES_JAVA_OPTS: '-Xms512m -Xmx1g' })
    .withWaitStrategy(Wait.forHttp('/_cluster/health', 9200).forStatusCode(200))
    .start();
  const mongo = await new GenericContainer('mongo:7').withExposedPorts(27017).withWaitStrategy(Wait.forLogMessage(/Waiting for connections/)).start();
  process.env.CXM_TEST_KAFKA_BROKERS = '127.0.0.1:19092';
  process.env.CXM_TEST_ELASTICSEARCH_URL = `http://${elasticsearch.getHost()}:${elasticsearch.getMappedPort(9200)}`;
  process.env.CXM_TEST_MONGODB_URL = `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}`;
  globalThis.__CXM_CONTAINERS__ = [kafka, elasticsearch, mongo];
  return 'testcontainers';
}

function fromNativeStack() {
  // Idempotent: returns at once when the servers already run (CI starts them in .ci/run).
  execFileSync('bash', [path.join(ROOT, 'scripts/infra/infra.sh'), 'up'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 30 * 60_000 });
  const exports = execFileSync('bash', [path.join(ROOT, 'scripts/infra/infra.sh'), 'env'], { encoding: 'utf8' });
  for (const name of VARS) process.env[name] = new RegExp(`^export ${name}=(.*)$`, 'm').exec(exports)[1].replace(/\/$/, '');
  return 'native stack';
}

module.exports = async function globalSetup() {
  const optedOut = process.env.CXM_TEST_REAL_INFRA === 'off';
  if (optedOut && process.env.CI) throw new Error('CXM_TEST_REAL_INFRA=off is refused in CI: the real adapters must be tested');
  if (optedOut) {
    VARS.forEach((name) => delete process.env[name]);
    process.stdout.write('\n[test-infra] CXM_TEST_REAL_INFRA=off: suites that need Kafka, Elasticsearch or MongoDB are SKIPPED\n');
    return;
  }
  const route = fromEnvironment() ?? (dockerAnswers() ? await fromTestcontainers() : undefined) ?? fromNativeStack();
  process.stdout.write(
    `\n[test-infra] real servers via ${route}: kafka ${process.env.CXM_TEST_KAFKA_BROKERS}, ` +
      `elasticsearch ${process.env.CXM_TEST_ELASTICSEARCH_URL}, mongodb ${process.env.CXM_TEST_MONGODB_URL}\n`,
  );
};
