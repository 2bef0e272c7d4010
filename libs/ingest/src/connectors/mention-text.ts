import { MAX_MENTION_TEXT_LENGTH } from '@cxm/contracts';

/**
 * Text helpers shared by connectors whose platforms send long, formatted bodies (feeds, e-mail):
 * one tidy spelling of whitespace, a title at the head of the text, and a length cut that never
 * splits a character.
 */

/** No-break and zero-width spaces, CRLF, trailing blanks and runs of empty lines reduced. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The title, a blank line, then the body — unless the body already starts with the title (many
 * feeds repeat the headline). The classifier reads `text` only, and a headline or an e-mail's
 * subject often says most of what the post is about.
 */
export function headedText(title: string | undefined, body: string | undefined): string {
  const head = tidyText(title ?? '');
  const rest = tidyText(body ?? '');
  if (!head) return rest;
  if (!rest || rest.startsWith(head)) return rest || head;
  return `${head}\n\n${rest}`;
}

/** Cuts to at most `max` UTF-16 units on a code point boundary, marking the cut with an ellipsis. */
export function clipText(text: string, max = MAX_MENTION_TEXT_LENGTH): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never leave half of a surrogate pair (an emoji, a rare CJK ideograph) at the end.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
