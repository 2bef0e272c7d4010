import type { Channel } from '@cxm/contracts';
import { generateLabelledDemoMentions, LabelledDemoMention } from '../generate-demo-mentions';
import { SeededRandom } from '../seeded-random';
import { createHmac } from 'node:crypto';
import {
  appStoreReviewsPage,
  chatMessage,
  DeliveryGenerator,
  emailMessage,
  facebookFeedComments,
  instagramComments,
  messengerMessage,
  redditCommentsListing,
  reviewSitePage,
  UNIQUE,
  whatsappMessage,
  xSearchPage,
  youtubeCommentThreads,
} from './native-deliveries';

/**
 * What `npm run bench:ingest` sends by default (scripts/bench/ingest-throughput.ts): a deck of requests, cycled, each rendered with a number unique to
 * the send (so every id is new) and, for webhooks, signed the way its platform signs.
 */
export interface RequestTemplate {
  /** `x`, `facebook`…, `import` (the batch route) or `api` (single canonical POST). */
  kind: string;
  path: string;
  contentType: string;
  /** The body split at `__N__`: a send is `parts.join(n)`, without a regex per send. */
  parts: string[];
  /** Mentions one send of it carries. */
  mentions: number;
  /** Webhooks: how the platform signs the body; the rest send the bearer token. */
  signature?: { header: string; secret: string; encoding: 'hex' | 'base64' };
}

export interface Workload {
  /** Each kind in proportion to its share of mentions, spread evenly over the deck. */
  deck: RequestTemplate[];
  /** `PUT /v1/tenants/{tenant}/channels/{channel}` bodies, sent before any phase. */
  channelSettings: { channel: Channel; body: Record<string, string> }[];
  /** One line per kind: share, requests, mentions per request, source of the page size. */
  describe: string[];
  meanMentionsPerRequest: number;
}

export const BENCH_TENANT = 'demo';
const DEMO_NOW = new Date('2026-11-20T12:00:00Z');
/** Mentions one pass of the deck carries (its requests are then cycled). */
const DECK_MENTIONS = 10_000;
/** Size of one bulk-import request: what `npm run import` sends by default (--batch-size 500, tools/import/src/cli.ts). */
export const IMPORT_BATCH = 500;

const SECRETS = {
  appSecret: 'bench-meta-app-secret-5f2c',
  verifyToken: 'bench-meta-verify-token',
  consumerSecret: 'bench-x-consumer-secret-91ad',
  webhookSecret: 'bench-forwarder-secret-7be0',
};
const META_SIGNATURE = { header: 'x-hub-signature-256', secret: SECRETS.appSecret, encoding: 'hex' } as const;
const X_SIGNATURE = { header: 'x-twitter-webhooks-signature', secret: SECRETS.consumerSecret, encoding: 'base64' } as const;
const FORWARDER_SIGNATURE = { header: 'x-cxm-signature-256', secret: SECRETS.webhookSecret, encoding: 'hex' } as const;

interface ChannelMix {
  channel: Channel;
  /** Share of all mentions, in percent (with IMPORT_SHARE and API_SHARE: 100). */
  share: number;
  /** Items per delivery, cycled (Meta batches a varying few). */
  perDelivery: readonly number[];
  generate: DeliveryGenerator;
  signature: RequestTemplate['signature'];
  /** Where the page size comes from (docs/performance.md cites the same). */
  source: string;
}

/**
 * A consumer brand's traffic: X and the Meta channels carry most public talk, private messages
 * (WhatsApp, chat, Messenger, e-mail) a quarter, Reddit/YouTube/app-store/review pages the rest.
 * The shares follow the demo set's channel mix (libs/demo), with app-store reviews added.
 * RSS is absent: feeds are polled by the server, not posted to it.
 */
const WEBHOOK_MIX: readonly ChannelMix[] = [
  { channel: 'x', share: 20, perDelivery: [10], generate: xSearchPage, signature: X_SIGNATURE, source: 'X API v2 recent search, max_results default 10' },
  { channel: 'facebook', share: 11, perDelivery: [1, 2, 3, 4], generate: facebookFeedComments, signature: META_SIGNATURE, source: 'Meta webhooks batch changes: 1–4 per delivery here' },
  { channel: 'instagram', share: 9, perDelivery: [1, 2, 3], generate: instagramComments, signature: META_SIGNATURE, source: 'Meta webhooks batch changes: 1–3 per delivery here' },
  { channel: 'whatsapp', share: 8, perDelivery: [1], generate: whatsappMessage, signature: META_SIGNATURE, source: 'one message per WhatsApp Cloud API notification' },
  { channel: 'chat', share: 7, perDelivery: [1], generate: chatMessage, signature: FORWARDER_SIGNATURE, source: 'one message per chat webhook' },
  { channel: 'reddit', share: 7, perDelivery: [25], generate: redditCommentsListing, signature: FORWARDER_SIGNATURE, source: 'Reddit listing limit default 25' },
  { channel: 'messenger', share: 5, perDelivery: [1], generate: messengerMessage, signature: META_SIGNATURE, source: 'one message per Messenger webhook' },
  { channel: 'email', share: 5, perDelivery: [1], generate: emailMessage, signature: FORWARDER_SIGNATURE, source: 'one RFC 5322 message per relay POST' },
  { channel: 'youtube', share: 5, perDelivery: [20], generate: youtubeCommentThreads, signature: FORWARDER_SIGNATURE, source: 'YouTube commentThreads.list maxResults default 20' },
  { channel: 'appstore', share: 4, perDelivery: [50], generate: appStoreReviewsPage, signature: FORWARDER_SIGNATURE, source: 'App Store Connect customerReviews page, ~50 without limit' },
  { channel: 'reviews', share: 4, perDelivery: [20], generate: reviewSitePage, signature: FORWARDER_SIGNATURE, source: 'a review-site page of 20 JSON-LD Reviews' },
];
/** Backfills and CRM exports through the import CLI. */
const IMPORT_SHARE = 10;
/** The tenant's own integrations posting one canonical mention at a time. */
const API_SHARE = 5;

/** The default workload: every webhook channel in its native format, bulk import and the canonical API. */
export function mixedWorkload(): Workload {
  const demo = demoByChannel(Math.round(DECK_MENTIONS * 1.2));
  const canonical = canonicalBodies(demo.all);
  const deck: RequestTemplate[] = [];
  const describe: string[] = [];
  for (const mix of WEBHOOK_MIX) {
    const source = demo.byChannel.get(mix.channel) ?? demo.all;
    const templates = deliveries(mix, source, (DECK_MENTIONS * mix.share) / 100);
    deck.push(...templates);
    describe.push(line(mix.channel, mix.share, templates, mix.source));
  }
  const imports = batches(canonical, IMPORT_BATCH, Math.round((DECK_MENTIONS * IMPORT_SHARE) / 100 / IMPORT_BATCH));
  const singles = canonical.slice(0, Math.round((DECK_MENTIONS * API_SHARE) / 100)).map((body) => bearerTemplate('api', '/v1/mentions', body, 1));
  deck.push(...imports, ...singles);
  describe.push(line('import', IMPORT_SHARE, imports, `POST /v1/mentions/batch, ${IMPORT_BATCH} per request (the import CLI)`), line('api', API_SHARE, singles, 'POST /v1/mentions, one canonical mention'));
  return finish(spread(deck, new SeededRandom(20261201)), describe);
}

/** `--workload canonical`: demo mentions through `POST /v1/mentions`, or `--batch N` per request to the batch route. */
export function canonicalWorkload(batch: number): Workload {
  const canonical = canonicalBodies(demoByChannel(3_000).all);
  const deck = batch <= 1 ? canonical.map((body) => bearerTemplate('api', '/v1/mentions', body, 1)) : batches(canonical, batch, Math.floor(canonical.length / batch));
  return finish(deck, [line(batch <= 1 ? 'api' : 'import', 100, deck, batch <= 1 ? 'POST /v1/mentions' : `POST /v1/mentions/batch, ${batch} per request`)]);
}

/** The rendered body and headers of one send of `template` with the unique number `n`. */
export function renderSend(template: RequestTemplate, n: number, bearerToken: string): { body: string; headers: Record<string, string> } {
  const body = template.parts.join(String(n));
  const headers: Record<string, string> = { 'content-type': template.contentType };
  if (template.signature) headers[template.signature.header] = `sha256=${createHmac('sha256', template.signature.secret).update(body, 'utf8').digest(template.signature.encoding)}`;
  else headers.authorization = `Bearer ${bearerToken}`;
  return { body, headers };
}

/**
 * Each kind spread evenly over the deck (at a seeded offset of its own), so that any stretch of a
 * run — a phase starts wherever the previous one stopped — carries the mix, not only the whole deck.
 */
function spread(templates: readonly RequestTemplate[], random: SeededRandom): RequestTemplate[] {
  const byKind = new Map<string, RequestTemplate[]>();
  for (const template of templates) byKind.set(template.kind, [...(byKind.get(template.kind) ?? []), template]);
  const placed: { template: RequestTemplate; at: number }[] = [];
  for (const list of byKind.values()) {
    const offset = random.next();
    list.forEach((template, index) => placed.push({ template, at: (index + offset) / list.length }));
  }
  return placed.sort((a, b) => a.at - b.at).map(({ template }) => template);
}

function finish(deck: RequestTemplate[], describe: string[]): Workload {
  const mentions = deck.reduce((sum, template) => sum + template.mentions, 0);
  const channels = new Set(deck.filter((template) => template.signature).map((template) => template.kind as Channel));
  return { deck, describe, meanMentionsPerRequest: mentions / deck.length, channelSettings: [...channels].map((channel) => ({ channel, body: settingsFor(channel) })) };
}

function settingsFor(channel: Channel): Record<string, string> {
  if (channel === 'x') return { consumerSecret: SECRETS.consumerSecret };
  if (['facebook', 'instagram', 'messenger', 'whatsapp'].includes(channel)) return { appSecret: SECRETS.appSecret, verifyToken: SECRETS.verifyToken };
  return { webhookSecret: SECRETS.webhookSecret };
}

/** Enough deliveries of one channel to carry `mentions`, each from the next demo mentions of that channel. */
function deliveries(mix: ChannelMix, source: readonly LabelledDemoMention[], mentions: number): RequestTemplate[] {
  const templates: RequestTemplate[] = [];
  let carried = 0;
  let cursor = 0;
  while (carried < mentions) {
    const size = mix.perDelivery[templates.length % mix.perDelivery.length];
    const items = Array.from({ length: size }, (_unused, index) => source[(cursor + index) % source.length]);
    cursor += size;
    const delivery = mix.generate(items);
    templates.push({ kind: mix.channel, path: `/v1/webhooks/${BENCH_TENANT}/${mix.channel}`, contentType: delivery.contentType, parts: delivery.body.split(UNIQUE), mentions: delivery.mentions, signature: mix.signature });
    carried += delivery.mentions;
  }
  return templates;
}

function demoByChannel(count: number): { all: LabelledDemoMention[]; byChannel: Map<Channel, LabelledDemoMention[]> } {
  const all = generateLabelledDemoMentions({ tenantId: BENCH_TENANT, count, now: DEMO_NOW });
  const byChannel = new Map<Channel, LabelledDemoMention[]>();
  for (const item of all) byChannel.set(item.mention.channel, [...(byChannel.get(item.mention.channel) ?? []), item]);
  return { all, byChannel };
}

/** Canonical mentions as JSON, their ids (and parents' ids) made unique per send. */
function canonicalBodies(items: readonly LabelledDemoMention[]): string[] {
  return items.map(({ mention }) => JSON.stringify({ ...mention, externalId: `${mention.externalId}-${UNIQUE}`, ...(mention.inReplyTo ? { inReplyTo: `${mention.inReplyTo}-${UNIQUE}` } : {}) }));
}

function batches(bodies: readonly string[], size: number, count: number): RequestTemplate[] {
  return Array.from({ length: Math.max(1, count) }, (_unused, index) => {
    const items = Array.from({ length: size }, (_item, offset) => bodies[(index * size + offset) % bodies.length]);
    return bearerTemplate('import', '/v1/mentions/batch', `{"items":[${items.join(',')}]}`, size);
  });
}

function bearerTemplate(kind: string, path: string, body: string, mentions: number): RequestTemplate {
  return { kind, path, contentType: 'application/json', parts: body.split(UNIQUE), mentions };
}

function line(kind: string, share: number, templates: readonly RequestTemplate[], source: string): string {
  const mentions = templates.reduce((sum, template) => sum + template.mentions, 0);
  return `${kind.padEnd(10)} ${String(share).padStart(3)} % of mentions  ${String(templates.length).padStart(5)} requests/deck  ${(mentions / templates.length).toFixed(1).padStart(5)} mentions/request  (${source})`;
}
