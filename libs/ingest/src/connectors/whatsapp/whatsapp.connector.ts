import { InboundDelivery, MappedMention } from '../channel-connector';
import { metaEntries, MetaWebhookConnector } from '../meta/meta-webhook';
import { isoTime } from '../shared/native-time';
import { NativeValue } from '../shared/native-value';

/**
 * WhatsApp Cloud API webhooks (`object: "whatsapp_business_account"`, `changes[].field =
 * "messages"`): customers' messages to the business number. Status updates (sent, delivered,
 * read) and messages without words (stickers, locations, reactions, voice notes) are ignored.
 * See docs/channels/whatsapp.md.
 */
export class WhatsAppConnector extends MetaWebhookConnector {
  readonly channel = 'whatsapp' as const;

  map(delivery: InboundDelivery): MappedMention[] {
    return metaEntries(delivery, 'whatsapp_business_account').flatMap((entry) =>
      entry
        .get('changes')
        .optionalArray()
        .filter((change) => change.get('field').value === 'messages')
        .flatMap((change) => this.mapMessages(change.get('value').object())),
    );
  }

  private mapMessages(value: NativeValue): MappedMention[] {
    const metadata = value.get('metadata').object();
    const businessNumber = metadata.get('phone_number_id').id();
    const names = new Map(
      value
        .get('contacts')
        .optionalArray()
        .map((contact) => [contact.get('wa_id').id(), contact.get('profile').get('name').optionalString()] as const),
    );
    return value
      .get('messages')
      .optionalArray()
      .flatMap((message) => {
        const text = textOf(message);
        if (!text) return [];
        const from = message.get('from').id();
        const replyTo = message.get('context').get('id').optionalString();
        const mention: MappedMention = {
          mention: {
            channel: 'whatsapp',
            externalId: message.get('id').string(),
            author: { id: from, handle: `+${from}`, displayName: names.get(from) ?? `+${from}` },
            text,
            createdAt: isoTime(message.get('timestamp')),
            // One conversation per customer and business number.
            conversationId: `${businessNumber}:${from}`,
            ...(replyTo ? { inReplyTo: replyTo } : {}),
            target: metadata.get('display_phone_number').optionalId() ?? businessNumber,
          },
          native: message.value,
        };
        return [mention];
      });
  }
}

/** The words of a message, by its `type`; undefined for types that carry none. */
function textOf(message: NativeValue): string | undefined {
  const type = String(message.get('type').value);
  switch (type) {
    case 'text':
      return message.get('text').get('body').string();
    case 'image':
    case 'video':
    case 'document':
      return message.get(type).get('caption').optionalString();
    case 'button':
      return message.get('button').get('text').optionalString();
    case 'interactive': {
      const interactive = message.get('interactive');
      return interactive.get('button_reply').get('title').optionalString() ?? interactive.get('list_reply').get('title').optionalString();
    }
    default:
      return undefined;
  }
}
