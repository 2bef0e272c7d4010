import { createHash } from 'node:crypto';

/** Longest id the canonical mention takes; a longer Message-ID (spam has them) becomes its digest, the same everywhere it is named. */
const MAX_ID_LENGTH = 256;

/**
 * Message-ID, In-Reply-To and References name messages as `<id-left@id-right>`. One spelling
 * for each, so a reply's References find the message they name: angle brackets and folding
 * whitespace dropped, the domain part lower-cased (clients and relays change its case; the
 * local part is kept as sent, it is case-sensitive).
 */
export function normaliseMessageId(raw: string): string | undefined {
  const id = raw.trim().replace(/^<|>$/g, '').replace(/\s+/g, '');
  if (!id) return undefined;
  const at = id.lastIndexOf('@');
  const normal = at < 0 ? id : `${id.slice(0, at)}@${id.slice(at + 1).toLowerCase()}`;
  return normal.length <= MAX_ID_LENGTH ? normal : `sha256:${createHash('sha256').update(normal).digest('hex')}`;
}

/** Every id in a References / In-Reply-To header, in order (mailparser gives a string or a list). */
export function messageIdList(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const bracketed = text.match(/<[^<>]+>/g);
  const tokens = bracketed ?? text.split(/[\s,]+/);
  return tokens.map(normaliseMessageId).filter((id): id is string => id !== undefined);
}
