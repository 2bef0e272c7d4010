import type { Channel } from '@cxm/contracts';
import type { ChannelSettings } from '../connectors/channel-connector';

/** One feed one tenant listens to, and how often. */
export interface FeedSubscription {
  tenantId: string;
  url: string;
  pollIntervalSeconds: number;
  /** The tenant's whole `rss` channel settings, handed to the connector. Secret. */
  settings: ChannelSettings;
}

/** Every feed to poll, read afresh at each scheduling round (a settings change applies within one round). */
export interface FeedSubscriptions {
  list(): Promise<FeedSubscription[]>;
}

export const FEED_SUBSCRIPTIONS = Symbol('FEED_SUBSCRIPTIONS');

/**
 * Where a tenant's channel settings (`PUT /v1/tenants/{tenantId}/channels/{channel}`) are read
 * from. The channel-settings repository has this shape (`read(tenantId, channel)`), so it can be
 * provided as it is.
 */
export interface ChannelSettingsSource {
  read(tenantId: string, channel: Channel): Promise<ChannelSettings | undefined>;
}

export const CHANNEL_SETTINGS_SOURCE = Symbol('CHANNEL_SETTINGS_SOURCE');
