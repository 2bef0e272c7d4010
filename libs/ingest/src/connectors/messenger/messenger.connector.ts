import { InboundDelivery, MappedMention } from '../channel-connector';
import { metaEntries, MetaWebhookConnector } from '../meta/meta-webhook';
import { mapPageMessaging } from '../meta/page-messaging';

/**
 * Messenger Platform webhooks (`object: "page"`, `entry[].messaging[]`): people's messages to the
 * Page, and their edits. Feed changes on this URL are ignored (subscribe the facebook URL for
 * those). See docs/channels/messenger.md.
 */
export class MessengerConnector extends MetaWebhookConnector {
  readonly channel = 'messenger' as const;

  map(delivery: InboundDelivery): MappedMention[] {
    return metaEntries(delivery, 'page').flatMap((entry) => mapPageMessaging(entry));
  }
}
