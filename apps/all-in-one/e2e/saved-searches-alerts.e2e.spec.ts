import { startAllInOneTarget } from './support/all-in-one-target';
import { describeSavedSearchesAndAlerts } from './support/saved-searches-alerts.scenarios';

jest.setTimeout(60_000);

describeSavedSearchesAndAlerts('all-in-one, embedded adapters', (outboundUrl, env) => startAllInOneTarget(outboundUrl, env), 30_000);
