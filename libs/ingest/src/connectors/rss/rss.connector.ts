import type { MentionAuthor } from '@cxm/contracts';
import { isURL } from 'class-validator';
import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { ChannelSettings, MappedMention, NativePayloadError, PolledConnector } from '../channel-connector';
import { clipText, headedText, tidyText } from '../mention-text';

/** What rss-parser gives for one item, with the extra fields we ask it for (see ITEM_FIELDS). */
interface FeedItem extends Parser.Item {
  /** Atom `<id>`. */
  id?: string;
  published?: string;
  updated?: string;
  titleSnippet?: string;
  summarySnippet?: string;
  'content:encodedSnippet'?: string;
  /** `<author>` as parsed: an Atom person `{name, email, uri}` or an RSS "email (Name)" string. */
  authorRaw?: unknown;
  dcCreator?: unknown;
  /** RFC 4685 `<thr:in-reply-to ref="…">`, kept as an array. */
  thrInReplyTo?: Array<{ $?: { ref?: string } }>;
}

type Feed = Parser.Output<FeedItem> & { lastBuildDate?: string };

const ITEM_FIELDS = [
  ['title', 'title', { includeSnippet: true }],
  ['summary', 'summary', { includeSnippet: true }],
  'published',
  'updated',
  ['author', 'authorRaw'],
  ['dc:creator', 'dcCreator'],
  ['thr:in-reply-to', 'thrInReplyTo', { keepArray: true }],
] as unknown as Parser.CustomFieldItem<FeedItem>[];

/** Elements that carry HTML: their scripts and styles are never text (rss-parser's snippet would keep them). */
const HTML_ELEMENTS = new Set(['description', 'content:encoded', 'content', 'summary']);
const DATE_ELEMENTS = new Set(['published', 'updated', 'pubDate', 'dc:date', 'lastBuildDate']);
const NON_TEXT_HTML = /<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const MAX_ID_LENGTH = 256;
/** Atom text constructs of type xhtml: `<content type="xhtml"><div>…</div></content>`. */
const XHTML_CONSTRUCT = /<(content|summary|title)(\s[^>]*?)\btype\s*=\s*(["'])xhtml\3([^>]*)>([\s\S]*?)<\/\1\s*>/g;

/**
 * RSS 2.0 (also 0.9x and 1.0) and Atom feeds — news, blogs, forums — mapped item by item.
 * Parsing is rss-parser's (`parseString`, on xml2js/sax: no DTD, no external entities); HTML
 * bodies are reduced to text by its snippets. See docs/channels/rss.md for the field mapping.
 */
export class RssConnector implements PolledConnector {
  readonly channel = 'rss' as const;
  readonly requiredSettings = ['feeds'] as const;
  private readonly parser: Parser<Record<string, unknown>, FeedItem>;

  constructor(private readonly now: () => Date = () => new Date()) {
    this.parser = new Parser<Record<string, unknown>, FeedItem>({
      customFields: { item: ITEM_FIELDS },
      // Runs on every text value as xml2js reads it: a bad date would otherwise make rss-parser
      // throw for the whole feed, so it is blanked and the next date in line is used.
      xml2js: { valueProcessors: [cleanValue] },
    });
  }

  async mapDocument(body: string, source: string, _settings: ChannelSettings): Promise<MappedMention[]> {
    const feed = await this.parse(body);
    const site = siteOf(feed.link, source);
    const mentions: MappedMention[] = [];
    for (const item of feed.items) {
      const mapped = this.mapItem(item, feed, site, source);
      if (mapped) mentions.push(mapped);
    }
    return mentions;
  }

  private async parse(body: string): Promise<Feed> {
    try {
      return (await this.parser.parseString(xhtmlAsHtml(body))) as Feed;
    } catch (error) {
      throw parseFailure(error as Error);
    }
  }

  /** One item → one mention; an item with neither title nor body has nothing to listen to. */
  private mapItem(item: FeedItem, feed: Feed, site: URL, source: string): MappedMention | undefined {
    const title = tidyText(item.titleSnippet ?? item.title ?? '');
    const text = clipText(headedText(title, item['content:encodedSnippet'] ?? item.contentSnippet ?? item.summarySnippet ?? item.summary));
    if (!text) return undefined;
    const published = isoDate(item.isoDate) ?? isoDate(item.published) ?? isoDate(item.updated) ?? isoDate(feed.lastBuildDate) ?? this.now().toISOString();
    const updated = isoDate(item.updated);
    const url = absoluteUrl(item.link, site);
    const parent = item.thrInReplyTo?.[0]?.$?.ref;
    return {
      mention: {
        channel: 'rss',
        externalId: naturalId(item),
        author: authorOf(item, feed, site),
        text,
        createdAt: published,
        ...(updated && updated > published ? { editedAt: updated } : {}),
        ...(url ? { url } : {}),
        ...(parent?.trim() ? { inReplyTo: boundedId(parent.trim()) } : {}),
        ...(title ? { title: clipText(title, 1024) } : {}),
        ...(source.length <= 256 ? { target: source } : {}),
      },
      native: { feed: { url: source, title: feed.title, link: feed.link }, item },
    };
  }
}

/**
 * xml2js keeps an element's text apart from its child elements, so inline XHTML
 * (`<p>音質は<strong>最高</strong>です。</p>`) would come back in the wrong order. Such constructs
 * are handed over as escaped HTML instead (CDATA), which keeps the order.
 */
function xhtmlAsHtml(xml: string): string {
  return xml.replace(XHTML_CONSTRUCT, (_match, name: string, before: string, _quote: string, after: string, inner: string) => {
    const cdata = inner.replaceAll(']]>', ']]]]><![CDATA[>');
    return `<${name}${before}type="html"${after}><![CDATA[${cdata}]]></${name}>`;
  });
}

function cleanValue(value: string, name: string): string {
  if (DATE_ELEMENTS.has(name) && Number.isNaN(Date.parse(value.trim()))) return '';
  if (HTML_ELEMENTS.has(name)) return value.replace(NON_TEXT_HTML, '');
  return value;
}

/** sax says "Unexpected close tag\nLine: 0\nColumn: 65\nChar: >" (line 0-based): one sentence with the position. */
function parseFailure(error: Error): NativePayloadError {
  const message = error.message ?? String(error);
  if (message === 'Unable to parse XML.') return new NativePayloadError('the feed document is empty', 'body');
  if (message.startsWith('Feed not recognized')) return new NativePayloadError('the document is XML but neither an RSS nor an Atom feed', 'body');
  const position = /^([^\n]*)\nLine: (\d+)\nColumn: (\d+)/.exec(message);
  if (position) {
    const [, reason, line, column] = position;
    return new NativePayloadError(`the feed is not well-formed XML: ${reason.replace(/\.$/, '')} at line ${Number(line) + 1}, column ${column}`, 'body');
  }
  return new NativePayloadError(`the feed could not be read: ${message}`, 'body');
}

/** guid (RSS) or id (Atom), else the link, else a digest of what the item says: stable across polls. */
function naturalId(item: FeedItem): string {
  const declared = [item.guid, item.id, item.link].find((value) => typeof value === 'string' && value.trim());
  if (declared) return boundedId(declared.trim());
  const digest = createHash('sha256').update([item.title, item.isoDate, item.content, item.summary].join('\u001f')).digest('hex');
  return `sha256:${digest}`;
}

/** Ids longer than the canonical limit (some forums put whole URLs with queries in guid) become their digest. */
function boundedId(id: string): string {
  return id.length <= MAX_ID_LENGTH ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

interface Person {
  name?: string;
  email?: string;
  uri?: string;
}

/**
 * dc:creator, else the item's author (an Atom person, or RSS's "email (Name)"), else the
 * publication itself. The id is the e-mail or homepage when the feed gives one; a bare name is
 * scoped by site, so "admin" on two blogs is two people.
 */
function authorOf(item: FeedItem, feed: Feed, site: URL): MentionAuthor {
  const person = personOf(item.authorRaw);
  const name = textOf(item.dcCreator) ?? person.name ?? (person.email ? undefined : tidyText(feed.title ?? '') || undefined);
  const id = person.email?.toLowerCase() ?? person.uri ?? (name ? `${site.host}/${name}` : site.host);
  const shown = name ?? person.email ?? site.host;
  return { id: clipText(id, 256), handle: clipText(person.email ?? shown, 256), displayName: clipText(shown, 256) };
}

function personOf(raw: unknown): Person {
  const text = textOf(raw);
  if (text) {
    const rss = /^([^\s()<>]+@[^\s()<>]+)\s*(?:\((.*)\))?$/.exec(text);
    return rss ? { email: rss[1], name: rss[2]?.trim() || undefined } : { name: text };
  }
  if (raw && typeof raw === 'object') {
    const atom = raw as Record<string, unknown>;
    return { name: textOf(atom.name), email: textOf(atom.email), uri: textOf(atom.uri) };
  }
  return {};
}

/** xml2js gives a string, `{_: string}` when the element has attributes, or an array of either. */
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object' && '_' in value) return textOf((value as { _: unknown })._);
  return typeof value === 'string' && value.trim() ? tidyText(value) : undefined;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function siteOf(link: string | undefined, source: string): URL {
  for (const candidate of [link, source]) {
    try {
      if (candidate) return new URL(candidate);
    } catch {
      // not a URL: try the next one
    }
  }
  return new URL('http://unknown.invalid/');
}

/** Links may be relative to the site; only http(s) links the canonical mention accepts are kept (an intranet host without a TLD is not). */
function absoluteUrl(link: string | undefined, site: URL): string | undefined {
  if (!link?.trim()) return undefined;
  try {
    const url = new URL(link.trim(), site);
    const usable = (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 2048 && isURL(url.href, { require_protocol: true });
    return usable ? url.href : undefined;
  } catch {
    return undefined;
  }
}
