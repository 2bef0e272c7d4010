import { firstNonPublicAddress, ResolveHost, resolveWithDns } from './public-address-guard';

export type FetchFunction = typeof fetch;

export interface FetchFeedSettings {
  timeoutMs: number;
  maxBytes: number;
  /** Let feeds reach loopback / private / link-local addresses (development, intranet feeds). */
  allowPrivateAddresses: boolean;
  /** Injected by tests; DNS by default. */
  resolve?: ResolveHost;
}

/** The validators a previous fetch left: sent back so an unchanged feed costs a 304. */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome = { kind: 'not-modified'; validators: FeedValidators } | { kind: 'fetched'; body: string; validators: FeedValidators };

/** A fetch that failed; `retryable` when trying again soon may help (network, timeout, 5xx, 429). */
export class FeedFetchError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5';
const USER_AGENT = 'CXM-feed-poller/1.0';

/**
 * One conditional GET of a feed: If-None-Match / If-Modified-Since from the stored validators,
 * a timeout, a size cap, and the body decoded from its declared charset (HTTP header, else the
 * XML declaration — many Russian and Japanese feeds are still windows-1251 or Shift_JIS).
 */
export async function fetchFeed(fetcher: FetchFunction, url: string, validators: FeedValidators, settings: FetchFeedSettings, stop: AbortSignal): Promise<FetchOutcome> {
  const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': USER_AGENT };
  const target = new URL(url);
  // fetch refuses URLs with credentials; a private feed's user:password@ becomes Basic auth.
  if (target.username || target.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`;
    target.username = '';
    target.password = '';
  }
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const signal = AbortSignal.any([AbortSignal.timeout(settings.timeoutMs), stop]);
  const response = await follow(fetcher, target, headers, settings, signal, stop);
  const answered = { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
  if (response.status === 304) {
    await response.body?.cancel();
    // A 304 may refresh the validators; where it does not, the stored ones still hold.
    return { kind: 'not-modified', validators: { etag: answered.etag ?? validators.etag, lastModified: answered.lastModified ?? validators.lastModified } };
  }
  if (!response.ok) {
    await response.body?.cancel();
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new FeedFetchError(`feed answered ${response.status}`, retryable);
  }
  const bytes = await readBounded(response, settings.maxBytes);
  return { kind: 'fetched', body: decodeFeed(bytes, response.headers.get('content-type')), validators: answered };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** GET with redirects followed by hand, so every hop's address is checked (a public feed may redirect inwards). */
async function follow(fetcher: FetchFunction, start: URL, headers: Record<string, string>, settings: FetchFeedSettings, signal: AbortSignal, stop: AbortSignal): Promise<Response> {
  let target = start;
  let sent = headers;
  for (let hop = 0; ; hop++) {
    await assertReachable(target, settings);
    let response: Response;
    try {
      response = await fetcher(target, { headers: sent, redirect: 'manual', signal });
    } catch (error) {
      throw new FeedFetchError(`feed unreachable: ${describeFetchError(error, settings.timeoutMs)}`, !stop.aborted);
    }
    if (!REDIRECTS.has(response.status)) return response;
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (!location) throw new FeedFetchError(`feed answered ${response.status} without a Location`, false);
    if (hop >= MAX_REDIRECTS) throw new FeedFetchError(`feed redirects more than ${MAX_REDIRECTS} times`, false);
    const next = new URL(location, target);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FeedFetchError(`feed redirects to a ${next.protocol} URL`, false);
    // Credentials are for the feed's own origin only.
    if (next.origin !== target.origin) sent = Object.fromEntries(Object.entries(sent).filter(([name]) => name !== 'authorization'));
    target = next;
  }
}

async function assertReachable(target: URL, settings: FetchFeedSettings): Promise<void> {
  if (settings.allowPrivateAddresses) return;
  let blocked: string | undefined;
  try {
    blocked = await firstNonPublicAddress(target.hostname, settings.resolve ?? resolveWithDns);
  } catch (error) {
    throw new FeedFetchError(`feed host ${target.hostname} not found: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, true);
  }
  if (blocked) throw new FeedFetchError(`feed host ${target.hostname} is a non-public address (${blocked}); set CXM_FEED_ALLOW_PRIVATE_ADDRESSES=true to allow`, false);
}

async function readBounded(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new FeedFetchError(`feed is larger than ${maxBytes} bytes (${declared})`, false);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        await response.body?.cancel();
        throw new FeedFetchError(`feed is larger than ${maxBytes} bytes`, false);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw new FeedFetchError(`feed body interrupted: ${(error as Error).message}`, true);
  }
  return Buffer.concat(chunks);
}

/** Charset from Content-Type, else from `<?xml … encoding="…"?>`, else UTF-8 (a BOM wins over both). */
export function decodeFeed(bytes: Buffer, contentType: string | null): string {
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(bytes.subarray(0, 256).toString('latin1'))?.[1];
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  for (const label of [bom, declared, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // an unknown charset label: try the next candidate
    }
  }
  return bytes.toString('utf8');
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const failure = error as Error & { cause?: Error & { code?: string } };
  if (failure.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (failure.name === 'AbortError') return 'stopped';
  return failure.cause?.code ?? failure.cause?.message ?? failure.message;
}
