import { createHmac } from 'node:crypto';
import { WebhookAuthenticationError } from '../channel-connector';
import { delivery, editedFixture, fixture, mapSigned, signedDelivery } from '../shared/connector-test-kit';
import { X_SIGNATURE, XConnector } from './x.connector';

const settings = { consumerSecret: 'x-consumer-secret-abcdef' };

describe('XConnector', () => {
  const connector = new XConnector();
  const map = (body: Buffer | string) => mapSigned(connector, body, X_SIGNATURE, settings.consumerSecret, settings);

  it('maps v2 posts with their authors from includes.users, replies in the thread of conversation_id', () => {
    const [root, reply] = map(fixture(__dirname, 'replies-and-quotes.json')).map((m) => m.mention);
    expect(root).toEqual({
      channel: 'x',
      externalId: '1863000000000000001',
      author: { id: '2244994945', handle: '@mara_lind', displayName: 'Mara Lind', followers: 1820 },
      text: '@aurora_mobile my X5 battery dies by noon every day since the update. Fix it please 🔋😡',
      createdAt: '2026-12-01T08:00:00.000Z',
      url: 'https://x.com/mara_lind/status/1863000000000000001',
      conversationId: '1863000000000000001',
    });
    expect(reply).toEqual({
      channel: 'x',
      externalId: '1863000000000000002',
      author: { id: '1122334455', handle: '@elifkaya', displayName: 'Elif Kaya' },
      text: '@mara_lind @aurora_mobile Aynı sorun bende de var, şarj bir günü çıkarmıyor',
      createdAt: '2026-12-01T08:05:00.000Z',
      url: 'https://x.com/elifkaya/status/1863000000000000002',
      inReplyTo: '1863000000000000001',
      conversationId: '1863000000000000001',
    });
  });

  it('threads a quote into the conversation of the post it quotes, and ignores reposts', () => {
    const mentions = map(fixture(__dirname, 'replies-and-quotes.json')).map((m) => m.mention);
    expect(mentions.map((m) => m.externalId)).toEqual(['1863000000000000001', '1863000000000000002', '1863000000000000003']);
    expect(mentions[2]).toMatchObject({ text: "Ça confirme ce que je disais sur l'autonomie du X5… https://t.co/abc123", inReplyTo: '1863000000000000001', conversationId: '1863000000000000001', author: { followers: 48210 } });
  });

  it('names the quoted post as parent when it is not in includes.tweets', () => {
    const body = editedFixture(__dirname, 'replies-and-quotes.json', (p) => delete p.includes.tweets);
    const quote = map(body)[2].mention;
    expect(quote.inReplyTo).toBe('1863000000000000001');
    expect(quote.conversationId).toBeUndefined();
  });

  it('keeps the first id of an edited post and marks the edit, the rule tag as target', () => {
    const [edited] = map(fixture(__dirname, 'edited-post.json'));
    expect(edited.mention).toMatchObject({
      externalId: '1863000000000000098',
      text: 'Где купить Aurora Buds в Москве? Сколько стоят? (исправила опечатку)',
      editedAt: '2026-12-01T09:20:00.000Z',
      url: 'https://x.com/anna_p/status/1863000000000000099',
      target: 'aurora brand',
    });
    expect(edited.native).toMatchObject({ id: '1863000000000000099' });
  });

  it('ignores account-activity events that carry no posts', () => {
    expect(map(fixture(__dirname, 'account-activity-follow.json'))).toEqual([]);
  });

  it('answers the CRC challenge with the HMAC of the token under the consumer secret', () => {
    const answer = connector.handshake(delivery('', {}, { crc_token: 'challenge-123' }, 'GET'), settings);
    const expected = createHmac('sha256', settings.consumerSecret).update('challenge-123').digest('base64');
    expect(answer).toEqual({ body: JSON.stringify({ response_token: `sha256=${expected}` }), contentType: 'application/json' });
  });

  it('refuses a body whose x-twitter-webhooks-signature was made with another secret or is absent', () => {
    const body = fixture(__dirname, 'edited-post.json');
    expect(() => connector.authenticate(signedDelivery(body, X_SIGNATURE, 'someone-elses-secret'), settings)).toThrow(WebhookAuthenticationError);
    // Meta's hex form of the right HMAC is still not X's base64 form.
    const hex = `sha256=${createHmac('sha256', settings.consumerSecret).update(body).digest('hex')}`;
    expect(() => connector.authenticate(delivery(body, { 'x-twitter-webhooks-signature': hex }), settings)).toThrow(/does not match/);
    expect(() => connector.authenticate(delivery(body), settings)).toThrow(expect.objectContaining({ kind: 'missing' }));
  });

  it('names the field when a post lacks its author expansion, its time or its text', () => {
    const noUsers = editedFixture(__dirname, 'edited-post.json', (p) => delete p.includes);
    expect(() => map(noUsers)).toThrow(expect.objectContaining({ field: 'includes.users', message: expect.stringContaining('expansions=author_id') }));
    const noTime = editedFixture(__dirname, 'replies-and-quotes.json', (p) => delete p.data[1].created_at);
    expect(() => map(noTime)).toThrow(expect.objectContaining({ field: 'data[1].created_at' }));
    const noText = editedFixture(__dirname, 'edited-post.json', (p) => (p.data.text = ''));
    expect(() => map(noText)).toThrow(expect.objectContaining({ field: 'data.text' }));
    expect(() => map('{"includes":{}}')).toThrow(expect.objectContaining({ field: 'data' }));
  });
});
