import { WebhookAuthenticationError } from '../channel-connector';
import { delivery, editedFixture, fixture, mapSigned, signedDelivery } from '../shared/connector-test-kit';
import { SHARED_SECRET_SCHEME } from '../shared/hmac-signature';
import { ReviewsConnector } from './reviews.connector';

const settings = { webhookSecret: 'reviews-forwarder-secret' };

describe('ReviewsConnector', () => {
  const connector = new ReviewsConnector();
  const map = (body: Buffer | string) => mapSigned(connector, body, SHARED_SECRET_SCHEME, settings.webhookSecret, settings);

  it('maps schema.org Reviews from a JSON-LD graph with their rating on the site’s own scale', () => {
    expect(map(fixture(__dirname, 'schema-org-graph.json')).map((m) => m.mention)).toEqual([
      {
        channel: 'reviews',
        externalId: 'ReviewsExample:r-55120',
        author: { id: 'https://reviews.example.com/users/sophie-l', handle: 'Sophie L.', displayName: 'Sophie L.' },
        text: 'Déçue par la batterie\n\nTrès bel écran, mais la batterie ne tient pas la journée. Le service client ne répond pas.',
        createdAt: '2026-11-30T17:00:00.000Z',
        editedAt: '2026-12-01T08:00:00.000Z',
        conversationId: 'ReviewsExample:r-55120',
        rating: { value: 2, max: 5 },
        url: 'https://reviews.example.com/aurora-x5/reviews/55120',
        target: 'Aurora X5',
      },
      {
        channel: 'reviews',
        externalId: 'ReviewsExample:https://reviews.example.com/aurora-x5/reviews/55121',
        author: { id: 'خالد', handle: 'خالد', displayName: 'خالد' },
        text: 'خدمة ممتازة وتوصيل سريع، أنصح به',
        createdAt: '2026-12-01T00:00:00.000Z',
        conversationId: 'ReviewsExample:https://reviews.example.com/aurora-x5/reviews/55121',
        rating: { value: 9, max: 10 },
        target: 'Aurora X5',
      },
    ]);
  });

  it('accepts a single Review or an array of them, skipping nodes of other types', () => {
    const single = editedFixture(__dirname, 'schema-org-graph.json', (p) => Object.assign(p, p['@graph'][1], { '@graph': undefined }));
    expect(map(single).map((m) => m.mention.externalId)).toEqual(['ReviewsExample:r-55120']);
    const array = JSON.stringify(JSON.parse(fixture(__dirname, 'schema-org-graph.json').toString())['@graph']);
    expect(map(array)).toHaveLength(2);
  });

  it('refuses a delivery signed with another secret or not at all', () => {
    const body = fixture(__dirname, 'schema-org-graph.json');
    expect(() => connector.authenticate(signedDelivery(body, SHARED_SECRET_SCHEME, 'another-secret'), settings)).toThrow(WebhookAuthenticationError);
    expect(() => connector.authenticate(delivery(body), settings)).toThrow(expect.objectContaining({ kind: 'missing' }));
  });

  it('names the field of a malformed review', () => {
    const noId = editedFixture(__dirname, 'schema-org-graph.json', (p) => {
      delete p['@graph'][1].identifier;
      delete p['@graph'][1].url;
    });
    expect(() => map(noId)).toThrow(expect.objectContaining({ field: '@graph[1].identifier' }));
    const noBody = editedFixture(__dirname, 'schema-org-graph.json', (p) => delete p['@graph'][2].reviewBody);
    expect(() => map(noBody)).toThrow(expect.objectContaining({ field: '@graph[2].reviewBody' }));
    const overBest = editedFixture(__dirname, 'schema-org-graph.json', (p) => (p['@graph'][2].reviewRating.ratingValue = 11));
    expect(() => map(overBest)).toThrow(expect.objectContaining({ field: '@graph[2].reviewRating.ratingValue' }));
  });
});
