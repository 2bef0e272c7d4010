/** The services behind the public API. */
export const UPSTREAMS = ['ingest', 'classifier', 'explorer', 'profile', 'routing', 'responder'] as const;
export type Upstream = (typeof UPSTREAMS)[number];

interface Route {
  /** Matched against the path without its query string. */
  path: RegExp;
  methods?: string[];
  upstream: Upstream;
}

/**
 * Which service answers which public route — the same table the Kubernetes Ingress
 * (deploy/kubernetes) encodes, used by the gateway (ADR 0007) and by the all-in-one to hand the
 * lifecycle services' routes to their thread (ADR 0028). First match wins, so the more specific
 * routes come first.
 */
export const GATEWAY_ROUTES: Route[] = [
  { path: /^\/v1\/mentions\/?$/, methods: ['POST'], upstream: 'ingest' },
  { path: /^\/v1\/mentions\/batch\/?$/, methods: ['POST'], upstream: 'ingest' },
  { path: /^\/v1\/mentions\/[^/]+\/labels\/?$/, methods: ['POST'], upstream: 'classifier' },
  { path: /^\/v1\/mentions\/[^/]+\/?$/, methods: ['GET', 'DELETE'], upstream: 'explorer' },
  { path: /^\/v1\/admin\/reindex(\/|$)/, upstream: 'explorer' },
  { path: /^\/v1\/(topics|reprocess|classifier)(\/|$)/, upstream: 'classifier' },
  { path: /^\/v1\/search\/?$/, upstream: 'explorer' },
  { path: /^\/v1\/(search\/export|saved-searches|monitors|alerts)(\/|$)/, upstream: 'explorer' },
  { path: /^\/v1\/profiles(\/|$)/, upstream: 'profile' },
  { path: /^\/v1\/cases\/[^/]+\/replies\/?$/, upstream: 'responder' },
  { path: /^\/v1\/cases(\/|$)/, upstream: 'routing' },
  { path: /^\/v1\/webhooks\/[^/]+\/[^/]+\/?$/, methods: ['GET', 'POST'], upstream: 'ingest' },
  { path: /^\/v1\/tenants\/[^/]+\/channels\/[^/]+\/?$/, methods: ['GET', 'PUT'], upstream: 'ingest' },
];

export function upstreamFor(method: string, path: string): Upstream | undefined {
  return GATEWAY_ROUTES.find((route) => route.path.test(path) && (!route.methods || route.methods.includes(method.toUpperCase())))?.upstream;
}
