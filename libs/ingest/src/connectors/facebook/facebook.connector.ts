import { InboundDelivery, MappedMention } from '../channel-connector';
import { metaEntries, MetaWebhookConnector } from '../meta/meta-webhook';
import { mapPageMessaging } from '../meta/page-messaging';
import { isoTime } from '../shared/native-time';
import { NativeValue } from '../shared/native-value';

/** Feed items that carry someone's words; reactions, likes, shares and the rest do not. */
const TEXT_ITEMS = new Set(['comment', 'post', 'status']);
/** `remove`, `hide` and `unhide` change visibility, not what was said. */
const TEXT_VERBS = new Set(['add', 'edited']);

/**
 * Facebook Page webhooks (`object: "page"`): comments and posts on the Page's feed
 * (`changes[].field = "feed"`). Messenger messages arriving on the same URL are mapped as
 * `messenger` mentions. See docs/channels/facebook.md.
 */
export class FacebookConnector extends MetaWebhookConnector {
  readonly channel = 'facebook' as const;

  map(delivery: InboundDelivery): MappedMention[] {
    return metaEntries(delivery, 'page').flatMap((entry) => [...this.mapFeed(entry), ...mapPageMessaging(entry)]);
  }

  private mapFeed(entry: NativeValue): MappedMention[] {
    const pageId = entry.get('id').id();
    return entry
      .get('changes')
      .optionalArray()
      .flatMap((change) => {
        const mention = change.get('field').value === 'feed' ? this.mapFeedChange(pageId, entry, change.get('value').object()) : undefined;
        return mention ? [mention] : [];
      });
  }

  private mapFeedChange(pageId: string, entry: NativeValue, value: NativeValue): MappedMention | undefined {
    const item = String(value.get('item').value);
    if (!TEXT_ITEMS.has(item) || !TEXT_VERBS.has(String(value.get('verb').value))) return undefined;
    const text = value.get('message').optionalString();
    if (!text) return undefined; // a photo or sticker with no words
    const from = value.get('from').object();
    const authorId = from.get('id').id();
    if (authorId === pageId) return undefined; // the brand's own post or reply
    const name = from.get('name').optionalString() ?? authorId;
    const postId = value.get('post_id').id();
    const isComment = item === 'comment';
    const permalink = isComment ? undefined : value.get('post').get('permalink_url').optionalString();
    return {
      mention: {
        channel: 'facebook',
        externalId: isComment ? value.get('comment_id').id() : postId,
        author: { id: authorId, handle: name, displayName: name },
        text,
        createdAt: isoTime(value.get('created_time')),
        // Every comment under a post, replies to replies included, is the post's conversation.
        conversationId: postId,
        ...(isComment ? { inReplyTo: value.get('parent_id').optionalId() ?? postId } : {}),
        ...(value.get('verb').value === 'edited' ? { editedAt: isoTime(entry.get('time')) } : {}),
        ...(permalink ? { url: permalink } : {}),
        target: pageId,
      },
      native: value.value,
    };
  }
}
