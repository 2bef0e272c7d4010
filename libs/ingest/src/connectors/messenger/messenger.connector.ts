import { ChannelSettings, HandshakeAnswer, InboundDelivery, MappedMention, WebhookConnector } from '../channel-connector';
import { authenticateMeta, META_REQUIRED_SETTINGS, metaEntries, metaHandshake } from '../meta/meta-webhook';
import { mapPageMessaging } from '../meta/page-messaging';

/**
 * Messenger Platform webhooks (`object: "page"`, `entry[].messaging[]`): people's messages to the
 * Page, and their edits. Feed changes on this URL are ignored (subscribe the facebook URL for
 * those). See docs/channels/messenger.md.
 */
export class MessengerConnector implements WebhookConnector {
  readonly channel = 'messenger' as const;
  readonly requiredSettings = META_REQUIRED_SETTINGS;

  handshake(delivery: InboundDelivery, settings: ChannelSettings): HandshakeAnswer {
    return metaHandshake(delivery, settings);
  }

  authenticate(delivery: InboundDelivery, settings: ChannelSettings): void {
    authenticateMeta(delivery, settings);
  }

  map(delivery: InboundDelivery): MappedMention[] {
    return metaEntries(delivery, 'page').flatMap((entry) => mapPageMessaging(entry));
  }
}
