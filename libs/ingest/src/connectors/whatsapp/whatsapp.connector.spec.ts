import { WebhookAuthenticationError } from '../channel-connector';
import { META_SIGNATURE } from '../meta/meta-webhook';
import { delivery, editedFixture, fixture, mapSigned, signedDelivery } from '../shared/connector-test-kit';
import { WhatsAppConnector } from './whatsapp.connector';

const settings = { appSecret: 'wa-app-secret-0001', verifyToken: 'wa-verify-token' };

describe('WhatsAppConnector', () => {
  const connector = new WhatsAppConnector();
  const map = (body: Buffer | string) => mapSigned(connector, body, META_SIGNATURE, settings.appSecret, settings);

  it('maps text, captioned media and button replies, one conversation per customer and business number', () => {
    expect(map(fixture(__dirname, 'messages.json')).map((m) => m.mention)).toEqual([
      {
        channel: 'whatsapp',
        externalId: 'wamid.HBgLNjY4MTIzNDU2NzgVAgASGBQzQTdBMjI4NEIwMEM2QTQ3RDk0OQA=',
        author: { id: '66812345678', handle: '+66812345678', displayName: 'Somchai Prasert' },
        text: 'แบตเตอรี่หมดเร็วมากหลังอัปเดต ช่วยด้วยครับ 🙏',
        createdAt: '2026-12-01T13:00:00.000Z',
        conversationId: '106540352242922:66812345678',
        target: '15550783881',
      },
      {
        channel: 'whatsapp',
        externalId: 'wamid.HBgLNjY4MTIzNDU2NzgVAgASGBQzQTdBMjI4NEIwMEM2QTQ3RDk1MAA=',
        author: { id: '66812345678', handle: '+66812345678', displayName: 'Somchai Prasert' },
        text: 'นี่คือภาพหน้าจอครับ',
        createdAt: '2026-12-01T13:01:00.000Z',
        conversationId: '106540352242922:66812345678',
        inReplyTo: 'wamid.HBgLMTU1NTA3ODM4ODEVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA',
        target: '15550783881',
      },
      {
        channel: 'whatsapp',
        externalId: 'wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFDNBNEE0QjM0QTgxMzdEMDk5RTFBAA==',
        author: { id: '5511987654321', handle: '+5511987654321', displayName: 'João Silva' },
        text: 'Quero reembolso',
        createdAt: '2026-12-01T13:02:00.000Z',
        conversationId: '106540352242922:5511987654321',
        target: '15550783881',
      },
    ]);
  });

  it('ignores stickers, delivery statuses and account notifications', () => {
    expect(map(fixture(__dirname, 'messages.json')).map((m) => m.mention.externalId)).not.toContain('wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFDNBNEE0QjM0QTgxMzdEMDk5RTFCAA==');
    expect(map(fixture(__dirname, 'statuses.json'))).toEqual([]);
  });

  it('refuses a delivery whose signature was made over other bytes', () => {
    const call = signedDelivery(fixture(__dirname, 'messages.json'), META_SIGNATURE, settings.appSecret);
    const tampered = { ...call, rawBody: Buffer.from(call.rawBody.toString('utf8').replace('Quero reembolso', 'Obrigado')) };
    expect(() => connector.authenticate(tampered, settings)).toThrow(WebhookAuthenticationError);
    expect(() => connector.authenticate(delivery(call.rawBody), settings)).toThrow(expect.objectContaining({ kind: 'missing' }));
  });

  it('names the field of a malformed message', () => {
    const noBody = editedFixture(__dirname, 'messages.json', (p) => delete p.entry[0].changes[0].value.messages[0].text.body);
    expect(() => map(noBody)).toThrow(expect.objectContaining({ field: 'entry[0].changes[0].value.messages[0].text.body' }));
    const badTime = editedFixture(__dirname, 'messages.json', (p) => (p.entry[0].changes[0].value.messages[2].timestamp = 'soon'));
    expect(() => map(badTime)).toThrow(expect.objectContaining({ field: 'entry[0].changes[0].value.messages[2].timestamp' }));
    const noMetadata = editedFixture(__dirname, 'messages.json', (p) => delete p.entry[0].changes[0].value.metadata);
    expect(() => map(noMetadata)).toThrow(expect.objectContaining({ field: 'entry[0].changes[0].value.metadata' }));
  });
});
