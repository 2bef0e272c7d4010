import { describeWithRealInfrastructure } from '@cxm/testing';
import { startDistributedTarget } from './support/distributed-target';
import { describeWebhookDelivery } from './support/webhooks.scenarios';

jest.setTimeout(180_000);

describeWithRealInfrastructure('distributed mode', (infra) => {
  describeWebhookDelivery('services as processes behind the gateway, on Kafka, Elasticsearch and MongoDB', (outboundUrl) => startDistributedTarget(infra, outboundUrl), 60_000);
});
