import type { Channel } from '@cxm/contracts';
import type { LabelledDemoMention } from '../generate-demo-mentions';

/**
 * Per-channel generators of webhook deliveries in the platforms' own formats, built from the
 * multilingual demo mentions (their texts, authors and times) and shaped like the documented
 * payloads the connectors in libs/ingest/src/connectors map (see docs/channels/*.md).
 *
 * A body is a template: `__N__` stands for a number unique to each send, so every native id in
 * it is new every time (nothing is deduplicated) while the delivery itself is built once. Ids are
 * `<fixed-width item index><N>`, unique within a delivery and across sends.
 */
export const UNIQUE = '__N__';

export interface NativeDelivery {
  channel: Channel;
  /** `application/json`, or `message/rfc822` for e-mail. */
  contentType: string;
  /** The body with `__N__` wherever a per-send number goes. */
  body: string;
  /** Mentions the connector maps from one send of it (every item is a customer's words). */
  mentions: number;
}

/** A channel's generator: demo mentions (as many as one delivery carries) → one native delivery. */
export type DeliveryGenerator = (items: readonly LabelledDemoMention[]) => NativeDelivery;

/** The brand's own accounts, as the platforms identify them (the demo brand, Aurora Mobile). */
const BRAND = {
  facebookPage: '104857392019384',
  instagramAccount: '17841401234567',
  whatsappBusinessAccount: '102290129340398',
  whatsappPhoneNumberId: '106540352242922',
  whatsappDisplayNumber: '442079460321',
  youtubeChannel: 'UCq7AuroraMobile0fficial',
  subreddit: 'AuroraMobile',
  email: 'support@auroramobile.example',
  reviewSite: 'Trustpilot',
};

/** `<index, 3 digits><N>`: numeric where the platform's ids are numeric (X, Graph API objects). */
const nativeId = (index: number, prefix = '') => `${prefix}${String(index).padStart(3, '0')}${UNIQUE}`;
const unixSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/** Stars from what the demo text says: how a 1–5 review of it would be rated (1 or 2, 4 or 5 by template). */
const stars = (item: LabelledDemoMention): number => {
  const lean = Number(item.templateId.slice(-1)) % 2 || 0;
  if (item.expectedSentiment === 'negative') return 1 + lean;
  if (item.expectedSentiment === 'positive') return 4 + lean;
  return 3;
};
const json = (channel: Channel, payload: unknown, mentions: number): NativeDelivery => ({ channel, contentType: 'application/json', body: JSON.stringify(payload), mentions });

/**
 * X API v2 recent-search page (`GET /2/tweets/search/recent`, `expansions=author_id`), as the
 * tenant's relay forwards it: Post objects in `data`, their authors in `includes.users`. Every
 * third post answers the page's first one (same `conversation_id`, `referenced_tweets`).
 */
export const xSearchPage: DeliveryGenerator = (items) => {
  const root = nativeId(0, '18');
  const posts = items.map((item, index) => {
    const id = nativeId(index, '18');
    const reply = index > 0 && index % 3 === 0;
    return {
      id,
      text: item.mention.text,
      author_id: item.mention.author.id,
      created_at: item.mention.createdAt,
      conversation_id: reply ? root : id,
      edit_history_tweet_ids: [id],
      lang: item.lang,
      ...(reply ? { referenced_tweets: [{ type: 'replied_to', id: root }] } : {}),
    };
  });
  const users = new Map(items.map((item) => [item.mention.author.id, { id: item.mention.author.id, username: item.mention.author.handle.replace(/^@/, ''), name: item.mention.author.displayName, public_metrics: { followers_count: item.mention.author.followers ?? 0 } }]));
  return json('x', { data: posts, includes: { users: [...users.values()] }, meta: { newest_id: posts[0].id, oldest_id: posts.at(-1)!.id, result_count: posts.length, next_token: `b26v89c19zqg8o3f${UNIQUE}` } }, posts.length);
};

/**
 * Facebook Page webhook (`object: "page"`): `feed` comments under the Page's posts, spread over
 * one entry per post. Meta aggregates changes into one delivery (entry[] × changes[]).
 */
export const facebookFeedComments: DeliveryGenerator = (items) => {
  const perEntry = 2;
  const entries = [];
  for (let start = 0; start < items.length; start += perEntry) {
    const post = `${BRAND.facebookPage}_${nativeId(start, '7')}`;
    entries.push({
      id: BRAND.facebookPage,
      time: unixSeconds(items[start].mention.createdAt),
      changes: items.slice(start, start + perEntry).map((item, offset) => ({
        field: 'feed',
        value: {
          from: { id: nativeId(start + offset, '5'), name: item.mention.author.displayName },
          post: { status_type: 'added_photos', is_published: true, updated_time: item.mention.createdAt, id: post },
          message: item.mention.text,
          post_id: post,
          comment_id: `${post.split('_')[1]}_${nativeId(start + offset, '9')}`,
          created_time: unixSeconds(item.mention.createdAt),
          item: 'comment',
          parent_id: post,
          verb: 'add',
        },
      })),
    });
  }
  return json('facebook', { object: 'page', entry: entries }, items.length);
};

/** Instagram webhook (`object: "instagram"`): `comments` changes on the account's media, batched in one entry. */
export const instagramComments: DeliveryGenerator = (items) =>
  json(
    'instagram',
    {
      object: 'instagram',
      entry: [
        {
          id: BRAND.instagramAccount,
          time: unixSeconds(items[0].mention.createdAt),
          changes: items.map((item, index) => ({
            field: 'comments',
            value: {
              from: { id: nativeId(index, '6'), username: item.mention.author.handle.replace(/^@/, '') },
              media: { id: nativeId(0, '179'), media_product_type: 'FEED' },
              id: nativeId(index, '178'),
              text: item.mention.text,
            },
          })),
        },
      ],
    },
    items.length,
  );

/** Messenger Platform webhook: one person's message to the Page (`entry[].messaging[]`), one per delivery. */
export const messengerMessage: DeliveryGenerator = (items) =>
  json(
    'messenger',
    {
      object: 'page',
      entry: items.map((item, index) => ({
        id: BRAND.facebookPage,
        time: Date.parse(item.mention.createdAt),
        messaging: [
          {
            sender: { id: nativeId(index, '24') },
            recipient: { id: BRAND.facebookPage },
            timestamp: Date.parse(item.mention.createdAt),
            message: { mid: `m_${nativeId(index)}-${item.templateId}`, text: item.mention.text },
          },
        ],
      })),
    },
    items.length,
  );

/** WhatsApp Cloud API webhook: one customer's text message to the business number, one per delivery. */
export const whatsappMessage: DeliveryGenerator = (items) =>
  json(
    'whatsapp',
    {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: BRAND.whatsappBusinessAccount,
          changes: items.map((item, index) => {
            const from = `44${nativeId(index, '7')}`;
            return {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: BRAND.whatsappDisplayNumber, phone_number_id: BRAND.whatsappPhoneNumberId },
                contacts: [{ profile: { name: item.mention.author.displayName }, wa_id: from }],
                messages: [{ from, id: `wamid.HBgM${nativeId(index)}`, timestamp: String(unixSeconds(item.mention.createdAt)), type: 'text', text: { body: item.mention.text } }],
              },
            };
          }),
        },
      ],
    },
    items.length,
  );

/**
 * Reddit listing (`/r/{sub}/comments.json`, `kind: "Listing"`): comments (`t1`) under the brand's
 * subreddit's posts, as the tenant's poller forwards each page.
 */
export const redditCommentsListing: DeliveryGenerator = (items) =>
  json(
    'reddit',
    {
      kind: 'Listing',
      data: {
        after: `t1_${nativeId(items.length - 1, 'k')}`,
        dist: items.length,
        before: null,
        children: items.map((item, index) => {
          const id = nativeId(index, 'k');
          const post = `t3_${nativeId(index - (index % 5), 'p')}`;
          return {
            kind: 't1',
            data: {
              id,
              name: `t1_${id}`,
              body: item.mention.text,
              author: item.mention.author.handle.replace(/^u\//, ''),
              author_fullname: `t2_${nativeId(index, 'a')}`,
              link_id: post,
              parent_id: post,
              created_utc: unixSeconds(item.mention.createdAt),
              edited: false,
              subreddit: BRAND.subreddit,
              permalink: `/r/${BRAND.subreddit}/comments/${post.slice(3)}/_/${id}/`,
              replies: '',
            },
          };
        }),
      },
    },
    items.length,
  );

/** YouTube Data API `commentThreads.list` page (`part=snippet`): top-level comments under the brand's videos. */
export const youtubeCommentThreads: DeliveryGenerator = (items) =>
  json(
    'youtube',
    {
      kind: 'youtube#commentThreadListResponse',
      etag: `etag-${UNIQUE}`,
      nextPageToken: `QURTSl${UNIQUE}`,
      pageInfo: { totalResults: items.length, resultsPerPage: items.length },
      items: items.map((item, index) => {
        const id = `Ugx${nativeId(index)}`;
        const snippet = {
          channelId: BRAND.youtubeChannel,
          videoId: 'dQx5Aurora01',
          textDisplay: item.mention.text,
          textOriginal: item.mention.text,
          authorDisplayName: `@${item.mention.author.handle.replace(/^@/, '')}`,
          authorChannelId: { value: `UC${nativeId(index)}` },
          canRate: true,
          viewerRating: 'none',
          likeCount: index % 7,
          publishedAt: item.mention.createdAt,
          updatedAt: item.mention.createdAt,
        };
        return {
          kind: 'youtube#commentThread',
          id,
          snippet: { channelId: BRAND.youtubeChannel, videoId: snippet.videoId, topLevelComment: { kind: 'youtube#comment', id, snippet }, canReply: true, totalReplyCount: 0, isPublic: true },
        };
      }),
    },
    items.length,
  );

/** App Store Connect `GET /v1/apps/{id}/customerReviews` page (JSON:API `customerReviews`). */
export const appStoreReviewsPage: DeliveryGenerator = (items) =>
  json(
    'appstore',
    {
      data: items.map((item, index) => ({
        type: 'customerReviews',
        id: `00000028-b08c-${nativeId(index)}`,
        attributes: { rating: stars(item), title: item.mention.text.split(/[.!?。！？]/)[0].slice(0, 60) || 'Review', body: item.mention.text, reviewerNickname: item.mention.author.displayName, createdDate: item.mention.createdAt, territory: 'GBR' },
      })),
      links: { self: 'https://api.appstoreconnect.apple.com/v1/apps/6448213907/customerReviews', next: `https://api.appstoreconnect.apple.com/v1/apps/6448213907/customerReviews?cursor=${UNIQUE}` },
      meta: { paging: { total: 5000, limit: items.length } },
    },
    items.length,
  );

/** A review site's page as schema.org JSON-LD: the business node and its `Review` nodes in `@graph`. */
export const reviewSitePage: DeliveryGenerator = (items) =>
  json(
    'reviews',
    {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': 'https://www.trustpilot.example/review/auroramobile.example#org', name: 'Aurora Mobile' },
        ...items.map((item, index) => ({
          '@type': 'Review',
          '@id': `https://www.trustpilot.example/reviews/${nativeId(index, 'r')}`,
          author: { '@type': 'Person', name: item.mention.author.displayName },
          datePublished: item.mention.createdAt,
          reviewBody: item.mention.text,
          reviewRating: { '@type': 'Rating', ratingValue: stars(item), bestRating: 5 },
          itemReviewed: { '@type': 'Organization', name: 'Aurora Mobile' },
          publisher: { '@type': 'Organization', name: BRAND.reviewSite },
          inLanguage: item.lang,
        })),
      ],
    },
    items.length,
  );

/** The generic chat webhook (docs/channels/chat.md): one customer message per delivery. */
export const chatMessage: DeliveryGenerator = (items) =>
  json(
    'chat',
    {
      messages: items.map((item, index) => ({
        id: `msg_${nativeId(index)}`,
        conversationId: `conv_${nativeId(index)}`,
        type: 'chat',
        sender: { id: `visitor_${nativeId(index)}`, name: item.mention.author.displayName, role: 'customer' },
        text: item.mention.text,
        sentAt: item.mention.createdAt,
        source: 'web-chat',
      })),
    },
    items.length,
  );

/**
 * A raw RFC 5322 message as an inbound-mail relay posts it (`message/rfc822`): UTF-8 subject as
 * an encoded word, every other one multipart/alternative with an HTML part (as mail clients send).
 */
export const emailMessage: DeliveryGenerator = (items) => {
  const item = items[0];
  // The message's longest line (not its greeting) stands in for the subject a customer would write.
  const line = item.mention.text.split('\n').reduce((longest, next) => (next.length > longest.length ? next : longest), '');
  const subject = `=?UTF-8?B?${Buffer.from(Array.from(line).slice(0, 60).join('') || 'Aurora Mobile', 'utf8').toString('base64')}?=`;
  const text = Buffer.from(item.mention.text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const head = [
    `From: =?UTF-8?B?${Buffer.from(item.mention.author.displayName, 'utf8').toString('base64')}?= <${item.mention.author.id}>`,
    `To: Aurora Mobile Support <${BRAND.email}>`,
    `Subject: ${subject}`,
    `Date: ${new Date(item.mention.createdAt).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${nativeId(0)}.${item.templateId}@mail.example>`,
    'MIME-Version: 1.0',
  ];
  const html = Number(item.templateId.slice(-1)) % 2 === 0;
  const body = html
    ? [
        'Content-Type: multipart/alternative; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        text,
        '--b1',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from(`<html><body><p>${item.mention.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p></body></html>`, 'utf8').toString('base64'),
        '--b1--',
      ]
    : ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', text];
  return { channel: 'email', contentType: 'message/rfc822', body: [...head, ...body, ''].join('\r\n'), mentions: 1 };
};
