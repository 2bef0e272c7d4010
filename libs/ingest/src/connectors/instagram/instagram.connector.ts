import { InboundDelivery, MappedMention } from '../channel-connector';
import { metaEntries, MetaWebhookConnector } from '../meta/meta-webhook';
import { isoTime } from '../shared/native-time';
import { NativeValue } from '../shared/native-value';

const COMMENT_FIELDS = new Set(['comments', 'live_comments']);

/**
 * Instagram webhooks (`object: "instagram"`): comments on the account's media
 * (`changes[].field = "comments"` or `"live_comments"`). Mentions in stories, insights and
 * direct messages are ignored. See docs/channels/instagram.md.
 */
export class InstagramConnector extends MetaWebhookConnector {
  readonly channel = 'instagram' as const;

  map(delivery: InboundDelivery): MappedMention[] {
    return metaEntries(delivery, 'instagram').flatMap((entry) =>
      entry
        .get('changes')
        .optionalArray()
        .flatMap((change) => {
          const mention = COMMENT_FIELDS.has(String(change.get('field').value)) ? this.mapComment(entry, change.get('value').object()) : undefined;
          return mention ? [mention] : [];
        }),
    );
  }

  private mapComment(entry: NativeValue, value: NativeValue): MappedMention | undefined {
    const accountId = entry.get('id').id();
    const from = value.get('from').object();
    const authorId = from.get('id').id();
    if (authorId === accountId) return undefined; // the brand answering under its own media
    const username = from.get('username').string();
    const parentId = value.get('parent_id').optionalId();
    return {
      mention: {
        channel: 'instagram',
        externalId: value.get('id').id(),
        author: { id: authorId, handle: `@${username}`, displayName: username },
        text: value.get('text').string(),
        // The comment change carries no time of its own; the entry's is when Meta saw it.
        createdAt: isoTime(entry.get('time')),
        conversationId: value.get('media').get('id').id(),
        ...(parentId ? { inReplyTo: parentId } : {}),
        target: accountId,
      },
      native: value.value,
    };
  }
}
