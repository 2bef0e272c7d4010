import { WebhookAuthenticationError } from '../channel-connector';
import { delivery, editedFixture, fixture, mapSigned, signedDelivery } from '../shared/connector-test-kit';
import { SHARED_SECRET_SCHEME } from '../shared/hmac-signature';
import { ChatConnector } from './chat.connector';

const settings = { webhookSecret: 'chat-widget-secret' };

describe('ChatConnector', () => {
  const connector = new ChatConnector();
  const map = (body: Buffer | string) => mapSigned(connector, body, SHARED_SECRET_SCHEME, settings.webhookSecret, settings);

  it("maps the customer's chat messages and the customer's turns of a call transcript", () => {
    expect(map(fixture(__dirname, 'messages.json')).map((m) => m.mention)).toEqual([
      {
        channel: 'chat',
        externalId: 'chat-7f3a-0001',
        author: { id: 'visitor-4411', handle: 'Nguyễn Văn An', displayName: 'Nguyễn Văn An' },
        text: 'Chào bạn, đơn hàng #A-2291 của tôi bị giao trễ 5 ngày rồi 😞',
        createdAt: '2026-12-01T09:00:00.000Z',
        conversationId: 'widget-session-9d2e',
        target: 'web-widget',
      },
      {
        channel: 'chat',
        externalId: 'chat-7f3a-0003',
        author: { id: 'visitor-4411', handle: 'Nguyễn Văn An', displayName: 'Nguyễn Văn An' },
        text: 'Cảm ơn, tôi cần hàng trước thứ Sáu.',
        createdAt: '2026-12-01T09:02:00.000Z',
        editedAt: '2026-12-01T09:02:30.000Z',
        conversationId: 'widget-session-9d2e',
        inReplyTo: 'chat-7f3a-0002',
        target: 'web-widget',
      },
      {
        channel: 'chat',
        externalId: 'call-2026-12-01-0042',
        author: { id: '+4915112345678', handle: 'Jonas Becker', displayName: 'Jonas Becker' },
        text: 'Hallo, mein X5 startet seit gestern ständig neu.\nJa, und ich will jetzt mein Geld zurück.',
        createdAt: '2026-12-01T10:15:00.000Z',
        conversationId: 'call-0042',
        target: 'phone-line-de',
      },
    ]);
  });

  it('ignores agent and bot messages, and a call in which the customer said nothing', () => {
    const silent = editedFixture(__dirname, 'messages.json', (p) => (p.messages[3].transcript = p.messages[3].transcript.filter((t: { speaker: string }) => t.speaker === 'agent')));
    expect(map(silent).map((m) => m.mention.externalId)).toEqual(['chat-7f3a-0001', 'chat-7f3a-0003']);
  });

  it('refuses a delivery whose body was changed after signing', () => {
    const call = signedDelivery(fixture(__dirname, 'messages.json'), SHARED_SECRET_SCHEME, settings.webhookSecret);
    const tampered = { ...call, rawBody: Buffer.concat([call.rawBody, Buffer.from(' ')]) };
    expect(() => connector.authenticate(tampered, settings)).toThrow(WebhookAuthenticationError);
    expect(() => connector.authenticate(delivery(call.rawBody), {})).toThrow(expect.objectContaining({ kind: 'missing' }));
  });

  it('names the field of a malformed message', () => {
    const noConversation = editedFixture(__dirname, 'messages.json', (p) => delete p.messages[0].conversationId);
    expect(() => map(noConversation)).toThrow(expect.objectContaining({ field: 'messages[0].conversationId' }));
    const badRole = editedFixture(__dirname, 'messages.json', (p) => (p.messages[2].sender.role = 'robot'));
    expect(() => map(badRole)).toThrow(expect.objectContaining({ field: 'messages[2].sender.role' }));
    const badType = editedFixture(__dirname, 'messages.json', (p) => (p.messages[0].type = 'fax'));
    expect(() => map(badType)).toThrow(expect.objectContaining({ field: 'messages[0].type' }));
    expect(() => map('{"message":{}}')).toThrow(expect.objectContaining({ field: 'messages' }));
  });
});
