import { startAllInOneTarget } from './support/all-in-one-target';
import { describeMentionLifecycle } from './support/lifecycle.scenarios';

jest.setTimeout(30_000);

describeMentionLifecycle('all-in-one, embedded adapters', (outboundUrl) => startAllInOneTarget(outboundUrl), 10_000);
