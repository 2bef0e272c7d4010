import { WebhookAuthenticationError } from '../channel-connector';
import { META_SIGNATURE } from '../meta/meta-webhook';
import { delivery, editedFixture, fixture, mapSigned, signedDelivery } from '../shared/connector-test-kit';
import { MessengerConnector } from './messenger.connector';

const settings = { appSecret: 'messenger-secret-42', verifyToken: 'messenger-verify' };

describe('MessengerConnector', () => {
  const connector = new MessengerConnector();
  const map = (body: Buffer | string) => mapSigned(connector, body, META_SIGNATURE, settings.appSecret, settings);

  it("maps people's messages to the Page into one conversation per person, replies naming the message they quote", () => {
    const mentions = map(fixture(__dirname, 'messages.json'));
    expect(mentions.map((m) => m.mention)).toEqual([
      {
        channel: 'messenger',
        externalId: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P',
        author: { id: '6789012345678901', handle: '6789012345678901', displayName: '6789012345678901' },
        text: 'Здравствуйте! Где купить Aurora Buds в Москве? Сколько они стоят? 🎧',
        createdAt: '2026-12-01T10:01:40.123Z',
        conversationId: '106543210987654:6789012345678901',
        target: '106543210987654',
      },
      {
        channel: 'messenger',
        externalId: 'm_1457764197618:41d102a3e1ae206a38',
        author: { id: '6789012345678901', handle: '6789012345678901', displayName: '6789012345678901' },
        text: 'И есть ли доставка в Казань?',
        createdAt: '2026-12-01T10:02:40.456Z',
        conversationId: '106543210987654:6789012345678901',
        target: '106543210987654',
        inReplyTo: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P',
      },
    ]);
  });

  it('ignores echoes of our own messages, deliveries, reads and attachment-only messages', () => {
    const ids = map(fixture(__dirname, 'messages.json')).map((m) => m.mention.externalId);
    expect(ids).not.toContain('m_echo_0001');
    expect(ids).not.toContain('m_attachment_only_0001');
    expect(ids).toHaveLength(2);
  });

  it('maps a message edit to the same externalId with editedAt, so it updates the mention', () => {
    const [edit] = map(fixture(__dirname, 'message-edit.json'));
    expect(edit.mention).toMatchObject({ externalId: 'm_1457764197618:41d102a3e1ae206a38', text: 'И есть ли доставка в Казань или Уфу?', editedAt: '2026-12-01T10:08:20.000Z' });
  });

  it('ignores feed changes (they belong to the facebook channel)', () => {
    expect(map(fixture(`${__dirname}/../facebook`, 'feed-comments.json'))).toEqual([]);
  });

  it('refuses an unsigned delivery and one signed with another secret', () => {
    expect(() => connector.authenticate(delivery(fixture(__dirname, 'messages.json')), settings)).toThrow(WebhookAuthenticationError);
    expect(() => connector.authenticate(signedDelivery(fixture(__dirname, 'messages.json'), META_SIGNATURE, 'wrong-secret-xx'), settings)).toThrow(/does not match/);
  });

  it('names the field of a malformed message', () => {
    const noSender = editedFixture(__dirname, 'messages.json', (p) => delete p.entry[0].messaging[0].sender);
    expect(() => map(noSender)).toThrow(expect.objectContaining({ field: 'entry[0].messaging[0].sender.id' }));
    const noMid = editedFixture(__dirname, 'messages.json', (p) => delete p.entry[0].messaging[1].message.mid);
    expect(() => map(noMid)).toThrow(expect.objectContaining({ field: 'entry[0].messaging[1].message.mid' }));
  });
});
