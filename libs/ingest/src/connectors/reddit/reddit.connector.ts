import { InboundDelivery, MappedMention } from '../channel-connector';
import { SharedSecretWebhookConnector } from '../shared/hmac-signature';
import { jsonBody } from '../shared/json-body';
import { isoTime } from '../shared/native-time';
import { NativeValue } from '../shared/native-value';

/** What Reddit shows for a post or comment whose author or text is gone. */
const GONE = new Set(['[deleted]', '[removed]']);

/**
 * Reddit listing JSON, as the API returns it (`/r/{sub}/new.json`, `/comments/{id}.json`,
 * `/search.json`): a `Listing`, or the array of two listings a comments page returns, whose
 * children are posts (`t3`) and comments (`t1`, with nested `replies`). Reddit has no push, so
 * the tenant's poller forwards listings signed with the shared secret. See docs/channels/reddit.md.
 */
export class RedditConnector extends SharedSecretWebhookConnector {
  readonly channel = 'reddit' as const;

  map(delivery: InboundDelivery): MappedMention[] {
    const body = jsonBody(delivery);
    const listings = Array.isArray(body.value) ? body.array() : [body];
    return listings.flatMap((listing) => mapListing(listing));
  }
}

function mapListing(listing: NativeValue): MappedMention[] {
  const kind = listing.object().get('kind');
  if (kind.value !== 'Listing') kind.fail('must be "Listing"');
  return listing
    .get('data')
    .get('children')
    .array()
    .flatMap((child) => mapThing(child));
}

/** A post or a comment and, for a comment, the replies nested under it; `more` stubs and other kinds are skipped. */
function mapThing(thing: NativeValue): MappedMention[] {
  const kind = thing.object().get('kind').value;
  const data = thing.get('data');
  if (kind === 't3') return [mapPost(data)].filter(isMention);
  if (kind !== 't1') return [];
  const replies = data.get('replies');
  return [mapComment(data), ...(replies.isObject() ? mapListing(replies) : [])].filter(isMention);
}

function mapPost(data: NativeValue): MappedMention | undefined {
  const title = data.get('title').string();
  const selftext = data.get('selftext').optionalString();
  if (GONE.has(selftext ?? '') && GONE.has(String(data.get('author').value))) return undefined;
  const name = fullname(data, 't3');
  return build(data, {
    externalId: name,
    text: selftext && !GONE.has(selftext) ? `${title}\n\n${selftext}` : title,
    conversationId: name,
  });
}

function mapComment(data: NativeValue): MappedMention | undefined {
  const text = data.get('body').string();
  if (GONE.has(text)) return undefined;
  return build(data, {
    externalId: fullname(data, 't1'),
    text,
    // link_id is the post (t3_…) the comment sits under; parent_id the post or comment it answers.
    conversationId: data.get('link_id').string(),
    inReplyTo: data.get('parent_id').string(),
  });
}

function build(data: NativeValue, fields: { externalId: string; text: string; conversationId: string; inReplyTo?: string }): MappedMention {
  const author = data.get('author').string();
  const edited = data.get('edited').value;
  const permalink = data.get('permalink').optionalString();
  const subreddit = data.get('subreddit').optionalString();
  return {
    mention: {
      channel: 'reddit',
      externalId: fields.externalId,
      author: { id: data.get('author_fullname').optionalString() ?? author, handle: `u/${author}`, displayName: author },
      text: fields.text,
      createdAt: isoTime(data.get('created_utc')),
      conversationId: fields.conversationId,
      ...(fields.inReplyTo ? { inReplyTo: fields.inReplyTo } : {}),
      // `edited` is false, or the unix time of the last edit.
      ...(typeof edited === 'number' ? { editedAt: isoTime(data.get('edited')) } : {}),
      ...(permalink ? { url: `https://www.reddit.com${permalink}` } : {}),
      ...(subreddit ? { target: `r/${subreddit}` } : {}),
    },
    // The nested replies are mapped as mentions of their own; the audit copy need not repeat them.
    native: { ...(data.value as object), replies: undefined },
  };
}

/** Reddit's fullname (`t1_abc`), the id that `parent_id` and `link_id` refer to. */
function fullname(data: NativeValue, prefix: 't1' | 't3'): string {
  return data.get('name').optionalString() ?? `${prefix}_${data.get('id').string()}`;
}

function isMention(mention: MappedMention | undefined): mention is MappedMention {
  return mention !== undefined;
}
