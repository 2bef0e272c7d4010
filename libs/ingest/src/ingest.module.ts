import { Module } from '@nestjs/common';
import { AcceptMention } from './accept-mention/accept-mention.usecase';
import { ChannelSettingsController } from './channel-settings/channel-settings.controller';
import { ChannelSettingsRepository } from './channel-settings/channel-settings.repository';
import { DescribeChannelSettings } from './channel-settings/describe-channel-settings.usecase';
import { PutChannelSettings } from './channel-settings/put-channel-settings.usecase';
import { CONNECTOR_REGISTRY_PROVIDER, ConnectorRegistry } from './connectors/connector-registry';
import { FEED_POLLER_PROVIDERS } from './feeds/feed-poller.providers';
import { CHANNEL_SETTINGS_SOURCE } from './feeds/feed-subscriptions.port';
import { MentionsController } from './mentions.controller';
import { ReceiveWebhook } from './webhooks/receive-webhook.usecase';
import { WebhooksController } from './webhooks/webhooks.controller';

/** Listen: the public door through which mentions enter the platform. */
@Module({
  controllers: [MentionsController, ChannelSettingsController, WebhooksController],
  providers: [
    AcceptMention,
    CONNECTOR_REGISTRY_PROVIDER,
    ChannelSettingsRepository,
    PutChannelSettings,
    DescribeChannelSettings,
    ReceiveWebhook,
    // The feed poller reads the rss channel's settings through its own small port.
    { provide: CHANNEL_SETTINGS_SOURCE, useExisting: ChannelSettingsRepository },
    ...FEED_POLLER_PROVIDERS,
  ],
  exports: [ChannelSettingsRepository, ConnectorRegistry],
})
export class IngestModule {}
