import { MentionDocument } from '@cxm/platform-index';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8' };

/** The CSV columns, in order (docs/api.md lists them). Lists are joined with `|`. */
export const CSV_COLUMNS: { header: string; value: (doc: MentionDocument) => string | number | undefined }[] = [
  { header: 'id', value: (d) => d.id },
  { header: 'createdAt', value: (d) => d.createdAt },
  { header: 'channel', value: (d) => d.channel },
  { header: 'externalId', value: (d) => d.externalId },
  { header: 'url', value: (d) => d.url },
  { header: 'authorId', value: (d) => d.authorId },
  { header: 'authorHandle', value: (d) => d.authorHandle },
  { header: 'authorDisplayName', value: (d) => d.authorDisplayName },
  { header: 'authorFollowers', value: (d) => d.authorFollowers },
  { header: 'lang', value: (d) => d.lang },
  { header: 'sentiment', value: (d) => d.sentiment },
  { header: 'sentimentScore', value: (d) => d.sentimentScore },
  { header: 'intent', value: (d) => d.intent },
  { header: 'intents', value: (d) => d.intents?.join('|') },
  { header: 'topics', value: (d) => d.topics?.join('|') },
  { header: 'priorityScore', value: (d) => d.priorityScore },
  { header: 'queue', value: (d) => d.queue },
  { header: 'caseId', value: (d) => d.caseId },
  { header: 'conversationId', value: (d) => d.conversationId },
  { header: 'text', value: (d) => d.text },
];

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_HANDLE = /^@[\p{L}\p{N}_.]+$/u;

/**
 * Mentions are written by the public: a text starting with `=`, `+`, `-` or `@` would run as a
 * formula when the CSV is opened in a spreadsheet (CSV injection). Such cells get a leading `'`,
 * which spreadsheets show as text. A plain `@handle` is left alone — it cannot be a formula.
 */
export function spreadsheetSafe(value: string | number | undefined): string | number | undefined {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || PLAIN_HANDLE.test(value)) return value;
  return `'${value}`;
}

/** One CSV record (the header order), for csv-stringify. */
export function csvRecord(doc: MentionDocument): (string | number | undefined)[] {
  return CSV_COLUMNS.map((column) => spreadsheetSafe(column.value(doc)));
}
