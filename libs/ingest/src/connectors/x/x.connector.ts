import { ChannelSettings, HandshakeAnswer, InboundDelivery, MappedMention, NativePayloadError, WebhookConnector } from '../channel-connector';
import { HmacScheme, hmacSha256, requireSecret, verifyHmacSignature } from '../shared/hmac-signature';
import { jsonBody } from '../shared/json-body';
import { isoTime } from '../shared/native-time';
import { NativeValue } from '../shared/native-value';

/** X signs the raw body with the app's consumer secret: `x-twitter-webhooks-signature: sha256=<base64>`. */
export const X_SIGNATURE: HmacScheme = { header: 'x-twitter-webhooks-signature', secretKey: 'consumerSecret', encoding: 'base64' };

interface XUser {
  username: string;
  name: string;
  followers?: number;
}

/**
 * X API v2 webhooks (filtered-stream / activity deliveries): Post objects in `data` (one, or an
 * array) with the `includes.users` expansion. Replies and quotes are threaded through
 * `conversation_id` and `referenced_tweets`; an edited post keeps the id of its first version
 * (`edit_history_tweet_ids[0]`) so the edit updates the mention. Reposts are ignored.
 * See docs/channels/x.md.
 */
export class XConnector implements WebhookConnector {
  readonly channel = 'x' as const;

  readonly requiredSettings = ['consumerSecret'] as const;

  /** The CRC check: `GET ?crc_token=…` answered with `{response_token: "sha256=<base64 HMAC(consumer secret, token)>"}`. */
  handshake(delivery: InboundDelivery, settings: ChannelSettings): HandshakeAnswer {
    const token = delivery.query['crc_token'];
    if (!token) throw new NativePayloadError('crc_token is missing', 'crc_token');
    const responseToken = `sha256=${hmacSha256(requireSecret(settings, X_SIGNATURE.secretKey), token, 'base64')}`;
    return { body: JSON.stringify({ response_token: responseToken }), contentType: 'application/json' };
  }

  authenticate(delivery: InboundDelivery, settings: ChannelSettings): void {
    verifyHmacSignature(delivery, settings, X_SIGNATURE);
  }

  map(delivery: InboundDelivery): MappedMention[] {
    const body = jsonBody(delivery).object();
    const data = body.get('data');
    // Account-activity events without posts (follows, likes, DM typing…) carry no `data`.
    if (!data.isPresent() && body.get('for_user_id').isPresent()) return [];
    const posts = Array.isArray(data.value) ? data.array() : [data.object()];
    const includes = body.get('includes');
    const users = new Map(includes.get('users').optionalArray().map((user) => [user.get('id').id(), readUser(user)] as const));
    const included = new Map(includes.get('tweets').optionalArray().map((post) => [post.get('id').id(), post] as const));
    const target = body.get('matching_rules').optionalArray()[0]?.get('tag').optionalString();
    return posts.flatMap((post) => {
      const mention = this.mapPost(post, users, included, target);
      return mention ? [mention] : [];
    });
  }

  private mapPost(post: NativeValue, users: Map<string, XUser>, included: Map<string, NativeValue>, target: string | undefined): MappedMention | undefined {
    const references = post
      .get('referenced_tweets')
      .optionalArray()
      .map((ref) => ({ type: ref.get('type').string(), id: ref.get('id').id() }));
    if (references.some((ref) => ref.type === 'retweeted')) return undefined; // a repost says nothing new
    const id = post.get('id').id();
    const history = post.get('edit_history_tweet_ids').optionalArray().map((version) => version.id());
    const authorId = post.get('author_id').id();
    const user = users.get(authorId);
    if (!user) throw new NativePayloadError(`includes.users has no user ${authorId} (request expansions=author_id)`, 'includes.users');
    const createdAt = isoTime(post.get('created_at'));
    const repliedTo = references.find((ref) => ref.type === 'replied_to')?.id;
    const quoted = references.find((ref) => ref.type === 'quoted')?.id;
    return {
      mention: {
        channel: 'x',
        // Every version of an edited post shares its first id, so an edit updates the mention.
        externalId: history[0] ?? id,
        author: { id: authorId, handle: `@${user.username}`, displayName: user.name, ...(user.followers !== undefined ? { followers: user.followers } : {}) },
        // Long posts keep their full text in note_tweet; `text` is cut at 280 characters.
        text: post.get('note_tweet').get('text').optionalString() ?? post.get('text').string(),
        createdAt,
        url: `https://x.com/${user.username}/status/${id}`,
        ...threading(post, repliedTo, quoted, included),
        ...(history.length > 1 ? { editedAt: createdAt } : {}),
        ...(target ? { target } : {}),
      },
      native: post.value,
    };
  }
}

function readUser(user: NativeValue): XUser {
  return {
    username: user.get('username').string(),
    name: user.get('name').optionalString() ?? user.get('username').string(),
    followers: user.get('public_metrics').get('followers_count').optionalNumber(),
  };
}

/**
 * A reply belongs to its thread's `conversation_id`. A quote starts a conversation of its own on
 * X, but to the brand it is a comment on the quoted post: it joins the quoted post's conversation
 * when that post is in `includes.tweets`, and otherwise names it as its parent so ingest threads
 * it there once the parent is known.
 */
function threading(post: NativeValue, repliedTo: string | undefined, quoted: string | undefined, included: Map<string, NativeValue>): { conversationId?: string; inReplyTo?: string } {
  const own = post.get('conversation_id').optionalId();
  if (repliedTo) return { inReplyTo: repliedTo, ...(own ? { conversationId: own } : {}) };
  if (quoted) {
    const quotedConversation = included.get(quoted)?.get('conversation_id').optionalId();
    return { inReplyTo: quoted, ...(quotedConversation ? { conversationId: quotedConversation } : {}) };
  }
  return own ? { conversationId: own } : {};
}
