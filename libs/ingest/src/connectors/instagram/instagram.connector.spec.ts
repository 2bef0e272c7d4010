import { WebhookAuthenticationError } from '../channel-connector';
import { META_SIGNATURE } from '../meta/meta-webhook';
import { delivery, editedFixture, fixture, mapSigned, signedDelivery } from '../shared/connector-test-kit';
import { InstagramConnector } from './instagram.connector';

const settings = { appSecret: 'ig-app-secret-9999', verifyToken: 'ig-verify-token' };

describe('InstagramConnector', () => {
  const connector = new InstagramConnector();
  const map = (body: Buffer | string) => mapSigned(connector, body, META_SIGNATURE, settings.appSecret, settings);

  it('maps comments on the media into the media’s conversation, a reply naming its parent comment', () => {
    expect(map(fixture(__dirname, 'comments.json')).map((m) => m.mention)).toEqual([
      {
        channel: 'instagram',
        externalId: '17865799348089039',
        author: { id: '17841455512345678', handle: '@yuki.tanaka', displayName: 'yuki.tanaka' },
        text: 'アプリが毎回クラッシュします。早く修正してください 😢',
        createdAt: '2026-12-01T12:00:00.000Z',
        conversationId: '18023456789012345',
        target: '17841400008460056',
      },
      {
        channel: 'instagram',
        externalId: '17865799348089040',
        author: { id: '17841466698765432', handle: '@priya_sharma', displayName: 'priya_sharma' },
        text: 'मेरे साथ भी यही हो रहा है, कृपया मदद करें',
        createdAt: '2026-12-01T12:00:00.000Z',
        conversationId: '18023456789012345',
        inReplyTo: '17865799348089039',
        target: '17841400008460056',
      },
    ]);
  });

  it("ignores the account's own replies, story insights and mention notifications", () => {
    const ids = map(fixture(__dirname, 'comments.json')).map((m) => m.mention.externalId);
    expect(ids).toEqual(['17865799348089039', '17865799348089040']);
  });

  it('refuses a delivery that is unsigned or signed with another app secret', () => {
    expect(() => connector.authenticate(delivery(fixture(__dirname, 'comments.json')), settings)).toThrow(expect.objectContaining({ kind: 'missing' }));
    expect(() => connector.authenticate(signedDelivery(fixture(__dirname, 'comments.json'), META_SIGNATURE, 'other-secret-000'), settings)).toThrow(WebhookAuthenticationError);
  });

  it('names the field of a malformed comment', () => {
    const noText = editedFixture(__dirname, 'comments.json', (p) => delete p.entry[0].changes[0].value.text);
    expect(() => map(noText)).toThrow(expect.objectContaining({ field: 'entry[0].changes[0].value.text' }));
    const noMedia = editedFixture(__dirname, 'comments.json', (p) => delete p.entry[0].changes[1].value.media);
    expect(() => map(noMedia)).toThrow(expect.objectContaining({ field: 'entry[0].changes[1].value.media.id' }));
    const wrongObject = editedFixture(__dirname, 'comments.json', (p) => (p.object = 'page'));
    expect(() => map(wrongObject)).toThrow(expect.objectContaining({ field: 'object' }));
  });
});
