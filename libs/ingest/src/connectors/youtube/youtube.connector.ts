import { InboundDelivery, MappedMention } from '../channel-connector';
import { SharedSecretWebhookConnector } from '../shared/hmac-signature';
import { jsonBody } from '../shared/json-body';
import { isoTime } from '../shared/native-time';
import { NativeValue } from '../shared/native-value';

/**
 * YouTube Data API v3 comment threads, as `commentThreads.list` returns them
 * (`youtube#commentThreadListResponse`, or one `youtube#commentThread`), top-level comment and
 * `replies.comments[]`; also `comments.list` pages of replies (`youtube#commentListResponse`).
 * YouTube has no push for comments, so the tenant's poller forwards these signed with the shared
 * secret. See docs/channels/youtube.md.
 */
export class YouTubeConnector extends SharedSecretWebhookConnector {
  readonly channel = 'youtube' as const;

  map(delivery: InboundDelivery): MappedMention[] {
    const body = jsonBody(delivery).object();
    const kind = body.get('kind');
    switch (kind.value) {
      case 'youtube#commentThreadListResponse':
        return body.get('items').array().flatMap((thread) => mapThread(thread));
      case 'youtube#commentThread':
        return mapThread(body);
      case 'youtube#commentListResponse':
        return body.get('items').array().flatMap((comment) => mapComment(comment));
      default:
        return kind.fail('must be youtube#commentThreadListResponse, youtube#commentThread or youtube#commentListResponse');
    }
  }
}

function mapThread(thread: NativeValue): MappedMention[] {
  const topLevel = thread.get('snippet').get('topLevelComment').object();
  const replies = thread.get('replies').get('comments').optionalArray();
  return [topLevel, ...replies].flatMap((comment) => mapComment(comment));
}

function mapComment(comment: NativeValue): MappedMention[] {
  const id = comment.get('id').string();
  const snippet = comment.get('snippet').object();
  const authorChannel = snippet.get('authorChannelId').get('value').optionalString();
  // The channel owner answering under its own video is the brand, not a mention.
  if (authorChannel && authorChannel === snippet.get('channelId').optionalString()) return [];
  const name = snippet.get('authorDisplayName').string();
  const parentId = snippet.get('parentId').optionalString();
  const videoId = snippet.get('videoId').optionalString();
  const publishedAt = isoTime(snippet.get('publishedAt'));
  const updatedAt = snippet.get('updatedAt').isPresent() ? isoTime(snippet.get('updatedAt')) : publishedAt;
  const mention: MappedMention = {
    mention: {
      channel: 'youtube',
      externalId: id,
      author: { id: authorChannel ?? name, handle: name, displayName: name.replace(/^@/, '') },
      text: textOf(snippet),
      createdAt: publishedAt,
      // A thread's id is its top-level comment's id, which every reply names as parentId.
      conversationId: parentId ?? id,
      ...(parentId ? { inReplyTo: parentId } : {}),
      ...(updatedAt !== publishedAt ? { editedAt: updatedAt } : {}),
      ...(videoId ? { url: `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(id)}`, target: videoId } : {}),
    },
    native: comment.value,
  };
  return [mention];
}

/** `textOriginal` is the author's plain text; `textDisplay` (all that some callers get) is HTML. */
function textOf(snippet: NativeValue): string {
  const original = snippet.get('textOriginal').optionalString();
  if (original) return original;
  const display = snippet.get('textDisplay').string();
  return decodeEntities(display.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '')).trim() || snippet.get('textDisplay').fail('has no text once HTML is removed');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_match, name: string) => ENTITIES[name]);
}
