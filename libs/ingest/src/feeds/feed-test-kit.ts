import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { FeedPollerSettings } from './feed-poller';

/** Test kit of the feed poller's specs: a real feed server on 127.0.0.1 and feed documents. */

/** One feed the local server serves: its document, validators, and how it misbehaves. */
export interface ServedFeed {
  body: Buffer | string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** Answer this status instead (the next `failTimes` requests, or always when unset). */
  status?: number;
  failTimes?: number;
  delayMs?: number;
}

interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A real HTTP server on 127.0.0.1 serving feeds with ETag / Last-Modified and conditional GET. */
export async function aFeedServer() {
  const feeds = new Map<string, ServedFeed>();
  /** path → Location answered with a 301. */
  const redirects = new Map<string, string>();
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const feed = feeds.get(path);
    const moved = redirects.get(path);
    if (moved) return void res.writeHead(301, { location: moved }).end();
    const answer = () => {
      if (!feed) return res.writeHead(404).end('not found');
      if (feed.status && (feed.failTimes === undefined || feed.failTimes-- > 0)) return res.writeHead(feed.status).end('failing');
      const fresh = (feed.etag && req.headers['if-none-match'] === feed.etag) || (!feed.etag && feed.lastModified && req.headers['if-modified-since'] === feed.lastModified);
      const validators = { ...(feed.etag ? { etag: feed.etag } : {}), ...(feed.lastModified ? { 'last-modified': feed.lastModified } : {}) };
      if (fresh) return res.writeHead(304, validators).end();
      res.writeHead(200, { 'content-type': feed.contentType ?? 'application/rss+xml; charset=utf-8', ...validators }).end(feed.body);
    };
    if (feed?.delayMs) setTimeout(answer, feed.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, feeds, redirects, requests, requestsTo: (path: string) => requests.filter((r) => r.path === path) };
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface Item {
  guid: string;
  title: string;
  date: string;
}

export function rss(items: Item[]): string {
  const entries = items
    .map((i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title><pubDate>${new Date(i.date).toUTCString()}</pubDate><description>${i.title} — détails / подробности / 詳細</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Aurora watch</title><link>https://news.example/</link>${entries}</channel></rss>`;
}

export const FIRST_ITEMS: Item[] = [
  { guid: 'n-1', title: 'Aurora X5 : la batterie chauffe', date: '2026-11-30T08:00:00Z' },
  { guid: 'n-2', title: 'Aurora X5 перегревается', date: '2026-11-30T09:00:00Z' },
  { guid: 'n-3', title: 'Aurora X5 のバッテリー問題', date: '2026-11-30T10:00:00Z' },
];
export const NEW_ITEMS: Item[] = [
  { guid: 'n-4', title: 'Aurora X5 geri çağrılıyor', date: '2026-12-01T08:00:00Z' },
  { guid: 'n-5', title: 'Aurora X5 หยุดขายชั่วคราว', date: '2026-12-01T09:00:00Z' },
];

export const SETTINGS: FeedPollerSettings = {
  enabled: true,
  tickMs: 50,
  concurrency: 3,
  // The test feeds live on 127.0.0.1; the guard against private addresses has its own tests.
  fetch: { timeoutMs: 1_000, maxBytes: 1024 * 1024, allowPrivateAddresses: true },
  attempts: 3,
  retryDelayMs: { initial: 10, max: 20 },
  rememberedItems: 50,
  maxFailureWaitMs: 3600_000,
};
