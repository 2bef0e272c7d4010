import { describeWithRealInfrastructure } from '@cxm/testing';
import { startDistributedTarget } from './support/distributed-target';
import { describeMentionLifecycle } from './support/lifecycle.scenarios';

jest.setTimeout(180_000);

describeWithRealInfrastructure('distributed mode', (infra) => {
  describeMentionLifecycle('services as processes on Kafka, Elasticsearch and MongoDB', (outboundUrl) => startDistributedTarget(infra, outboundUrl), 60_000);
});
