import { Provider } from '@nestjs/common';
import { notFoundProblem } from '@cxm/platform-http';
import { AppStoreConnector } from './appstore/appstore.connector';
import { ChannelConnector, isWebhookConnector, WebhookConnector } from './channel-connector';
import { ChatConnector } from './chat/chat.connector';
import { EmailConnector } from './email/email.connector';
import { FacebookConnector } from './facebook/facebook.connector';
import { InstagramConnector } from './instagram/instagram.connector';
import { MessengerConnector } from './messenger/messenger.connector';
import { RedditConnector } from './reddit/reddit.connector';
import { ReviewsConnector } from './reviews/reviews.connector';
import { RssConnector } from './rss/rss.connector';
import { WhatsAppConnector } from './whatsapp/whatsapp.connector';
import { XConnector } from './x/x.connector';
import { YouTubeConnector } from './youtube/youtube.connector';

/**
 * Every channel's connector, registered here and nowhere else: adding a channel is one folder
 * under `connectors/` and one line below.
 */
export const CHANNEL_CONNECTORS: readonly ChannelConnector[] = [
  new XConnector(),
  new FacebookConnector(),
  new InstagramConnector(),
  new MessengerConnector(),
  new WhatsAppConnector(),
  new RedditConnector(),
  new YouTubeConnector(),
  new AppStoreConnector(),
  new ReviewsConnector(),
  new ChatConnector(),
  new RssConnector(),
  new EmailConnector(),
];

/** Looks connectors up by channel id; an unknown or unregistered channel answers 404. */
export class ConnectorRegistry {
  private readonly byChannel = new Map<string, ChannelConnector>();

  constructor(connectors: readonly ChannelConnector[] = CHANNEL_CONNECTORS) {
    for (const connector of connectors) {
      // Two connectors for one channel is a wiring mistake: refuse to start rather than pick one.
      if (this.byChannel.has(connector.channel)) throw new Error(`two connectors are registered for channel "${connector.channel}"`);
      this.byChannel.set(connector.channel, connector);
    }
  }

  channels(): string[] {
    return [...this.byChannel.keys()];
  }

  find(channel: string): ChannelConnector | undefined {
    return this.byChannel.get(channel);
  }

  get(channel: string): ChannelConnector {
    const connector = this.byChannel.get(channel);
    if (!connector) throw notFoundProblem(`no connector is registered for channel "${channel}" (known: ${this.channels().join(', ')})`);
    return connector;
  }

  /** The connector of a channel that platforms push to; a polled channel (RSS) has no webhook. */
  webhook(channel: string): WebhookConnector {
    const connector = this.get(channel);
    if (!isWebhookConnector(connector)) throw notFoundProblem(`channel "${channel}" is polled, it takes no webhooks`);
    return connector;
  }
}

export const CONNECTOR_REGISTRY_PROVIDER: Provider = { provide: ConnectorRegistry, useFactory: () => new ConnectorRegistry() };
