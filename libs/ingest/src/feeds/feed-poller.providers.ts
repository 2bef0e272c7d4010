import { Provider } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { LOGGER } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { DOCUMENT_STORE, DocumentStore } from '@cxm/platform-store';
import { AcceptMention } from '../accept-mention/accept-mention.usecase';
import { RssConnector } from '../connectors/rss/rss.connector';
import { ChannelSettingsFeedSubscriptions } from './channel-settings-feed-subscriptions.adapter';
import { FeedPoller, FeedPollerSettings } from './feed-poller';
import { CHANNEL_SETTINGS_SOURCE, ChannelSettingsSource, FEED_SUBSCRIPTIONS, FeedSubscriptions } from './feed-subscriptions.port';

export function feedPollerSettings(config: PlatformConfig): FeedPollerSettings {
  const feeds = config.feeds;
  return {
    enabled: feeds.enabled,
    offBecause: feeds.offBecause,
    tickMs: feeds.tickMs,
    concurrency: feeds.concurrency,
    fetch: { timeoutMs: feeds.fetchTimeoutMs, maxBytes: feeds.maxBytes, allowPrivateAddresses: feeds.allowPrivateAddresses },
    attempts: feeds.fetchAttempts,
    retryDelayMs: { initial: 500, max: 10_000 },
    rememberedItems: feeds.rememberedItems,
    maxFailureWaitMs: 6 * 3600_000,
  };
}

/**
 * The feed poller for the ingest module's providers. Needs CHANNEL_SETTINGS_SOURCE (the
 * channel-settings store) and AcceptMention in the same module; Nest runs its lifecycle hooks.
 */
export const FEED_POLLER_PROVIDERS: Provider[] = [
  {
    provide: FEED_SUBSCRIPTIONS,
    inject: [CHANNEL_SETTINGS_SOURCE, PLATFORM_CONFIG, LOGGER],
    useFactory: (source: ChannelSettingsSource, config: PlatformConfig, logger: Logger) =>
      new ChannelSettingsFeedSubscriptions(source, { tenants: config.tenants, defaultIntervalSeconds: config.feeds.defaultIntervalSeconds }, logger),
  },
  {
    provide: FeedPoller,
    inject: [FEED_SUBSCRIPTIONS, DOCUMENT_STORE, AcceptMention, PLATFORM_CONFIG, LOGGER],
    useFactory: (subscriptions: FeedSubscriptions, store: DocumentStore, accept: AcceptMention, config: PlatformConfig, logger: Logger) =>
      new FeedPoller({ subscriptions, store, connector: new RssConnector(), accept, logger, settings: feedPollerSettings(config) }),
  },
];
