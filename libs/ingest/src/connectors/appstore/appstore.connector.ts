import { InboundDelivery, MappedMention } from '../channel-connector';
import { SharedSecretWebhookConnector } from '../shared/hmac-signature';
import { jsonBody } from '../shared/json-body';
import { isoTime } from '../shared/native-time';
import { NativeValue } from '../shared/native-value';
import { readRating } from '../shared/review-rating';

const STARS = 5;

/**
 * App-store reviews in the stores' own API formats: Apple's App Store Connect
 * `customerReviews` (JSON:API, `data[].attributes`) and Google Play's `reviews.list`
 * (`reviews[].comments[].userComment`). Neither store pushes reviews, so the tenant's poller
 * forwards the API responses signed with the shared secret. The star rating becomes the
 * mention's `rating`. See docs/channels/appstore.md.
 */
export class AppStoreConnector extends SharedSecretWebhookConnector {
  readonly channel = 'appstore' as const;

  map(delivery: InboundDelivery): MappedMention[] {
    const body = jsonBody(delivery).object();
    if (body.get('data').isPresent()) {
      const data = body.get('data');
      return (Array.isArray(data.value) ? data.array() : [data.object()]).flatMap((resource) => mapAppleReview(resource));
    }
    if (body.get('reviews').isPresent()) return body.get('reviews').array().flatMap((review) => mapPlayReview(review));
    if (body.get('reviewId').isPresent()) return mapPlayReview(body);
    return body.get('data').fail('is missing: expected App Store Connect customerReviews (data[]) or Google Play reviews (reviews[])');
  }
}

/** App Store Connect: `{type: "customerReviews", id, attributes: {rating, title, body, reviewerNickname, createdDate, territory}}`. */
function mapAppleReview(resource: NativeValue): MappedMention[] {
  if (resource.object().get('type').value !== 'customerReviews') return []; // included responses, apps…
  const id = resource.get('id').string();
  const attributes = resource.get('attributes').object();
  const nickname = attributes.get('reviewerNickname').string();
  const title = attributes.get('title').optionalString();
  const body = attributes.get('body').string();
  const territory = attributes.get('territory').optionalString();
  return [
    {
      mention: {
        channel: 'appstore',
        externalId: `apple:${id}`,
        // Apple names reviewers only by nickname.
        author: { id: `apple:${nickname}`, handle: nickname, displayName: nickname },
        text: title ? `${title}\n\n${body}` : body,
        createdAt: isoTime(attributes.get('createdDate')),
        conversationId: `apple:${id}`,
        rating: readRating(attributes.get('rating'), STARS),
        ...(territory ? { target: `App Store ${territory}` } : {}),
      },
      native: resource.value,
    },
  ];
}

/** Google Play: `{reviewId, authorName, comments: [{userComment: {text, lastModified: {seconds}, starRating, …}}, {developerComment}]}`. */
function mapPlayReview(review: NativeValue): MappedMention[] {
  const id = review.object().get('reviewId').string();
  const userComment = review
    .get('comments')
    .array()
    .map((comment) => comment.get('userComment'))
    .find((comment) => comment.isObject());
  if (!userComment) return review.get('comments').fail('has no userComment');
  const author = review.get('authorName').optionalString() ?? 'Google Play user';
  // Play reports only when the review was last modified: it is both its time and its edit time,
  // so a changed review (a later lastModified) updates the mention.
  const modified = isoTime(userComment.get('lastModified').get('seconds'));
  const language = userComment.get('reviewerLanguage').optionalString();
  return [
    {
      mention: {
        channel: 'appstore',
        externalId: `google-play:${id}`,
        author: { id: `google-play:${author}`, handle: author, displayName: author },
        // Play joins a review's title and body with a tab.
        text: userComment.get('text').string().trim().replace(/\t/, '\n\n'),
        createdAt: modified,
        editedAt: modified,
        conversationId: `google-play:${id}`,
        rating: readRating(userComment.get('starRating'), STARS),
        ...(language ? { target: `Google Play ${language}` } : {}),
      },
      native: review.value,
    },
  ];
}
