import { WebhookAuthenticationError } from '../channel-connector';
import { delivery, editedFixture, fixture, mapSigned, signedDelivery } from '../shared/connector-test-kit';
import { SHARED_SECRET_SCHEME } from '../shared/hmac-signature';
import { YouTubeConnector } from './youtube.connector';

const settings = { webhookSecret: 'youtube-forwarder-secret' };

describe('YouTubeConnector', () => {
  const connector = new YouTubeConnector();
  const map = (body: Buffer | string) => mapSigned(connector, body, SHARED_SECRET_SCHEME, settings.webhookSecret, settings);

  it('maps a comment thread and its replies into one conversation, the edited top-level comment with editedAt', () => {
    const mentions = map(fixture(__dirname, 'comment-threads.json')).map((m) => m.mention);
    expect(mentions).toEqual([
      {
        channel: 'youtube',
        externalId: 'UgzH6k8X1sXbQpW0y9R4AaABAg',
        author: { id: 'UCivan111111111111111111', handle: '@ivan_smirnov', displayName: 'ivan_smirnov' },
        text: 'Камера отличная, но батарея ужасная 😕\nКогда исправите?',
        createdAt: '2026-12-01T07:00:00.000Z',
        editedAt: '2026-12-01T07:20:00.000Z',
        conversationId: 'UgzH6k8X1sXbQpW0y9R4AaABAg',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzH6k8X1sXbQpW0y9R4AaABAg',
        target: 'dQw4w9WgXcQ',
      },
      {
        channel: 'youtube',
        externalId: 'UgzH6k8X1sXbQpW0y9R4AaABAg.9xYzAbCdEfG9xYzAbCdEfI',
        author: { id: 'UCclaire22222222222222222', handle: '@claire_fr', displayName: 'claire_fr' },
        // Only textDisplay (HTML) came: entities decoded.
        text: "Chez moi aussi, l'autonomie a chuté de moitié",
        createdAt: '2026-12-01T08:30:00.000Z',
        conversationId: 'UgzH6k8X1sXbQpW0y9R4AaABAg',
        inReplyTo: 'UgzH6k8X1sXbQpW0y9R4AaABAg',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzH6k8X1sXbQpW0y9R4AaABAg.9xYzAbCdEfG9xYzAbCdEfI',
        target: 'dQw4w9WgXcQ',
      },
    ]);
  });

  it("ignores the channel owner's own replies", () => {
    expect(map(fixture(__dirname, 'comment-threads.json')).map((m) => m.mention.author.handle)).not.toContain('@AuroraMobile');
  });

  it('reduces HTML-only text to plain text', () => {
    const htmlOnly = editedFixture(__dirname, 'comment-threads.json', (p) => delete p.items[0].snippet.topLevelComment.snippet.textOriginal);
    expect(map(htmlOnly)[0].mention.text).toBe('Камера отличная, но батарея ужасная 😕\nКогда исправите?');
  });

  it('refuses a delivery with a wrong or absent shared-secret signature', () => {
    const body = fixture(__dirname, 'comment-threads.json');
    expect(() => connector.authenticate(signedDelivery(body, SHARED_SECRET_SCHEME, 'not-the-secret'), settings)).toThrow(WebhookAuthenticationError);
    expect(() => connector.authenticate(delivery(body), settings)).toThrow(expect.objectContaining({ kind: 'missing' }));
  });

  it('names the field of a malformed thread, and refuses other resource kinds', () => {
    const noSnippet = editedFixture(__dirname, 'comment-threads.json', (p) => delete p.items[0].replies.comments[1].snippet);
    expect(() => map(noSnippet)).toThrow(expect.objectContaining({ field: 'items[0].replies.comments[1].snippet' }));
    const noTime = editedFixture(__dirname, 'comment-threads.json', (p) => delete p.items[0].snippet.topLevelComment.snippet.publishedAt);
    expect(() => map(noTime)).toThrow(expect.objectContaining({ field: 'items[0].snippet.topLevelComment.snippet.publishedAt' }));
    expect(() => map('{"kind":"youtube#videoListResponse","items":[]}')).toThrow(expect.objectContaining({ field: 'kind' }));
  });
});
