import type { MentionDocument } from '../mention-index.port';
import type { TermsField } from './aggregation.types';

/**
 * What each terms breakdown counts, in both indexes: the document values the embedded index
 * reads and the Elasticsearch field holding the same values. Keys are shown as stored (a topic
 * keeps its name's case). `intent` counts every intent that holds (falling back to the primary
 * one for documents written before intents were multi-label): Elasticsearch reads that from
 * `filters.intent`, which is normalised — intent labels are lowercase ASCII, so the keys agree.
 */
export const TERMS_FIELD_SOURCES: Record<TermsField, { readonly elasticsearchField: string; readonly values: (doc: MentionDocument) => readonly string[] | string | undefined }> = {
  sentiment: { elasticsearchField: 'sentiment', values: (doc) => doc.sentiment },
  intent: { elasticsearchField: 'filters.intent', values: (doc) => doc.intents ?? doc.intent },
  lang: { elasticsearchField: 'lang', values: (doc) => doc.lang },
  channel: { elasticsearchField: 'channel', values: (doc) => doc.channel },
  author: { elasticsearchField: 'authorHandle', values: (doc) => doc.authorHandle },
  hashtag: { elasticsearchField: 'hashtags', values: (doc) => doc.hashtags },
  topic: { elasticsearchField: 'topics', values: (doc) => doc.topics },
  country: { elasticsearchField: 'country', values: (doc) => doc.country },
};

/**
 * Orders strings by Unicode code point — the order of their UTF-8 bytes, which is how
 * Elasticsearch orders keyword terms — rather than by UTF-16 code unit (`<`), which differs for
 * characters beyond U+FFFF (emoji) against those from U+E000 to U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (U+D800–DFFF) stand for code points above U+FFFF: rank them after U+E000–FFFF. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
