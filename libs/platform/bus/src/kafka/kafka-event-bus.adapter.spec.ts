import { silentLogger } from '@cxm/platform-logging';
import { describeWithRealInfrastructure, uniqueNamespace } from '@cxm/testing';
import { Kafka, logLevel } from 'kafkajs';
import { describeEventBusContract } from '../contract/event-bus.contract';
import { KafkaEventBus } from './kafka-event-bus.adapter';

jest.setTimeout(60_000);

describeWithRealInfrastructure('Kafka event bus', ({ kafkaBrokers }) => {
  describeEventBusContract('kafka', () => {
    const namespace = uniqueNamespace('bus-');
    return {
      open: async () =>
        new KafkaEventBus({
          brokers: kafkaBrokers,
          clientId: 'contract-test',
          namespace,
          partitions: 3,
          replicationFactor: 1,
          retryPolicy: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 },
          logger: silentLogger(),
          lagLogIntervalMs: 0,
        }),
      cleanup: async () => {
        const admin = new Kafka({ brokers: kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
        await admin.connect();
        const topics = (await admin.listTopics()).filter((t) => t.startsWith(namespace));
        if (topics.length) await admin.deleteTopics({ topics });
        await admin.disconnect();
      },
    };
  });
});
