import { InboundDelivery, MappedMention } from '../channel-connector';
import { SharedSecretWebhookConnector } from '../shared/hmac-signature';
import { jsonBody } from '../shared/json-body';
import { isoTime, optionalIsoTime } from '../shared/native-time';
import { NativeValue } from '../shared/native-value';

const CUSTOMER = 'customer';

/**
 * Chat widgets, chatbots and voice (call transcripts) through one generic, documented JSON
 * webhook: `{messages: [{id, conversationId, type: "chat" | "voice", sender: {id, name, role},
 * text | transcript[], sentAt, editedAt?, inReplyTo?, source?}]}`. Only the customer's words are
 * mentions: agent and bot messages, and their turns in a transcript, are our side of the
 * conversation. Signed with the shared secret. The schema is in docs/channels/chat.md.
 */
export class ChatConnector extends SharedSecretWebhookConnector {
  readonly channel = 'chat' as const;

  map(delivery: InboundDelivery): MappedMention[] {
    return jsonBody(delivery)
      .object()
      .get('messages')
      .array()
      .flatMap((message) => {
        const mention = mapMessage(message.object());
        return mention ? [mention] : [];
      });
  }
}

function mapMessage(message: NativeValue): MappedMention | undefined {
  const sender = message.get('sender').object();
  const role = sender.get('role').optionalString() ?? CUSTOMER;
  if (!['customer', 'agent', 'bot'].includes(role)) sender.get('role').fail('must be customer, agent or bot');
  if (role !== CUSTOMER) return undefined;
  const type = message.get('type').optionalString() ?? 'chat';
  if (type !== 'chat' && type !== 'voice') message.get('type').fail('must be "chat" or "voice"');
  const text = type === 'voice' ? transcriptText(message) : message.get('text').string();
  if (!text) return undefined; // a call in which the customer said nothing
  const senderId = sender.get('id').id();
  const name = sender.get('name').optionalString() ?? senderId;
  const editedAt = optionalIsoTime(message.get('editedAt'));
  const inReplyTo = message.get('inReplyTo').optionalId();
  const source = message.get('source').optionalString();
  return {
    mention: {
      channel: 'chat',
      externalId: message.get('id').id(),
      author: { id: senderId, handle: sender.get('handle').optionalString() ?? name, displayName: name },
      text,
      createdAt: isoTime(message.get('sentAt')),
      conversationId: message.get('conversationId').id(),
      ...(inReplyTo ? { inReplyTo } : {}),
      ...(editedAt ? { editedAt } : {}),
      ...(source ? { target: source } : {}),
    },
    native: message.value,
  };
}

/** A voice message's text: the customer's turns of the transcript, in order, one per line (or its `text`). */
function transcriptText(message: NativeValue): string | undefined {
  const transcript = message.get('transcript');
  if (!transcript.isPresent()) return message.get('text').string();
  const turns = transcript.array().map((turn) => ({ speaker: turn.get('speaker').string(), text: turn.get('text').string() }));
  const words = turns.filter((turn) => turn.speaker === CUSTOMER).map((turn) => turn.text.trim());
  return words.length ? words.join('\n') : undefined;
}
