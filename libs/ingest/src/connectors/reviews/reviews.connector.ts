import { InboundDelivery, MappedMention } from '../channel-connector';
import { SharedSecretWebhookConnector } from '../shared/hmac-signature';
import { jsonBody } from '../shared/json-body';
import { isoTime, optionalIsoTime } from '../shared/native-time';
import { NativeValue } from '../shared/native-value';
import { readRating } from '../shared/review-rating';

const DEFAULT_BEST_RATING = 5;

/**
 * Review sites, in the one format nearly all of them already publish: schema.org `Review`
 * (JSON-LD, as embedded in review pages for search engines). A body is one Review, an array of
 * them, or a JSON-LD document with `@graph`; nodes of other types (the business, the product)
 * are skipped. The rating scale comes from `bestRating` (default 5). Signed with the shared
 * secret. See docs/channels/reviews.md.
 */
export class ReviewsConnector extends SharedSecretWebhookConnector {
  readonly channel = 'reviews' as const;

  map(delivery: InboundDelivery): MappedMention[] {
    const body = jsonBody(delivery);
    const nodes = Array.isArray(body.value) ? body.array() : body.object().get('@graph').isPresent() ? body.get('@graph').array() : [body];
    return nodes.flatMap((node) => (isReview(node) ? [mapReview(node)] : []));
  }
}

function isReview(node: NativeValue): boolean {
  const type = node.object().get('@type').value;
  return type === 'Review' || (Array.isArray(type) && type.includes('Review'));
}

function mapReview(review: NativeValue): MappedMention {
  const id = review.get('identifier').optionalId() ?? review.get('@id').optionalString() ?? review.get('url').optionalString() ?? review.get('identifier').fail('is missing (or @id, or url): a review needs a stable id');
  const author = readAuthor(review.get('author'));
  const title = review.get('name').optionalString() ?? review.get('headline').optionalString();
  const body = review.get('reviewBody').string();
  const published = isoTime(review.get('datePublished'));
  const modified = optionalIsoTime(review.get('dateModified'));
  const rating = review.get('reviewRating');
  const url = review.get('url').optionalString();
  const item = review.get('itemReviewed').get('name').optionalString();
  const site = review.get('publisher').get('name').optionalString();
  return {
    mention: {
      channel: 'reviews',
      // Two sites may number their reviews alike: the site's name keeps their ids apart.
      externalId: site ? `${site}:${id}` : id,
      author,
      text: title && !body.startsWith(title) ? `${title}\n\n${body}` : body,
      createdAt: published,
      conversationId: site ? `${site}:${id}` : id,
      ...(modified && modified !== published ? { editedAt: modified } : {}),
      ...(rating.isPresent() ? { rating: readRating(rating.get('ratingValue'), readBest(rating)) } : {}),
      ...(url && /^https?:\/\//.test(url) ? { url } : {}),
      ...(item ? { target: item } : {}),
    },
    native: review.value,
  };
}

/** `author` is a Person/Organization node or, on some sites, just a name. */
function readAuthor(author: NativeValue): MappedMention['mention']['author'] {
  if (typeof author.value === 'string') {
    const name = author.string();
    return { id: name, handle: name, displayName: name };
  }
  const name = author.object().get('name').string();
  const id = author.get('identifier').optionalId() ?? author.get('url').optionalString() ?? name;
  return { id, handle: name, displayName: name };
}

function readBest(rating: NativeValue): number {
  const best = rating.get('bestRating');
  if (!best.isPresent()) return DEFAULT_BEST_RATING;
  const value = Number(best.value);
  if (!Number.isInteger(value) || value < 1 || value > 100) best.fail('must be a whole number from 1 to 100');
  return value;
}
