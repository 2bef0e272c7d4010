import { WebhookAuthenticationError } from '../channel-connector';
import { delivery, editedFixture, fixture, mapSigned } from '../shared/connector-test-kit';
import { hmacSha256, SHARED_SECRET_SCHEME } from '../shared/hmac-signature';
import { RedditConnector } from './reddit.connector';

const settings = { webhookSecret: 'reddit-forwarder-secret' };

describe('RedditConnector', () => {
  const connector = new RedditConnector();
  const map = (body: Buffer | string) => mapSigned(connector, body, SHARED_SECRET_SCHEME, settings.webhookSecret, settings);

  it('maps a comments page: the post (t3) and its comments (t1), nested replies included, threaded by link_id and parent_id', () => {
    const mentions = map(fixture(__dirname, 'comments-page.json'));
    expect(mentions.map((m) => m.mention)).toEqual([
      {
        channel: 'reddit',
        externalId: 't3_1h4x9qz',
        author: { id: 't2_8k3j2h1', handle: 'u/akku_klaus', displayName: 'akku_klaus' },
        text: 'X5 Akku nach Update leer\n\nSeit dem Update 4.2 hält der Akku kaum bis Mittag. Geht das nur mir so?',
        createdAt: '2026-12-01T10:00:00.000Z',
        conversationId: 't3_1h4x9qz',
        editedAt: '2026-12-01T10:30:00.000Z',
        url: 'https://www.reddit.com/r/AuroraPhones/comments/1h4x9qz/x5_akku_nach_update_leer/',
        target: 'r/AuroraPhones',
      },
      {
        channel: 'reddit',
        externalId: 't1_m0c1a2b',
        author: { id: 't2_9q8w7e6', handle: 'u/nihon_user', displayName: 'nihon_user' },
        text: '同じ症状です。バッテリーの減りが異常に早い。',
        createdAt: '2026-12-01T10:05:00.000Z',
        conversationId: 't3_1h4x9qz',
        inReplyTo: 't3_1h4x9qz',
        url: 'https://www.reddit.com/r/AuroraPhones/comments/1h4x9qz/x5_akku_nach_update_leer/m0c1a2b/',
        target: 'r/AuroraPhones',
      },
      {
        channel: 'reddit',
        externalId: 't1_m0c3p9b',
        author: { id: 't2_5n4m3l2', handle: 'u/usuario_es', displayName: 'usuario_es' },
        text: 'A mí me pasa igual, ¿alguien probó restablecer de fábrica?',
        createdAt: '2026-12-01T10:10:00.000Z',
        conversationId: 't3_1h4x9qz',
        inReplyTo: 't1_m0c1a2b',
        url: 'https://www.reddit.com/r/AuroraPhones/comments/1h4x9qz/x5_akku_nach_update_leer/m0c3p9b/',
        target: 'r/AuroraPhones',
      },
    ]);
    expect(mentions[1].native).toMatchObject({ id: 'm0c1a2b', replies: undefined });
  });

  it('ignores removed comments, "more" stubs and things that are not posts or comments', () => {
    expect(map(fixture(__dirname, 'comments-page.json')).map((m) => m.mention.externalId)).not.toContain('t1_m0c9del');
    const listing = map(fixture(__dirname, 'subreddit-new.json'));
    expect(listing.map((m) => [m.mention.externalId, m.mention.text])).toEqual([['t3_1h4y001', 'Aurora X5 का कैमरा शानदार है, लेकिन कीमत बहुत ज़्यादा है']]);
    expect(listing[0].mention.editedAt).toBeUndefined();
  });

  it('refuses a delivery without the shared-secret signature or with a wrong one', () => {
    const body = fixture(__dirname, 'subreddit-new.json');
    expect(() => connector.authenticate(delivery(body), settings)).toThrow(expect.objectContaining({ kind: 'missing' }));
    const forged = delivery(body, { 'x-cxm-signature-256': `sha256=${hmacSha256('guessed-secret', body, 'hex')}` });
    expect(() => connector.authenticate(forged, settings)).toThrow(WebhookAuthenticationError);
  });

  it('names the field of a malformed listing', () => {
    expect(() => map('{"kind":"t3","data":{}}')).toThrow(expect.objectContaining({ field: 'kind', message: 'kind must be "Listing"' }));
    const noBody = editedFixture(__dirname, 'comments-page.json', (p) => delete p[1].data.children[0].data.replies.data.children[0].data.body);
    expect(() => map(noBody)).toThrow(expect.objectContaining({ field: '[1].data.children[0].data.replies.data.children[0].data.body' }));
    const noTime = editedFixture(__dirname, 'subreddit-new.json', (p) => delete p.data.children[0].data.created_utc);
    expect(() => map(noTime)).toThrow(expect.objectContaining({ field: 'data.children[0].data.created_utc' }));
  });
});
