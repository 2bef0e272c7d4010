import { upstreamFor } from './public-routes';

describe('upstreamFor', () => {
  it.each([
    ['POST', '/v1/mentions', 'ingest'],
    ['POST', '/v1/mentions/batch', 'ingest'],
    ['GET', '/v1/mentions/8640968c-1f1e-5c43-b8ea-0f5cd43d6520', 'explorer'],
    ['GET', '/v1/search', 'explorer'],
    ['DELETE', '/v1/mentions/8640968c-1f1e-5c43-b8ea-0f5cd43d6520', 'explorer'],
    ['POST', '/v1/admin/reindex', 'explorer'],
    ['GET', '/v1/admin/reindex/8640968c-1f1e-5c43-b8ea-0f5cd43d6520', 'explorer'],
    ['GET', '/v1/profiles/abc', 'profile'],
    ['POST', '/v1/cases/abc/replies', 'responder'],
    ['GET', '/v1/cases/abc', 'routing'],
    ['POST', '/v1/mentions/abc/labels', 'classifier'],
    ['PUT', '/v1/topics/battery', 'classifier'],
    ['GET', '/v1/topics', 'classifier'],
    ['POST', '/v1/reprocess', 'classifier'],
    ['GET', '/v1/classifier/intent-model', 'classifier'],
    ['POST', '/v1/webhooks/demo/facebook', 'ingest'],
    ['GET', '/v1/webhooks/demo/facebook', 'ingest'],
    ['PUT', '/v1/tenants/demo/channels/x', 'ingest'],
    ['GET', '/v1/tenants/demo/channels/x', 'ingest'],
    ['GET', '/v1/search/export', 'explorer'],
    ['POST', '/v1/saved-searches', 'explorer'],
    ['GET', '/v1/saved-searches/abc/export', 'explorer'],
    ['POST', '/v1/saved-searches/abc/monitors', 'explorer'],
    ['GET', '/v1/monitors/abc', 'explorer'],
    ['GET', '/v1/alerts', 'explorer'],
  ])('sends %s %s to %s', (method, path, upstream) => {
    expect(upstreamFor(method, path)).toBe(upstream);
  });

  it('knows no service for an unknown route or a method a route does not take', () => {
    expect(upstreamFor('GET', '/v1/unknown')).toBeUndefined();
    expect(upstreamFor('DELETE', '/v1/mentions')).toBeUndefined();
    expect(upstreamFor('GET', '/v1/searching')).toBeUndefined();
  });
});
