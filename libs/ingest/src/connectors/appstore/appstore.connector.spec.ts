import { WebhookAuthenticationError } from '../channel-connector';
import { delivery, editedFixture, fixture, mapSigned, signedDelivery } from '../shared/connector-test-kit';
import { SHARED_SECRET_SCHEME } from '../shared/hmac-signature';
import { AppStoreConnector } from './appstore.connector';

const settings = { webhookSecret: 'appstore-forwarder-secret' };

describe('AppStoreConnector', () => {
  const connector = new AppStoreConnector();
  const map = (body: Buffer | string) => mapSigned(connector, body, SHARED_SECRET_SCHEME, settings.webhookSecret, settings);

  it('maps App Store Connect customer reviews with their star rating, title and body as the text', () => {
    expect(map(fixture(__dirname, 'apple-customer-reviews.json')).map((m) => m.mention)).toEqual([
      {
        channel: 'appstore',
        externalId: 'apple:00000029-0d2c-4e2b-9a1f-8f1c2b3d4e5f',
        author: { id: 'apple:Masha_K', handle: 'Masha_K', displayName: 'Masha_K' },
        text: 'Ужасное обновление\n\nПосле версии 4.2 приложение вылетает при каждом запуске. Верните старую версию!',
        createdAt: '2026-12-01T14:15:00.000Z',
        conversationId: 'apple:00000029-0d2c-4e2b-9a1f-8f1c2b3d4e5f',
        rating: { value: 1, max: 5 },
        target: 'App Store RUS',
      },
      {
        channel: 'appstore',
        externalId: 'apple:00000029-1111-2222-3333-444455556666',
        author: { id: 'apple:ploy.th', handle: 'ploy.th', displayName: 'ploy.th' },
        text: 'ใช้งานง่ายมาก ชอบฟีเจอร์ใหม่ ๆ ค่ะ ⭐️',
        createdAt: '2026-12-01T02:00:00.000Z',
        conversationId: 'apple:00000029-1111-2222-3333-444455556666',
        rating: { value: 5, max: 5 },
        target: 'App Store THA',
      },
    ]);
  });

  it('maps Google Play reviews from the user comment, the last modification as edit time, ignoring the developer reply', () => {
    const [review] = map(fixture(__dirname, 'google-play-reviews.json'));
    expect(review.mention).toEqual({
      channel: 'appstore',
      externalId: 'google-play:gp:AOqpTOH0a1b2c3d4e5f6g7h8i9j0',
      author: { id: 'google-play:Ahmet Demir', handle: 'Ahmet Demir', displayName: 'Ahmet Demir' },
      text: 'Şarj sorunu\n\nUygulama arka planda pili bitiriyor, lütfen düzeltin.',
      createdAt: '2026-12-01T11:00:00.000Z',
      editedAt: '2026-12-01T11:00:00.000Z',
      conversationId: 'google-play:gp:AOqpTOH0a1b2c3d4e5f6g7h8i9j0',
      rating: { value: 2, max: 5 },
      target: 'Google Play tr',
    });
  });

  it('ignores resources that are not customer reviews (our published responses)', () => {
    expect(map(fixture(__dirname, 'apple-customer-reviews.json')).map((m) => m.mention.externalId)).not.toContain('apple:6543210');
  });

  it('refuses an unsigned or wrongly signed delivery', () => {
    const body = fixture(__dirname, 'google-play-reviews.json');
    expect(() => connector.authenticate(delivery(body), settings)).toThrow(expect.objectContaining({ kind: 'missing' }));
    expect(() => connector.authenticate(signedDelivery(body, SHARED_SECRET_SCHEME, 'wrong-secret!'), settings)).toThrow(WebhookAuthenticationError);
  });

  it('names the field of a malformed review: a rating off the scale, no body, an unknown shape', () => {
    const offScale = editedFixture(__dirname, 'apple-customer-reviews.json', (p) => (p.data[1].attributes.rating = 7));
    expect(() => map(offScale)).toThrow(expect.objectContaining({ field: 'data[1].attributes.rating', message: expect.stringContaining('0 to 5') }));
    const noBody = editedFixture(__dirname, 'apple-customer-reviews.json', (p) => delete p.data[0].attributes.body);
    expect(() => map(noBody)).toThrow(expect.objectContaining({ field: 'data[0].attributes.body' }));
    const noStars = editedFixture(__dirname, 'google-play-reviews.json', (p) => delete p.reviews[0].comments[0].userComment.starRating);
    expect(() => map(noStars)).toThrow(expect.objectContaining({ field: 'reviews[0].comments[0].userComment.starRating' }));
    expect(() => map('{"items":[]}')).toThrow(expect.objectContaining({ field: 'data' }));
  });
});
