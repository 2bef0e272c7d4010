import { MappedMention } from '../channel-connector';
import { isoTime } from '../shared/native-time';
import { NativeValue } from '../shared/native-value';

/**
 * Messenger messages inside a Page webhook entry (`entry[].messaging[]`). Shared by the messenger
 * connector and the facebook one: Meta sends a Page's feed changes and its messages to the one
 * callback URL of the app, so whichever URL the tenant subscribed gets both, mapped alike.
 */
export function mapPageMessaging(entry: NativeValue): MappedMention[] {
  return entry
    .get('messaging')
    .optionalArray()
    .flatMap((event) => {
      const mention = mapMessagingEvent(event);
      return mention ? [mention] : [];
    });
}

function mapMessagingEvent(event: NativeValue): MappedMention | undefined {
  const message = event.get('message');
  const edit = event.get('message_edit');
  // Deliveries, reads, postbacks, reactions, opt-ins and our own echoes are not mentions.
  if (message.isObject()) {
    if (message.get('is_echo').value === true) return undefined;
    const text = message.get('text').optionalString();
    if (!text) return undefined; // attachment-only: nothing to read
    return build(event, message.get('mid').string(), text, { inReplyTo: message.get('reply_to').get('mid').optionalString() });
  }
  if (edit.isObject()) {
    const at = isoTime(event.get('timestamp'));
    return build(event, edit.get('mid').string(), edit.get('text').string(), { editedAt: at });
  }
  return undefined;
}

function build(event: NativeValue, mid: string, text: string, extra: { inReplyTo?: string; editedAt?: string }): MappedMention {
  const sender = event.get('sender').get('id').id();
  const page = event.get('recipient').get('id').id();
  return {
    mention: {
      channel: 'messenger',
      externalId: mid,
      // Messenger sends only the page-scoped id; the name needs a Graph API call we do not make.
      author: { id: sender, handle: sender, displayName: sender },
      text,
      createdAt: isoTime(event.get('timestamp')),
      // One conversation per person and page, however many messages they exchange.
      conversationId: `${page}:${sender}`,
      target: page,
      ...(extra.inReplyTo ? { inReplyTo: extra.inReplyTo } : {}),
      ...(extra.editedAt ? { editedAt: extra.editedAt } : {}),
    },
    native: event.value,
  };
}
