import { highlightSpans, QueryNode, TextSpan } from '@cxm/query';
import type { Highlight, MentionDocument, SearchHit } from '../mention-index.port';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);

/**
 * The highlight of one hit, computed in Node from the query AST and the text's own tokens (not
 * by the index engine), so both indexes mark the same characters (ADR 0016). The markup is the
 * whole text, HTML-escaped, with each span in `<mark>`: safe to insert into a page as is.
 */
export function highlightHit(query: QueryNode, text: string): Highlight {
  const spans = highlightSpans(query, text);
  return { spans, text: markUp(text, spans) };
}

/** A result item: the document, with its highlight when asked for. */
export function toHit(doc: MentionDocument, query: QueryNode, highlight: boolean | undefined): SearchHit {
  return highlight ? { ...doc, highlight: highlightHit(query, doc.text) } : doc;
}

function markUp(text: string, spans: readonly TextSpan[]): string {
  let html = '';
  let at = 0;
  for (const { start, end } of spans) {
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}
