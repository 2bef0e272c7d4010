import { describeWithRealInfrastructure } from '@cxm/testing';
import { startDistributedTarget } from './support/distributed-target';
import { describeSavedSearchesAndAlerts } from './support/saved-searches-alerts.scenarios';

jest.setTimeout(180_000);

describeWithRealInfrastructure('distributed mode', (infra) => {
  describeSavedSearchesAndAlerts('services as processes on Kafka, Elasticsearch and MongoDB, behind the gateway', (outboundUrl, env) => startDistributedTarget(infra, outboundUrl, env), 60_000);
});
