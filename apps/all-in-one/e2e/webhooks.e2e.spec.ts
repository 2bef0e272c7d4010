import { startAllInOneTarget } from './support/all-in-one-target';
import { describeWebhookDelivery } from './support/webhooks.scenarios';

jest.setTimeout(60_000);

describeWebhookDelivery('all-in-one, embedded adapters', (outboundUrl) => startAllInOneTarget(outboundUrl), 20_000);
