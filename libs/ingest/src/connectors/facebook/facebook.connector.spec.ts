import { WebhookAuthenticationError } from '../channel-connector';
import { META_SIGNATURE } from '../meta/meta-webhook';
import { editedFixture, fixture, mapSigned, signedDelivery } from '../shared/connector-test-kit';
import { FacebookConnector } from './facebook.connector';

const settings = { appSecret: 'fb-app-secret-5678', verifyToken: 'fb-verify-token' };

describe('FacebookConnector', () => {
  const connector = new FacebookConnector();
  const map = (body: Buffer | string) => mapSigned(connector, body, META_SIGNATURE, settings.appSecret, settings);

  it('maps Page feed comments, threading replies under the post they belong to', () => {
    const mentions = map(fixture(__dirname, 'feed-comments.json'));
    expect(mentions.map((m) => m.mention)).toEqual([
      {
        channel: 'facebook',
        externalId: '998877665544332_1122334455667788',
        author: { id: '7203845561239870', handle: 'Camille Dubois', displayName: 'Camille Dubois' },
        text: 'Mon Aurora X5 ne charge plus depuis la mise à jour 😤 Vous comptez corriger ça ?',
        createdAt: '2026-12-01T09:59:50.000Z',
        conversationId: '106543210987654_998877665544332',
        inReplyTo: '106543210987654_998877665544332',
        target: '106543210987654',
      },
      {
        channel: 'facebook',
        externalId: '998877665544332_1122334455669999',
        author: { id: '5550001112223334', handle: 'ليلى حسن', displayName: 'ليلى حسن' },
        text: 'نفس المشكلة عندي، البطارية تنتهي بسرعة بعد التحديث',
        createdAt: '2026-12-01T09:59:55.000Z',
        conversationId: '106543210987654_998877665544332',
        inReplyTo: '998877665544332_1122334455667788',
        target: '106543210987654',
      },
    ]);
    expect(mentions[0].native).toMatchObject({ comment_id: '998877665544332_1122334455667788', verb: 'add' });
  });

  it("ignores reactions and the Page's own replies", () => {
    const externalIds = map(fixture(__dirname, 'feed-comments.json')).map((m) => m.mention.externalId);
    expect(externalIds).not.toContain('998877665544332_1122334455670000');
    expect(externalIds).toHaveLength(2);
  });

  it('marks an edited post with editedAt (the time of the change) and ignores removals', () => {
    const mentions = map(fixture(__dirname, 'feed-edited-post.json'));
    expect(mentions).toHaveLength(1);
    expect(mentions[0].mention).toMatchObject({
      externalId: '106543210987654_445566778899001',
      text: 'Ekran iki gün sonra çatladı, iade istiyorum! (güncelleme: hâlâ cevap yok)',
      createdAt: '2026-12-01T09:30:00.000Z',
      editedAt: '2026-12-01T11:00:00.000Z',
      conversationId: '106543210987654_445566778899001',
      url: 'https://www.facebook.com/106543210987654/posts/pfbid0Deniz',
    });
    expect(mentions[0].mention.inReplyTo).toBeUndefined();
  });

  it('maps Messenger messages that arrive on the Page subscription as messenger mentions', () => {
    const mentions = map(fixture(`${__dirname}/../messenger`, 'messages.json'));
    expect(mentions.map((m) => [m.mention.channel, m.mention.externalId])).toEqual([
      ['messenger', 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P'],
      ['messenger', 'm_1457764197618:41d102a3e1ae206a38'],
    ]);
  });

  it('refuses a delivery whose signature does not match its body', () => {
    const call = signedDelivery(fixture(__dirname, 'feed-comments.json'), META_SIGNATURE, 'not-the-app-secret');
    expect(() => connector.authenticate(call, settings)).toThrow(WebhookAuthenticationError);
  });

  it('names the missing field of a malformed comment', () => {
    const noAuthor = editedFixture(__dirname, 'feed-comments.json', (p) => delete p.entry[0].changes[1].value.from);
    expect(() => map(noAuthor)).toThrow(expect.objectContaining({ field: 'entry[0].changes[1].value.from' }));
    const badTime = editedFixture(__dirname, 'feed-comments.json', (p) => (p.entry[0].changes[0].value.created_time = 'yesterday'));
    expect(() => map(badTime)).toThrow(expect.objectContaining({ field: 'entry[0].changes[0].value.created_time' }));
    const noPost = editedFixture(__dirname, 'feed-comments.json', (p) => delete p.entry[0].changes[0].value.post_id);
    expect(() => map(noPost)).toThrow(expect.objectContaining({ field: 'entry[0].changes[0].value.post_id' }));
  });
});
