import { MAX_MENTION_ATTACHMENTS, MentionAttachment, MentionAuthor } from '@cxm/contracts';
import { createHash } from 'node:crypto';
import { AddressObject, Attachment, ParsedMail, simpleParser } from 'mailparser';
import { ChannelSettings, InboundDelivery, MappedMention, NativePayloadError, WebhookConnector } from '../channel-connector';
import { clipText, headedText, tidyText } from '../mention-text';
import { SHARED_SECRET_SCHEME, verifySharedSecret } from '../shared/hmac-signature';
import { messageIdList, normaliseMessageId } from './message-ids';

/** Longest HTML body kept in the native payload for audit; the text is always kept. */
const MAX_NATIVE_HTML = 256 * 1024;
/** RFC 5322 field names: printable US-ASCII except the colon, no spaces. */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
/** html-to-text's stand-in for an inline image (`[cid:part@host]`): not something the author wrote. */
const INLINE_IMAGE_MARK = /\[cid:[^\]\s]+\]/g;

/**
 * Raw RFC 5322 / MIME messages, as inbound-mail relays POST them (`Content-Type: message/rfc822`),
 * signed with the tenant's shared secret. Parsing (multipart, transfer encodings, charsets,
 * encoded words, HTML → text) is mailparser's. See docs/channels/email.md for the mapping.
 */
export class EmailConnector implements WebhookConnector {
  readonly channel = 'email' as const;
  /** A raw message carries its attachments: as much as the webhook route reads (10 MB). */
  readonly maxBodyBytes = 10 * 1024 * 1024;
  readonly requiredSettings = [SHARED_SECRET_SCHEME.secretKey] as const;

  constructor(private readonly now: () => Date = () => new Date()) {}

  authenticate(delivery: InboundDelivery, settings: ChannelSettings): void {
    verifySharedSecret(delivery, settings);
  }

  async map(delivery: InboundDelivery, _settings: ChannelSettings): Promise<MappedMention[]> {
    const contentType = delivery.headers['content-type']?.split(';')[0].trim().toLowerCase();
    if (contentType !== 'message/rfc822') throw new NativePayloadError(`expected Content-Type: message/rfc822, got ${contentType || 'none'}`, 'content-type');
    if (delivery.rawBody.length === 0) throw new NativePayloadError('the message is empty', 'body');
    const mail = await parse(delivery.rawBody);
    if (isMachineGenerated(mail)) return [];
    return [this.mapMessage(mail, delivery.rawBody, await bodyText(mail))];
  }

  private mapMessage(mail: ParsedMail, raw: Buffer, body: string): MappedMention {
    const author = authorOf(mail);
    const ownId = normaliseMessageId(mail.messageId ?? '') ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    const references = messageIdList(mail.references);
    const inReplyTo = messageIdList(mail.inReplyTo)[0] ?? references.at(-1);
    const subject = tidyText(mail.subject ?? '');
    const attachments = mail.attachments.slice(0, MAX_MENTION_ATTACHMENTS).map(attachmentOf);
    const text = clipText(headedText(subject, withoutQuotedReply(body.replace(INLINE_IMAGE_MARK, ''))) || attachmentsLine(attachments));
    if (!text) throw new NativePayloadError('the message has no subject, no text and no attachment', 'body');
    const target = firstAddress(mail.headers.get('delivered-to')) ?? firstAddress(mail.headers.get('x-original-to')) ?? firstAddress(mail.to);
    return {
      mention: {
        channel: 'email',
        externalId: ownId,
        author,
        text,
        createdAt: validDate(mail.date)?.toISOString() ?? this.now().toISOString(),
        // The root of the References chain names the thread; without one, the message answered.
        conversationId: references[0] ?? inReplyTo ?? ownId,
        ...(inReplyTo && inReplyTo !== ownId ? { inReplyTo } : {}),
        ...(subject ? { title: clipText(subject, 1024) } : {}),
        ...(target ? { target: clipText(target, 256) } : {}),
        ...(attachments.length ? { attachments } : {}),
      },
      native: nativeOf(mail, raw, ownId),
    };
  }
}

async function parse(raw: Buffer): Promise<ParsedMail> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  } catch (error) {
    throw new NativePayloadError(`the message could not be parsed: ${(error as Error).message}`, 'body');
  }
  // mailparser reads anything; a message without a single "Name: value" header line is not one.
  if (mail.headerLines.length === 0) throw new NativePayloadError('not an RFC 5322 message: it has no header section', 'body');
  const bad = mail.headerLines.find((header) => !FIELD_NAME.test(header.line.slice(0, header.line.indexOf(':'))));
  if (bad) {
    // Header bytes come back one byte per character; shown as UTF-8 so the reason is readable.
    const line = Buffer.from(bad.line.split(/\r?\n/)[0], 'latin1').toString('utf8');
    throw new NativePayloadError(`not an RFC 5322 message: "${clipText(line, 60)}" is not a header field`, 'body');
  }
  return mail;
}

/**
 * Out-of-office answers and other automatic mail (RFC 3834 `Auto-Submitted` other than `no`) and
 * delivery reports (bounces) are not what a customer said: they are acknowledged and not
 * ingested, which also keeps our own automatic replies from echoing back as mentions.
 */
function isMachineGenerated(mail: ParsedMail): boolean {
  const autoSubmitted = headerText(mail.headers.get('auto-submitted')).toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  return contentType?.value === 'multipart/report' && contentType.params?.['report-type'] === 'delivery-status';
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value.split(';')[0].trim();
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value).trim();
  return '';
}

/**
 * The message's text. mailparser reduces HTML to text only when the HTML is the whole message;
 * an HTML body nested in multipart/related or mixed with no text part (common from mail apps
 * that send images inline) comes back without text, so that HTML alone goes through the same
 * conversion once more.
 */
async function bodyText(mail: ParsedMail): Promise<string> {
  if (mail.text?.trim() || typeof mail.html !== 'string' || !mail.html.trim()) return mail.text ?? '';
  const htmlOnly = Buffer.concat([Buffer.from('Content-Type: text/html; charset=utf-8\r\n\r\n'), Buffer.from(mail.html)]);
  return (await simpleParser(htmlOnly, { skipTextToHtml: true, skipTextLinks: true })).text ?? '';
}

function authorOf(mail: ParsedMail): MentionAuthor {
  const sender = mailboxes(mail.from)[0] ?? mailboxes(mail.headers.get('sender'))[0];
  if (!sender?.address) throw new NativePayloadError('the message has no From address', 'From');
  const address = sender.address.trim();
  const name = tidyText(sender.name ?? '');
  return { id: clipText(address.toLowerCase(), 256), handle: clipText(address, 256), displayName: clipText(name || address, 256) };
}

/** The mailboxes of an address header, groups flattened. */
function mailboxes(header: unknown): Array<{ address?: string; name?: string }> {
  const objects = (Array.isArray(header) ? header : [header]).filter((h): h is AddressObject => !!h && typeof h === 'object' && 'value' in h);
  return objects.flatMap((object) => object.value.flatMap((entry) => (entry.group ? entry.group : [entry]))).filter((entry) => entry.address);
}

function firstAddress(header: unknown): string | undefined {
  if (typeof header === 'string') return /[^\s<>]+@[^\s<>]+/.exec(header)?.[0].toLowerCase();
  return mailboxes(header)[0]?.address?.toLowerCase();
}

/**
 * Drops the quoted previous message at the end of a reply ("> …" lines, and the "… wrote:"
 * line before them, in any language) so the mention is what this author wrote. Quotes inside
 * the text (inline answers) stay. A message that is nothing but quotes keeps them.
 */
function withoutQuotedReply(text: string): string {
  const lines = tidyText(text).split('\n');
  let cut = lines.length;
  while (cut > 0 && (lines[cut - 1].startsWith('>') || !lines[cut - 1].trim())) cut--;
  if (cut === lines.length || !lines.slice(cut).some((line) => line.startsWith('>'))) return lines.join('\n');
  if (cut > 0 && lines[cut - 1].trimEnd().endsWith(':')) cut--;
  const own = lines.slice(0, cut).join('\n').trim();
  return own || lines.join('\n');
}

function attachmentOf(attachment: Attachment): MentionAttachment {
  return {
    ...(attachment.filename ? { name: clipText(attachment.filename, 256) } : {}),
    contentType: attachment.contentType || 'application/octet-stream',
    size: attachment.size,
    ...(attachment.contentDisposition === 'inline' || attachment.related ? { inline: true } : {}),
  };
}

/** The text of a message that has nothing but attachments: what it carried, so it is not empty. */
function attachmentsLine(attachments: MentionAttachment[]): string {
  return attachments.length ? `[${attachments.map((a) => a.name ?? a.contentType).join(', ')}]` : '';
}

function validDate(date: Date | undefined): Date | undefined {
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/**
 * What is kept for audit: every header line as received, the decoded bodies, and each
 * attachment's name, type, size and checksum — never the attachment bytes.
 */
function nativeOf(mail: ParsedMail, raw: Buffer, messageId: string) {
  const html = typeof mail.html === 'string' ? mail.html : undefined;
  return {
    format: 'message/rfc822',
    messageId,
    sizeBytes: raw.length,
    sha256: createHash('sha256').update(raw).digest('hex'),
    headerLines: mail.headerLines.map((header) => header.line),
    text: mail.text,
    ...(html !== undefined ? { html: html.length > MAX_NATIVE_HTML ? html.slice(0, MAX_NATIVE_HTML) : html, htmlTruncated: html.length > MAX_NATIVE_HTML } : {}),
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, checksum: a.checksum, contentId: a.contentId, disposition: a.contentDisposition })),
  };
}
