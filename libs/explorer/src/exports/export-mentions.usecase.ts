import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { MENTION_INDEX, MentionDocument, MentionIndex, SearchResult } from '@cxm/platform-index';
import { QueryNode } from '@cxm/query';
import { stringify } from 'csv-stringify';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CSV_COLUMNS, csvRecord, ExportFormat } from './export-format';

export interface OpenedExport {
  /** Mentions the export will write (the query's total, capped by the limit). */
  count: number;
  /** Writes the export to `destination` page by page, honouring its backpressure; ends it. */
  writeTo(destination: Writable): Promise<void>;
}

/**
 * Streams a result set out of the index: pages fetched with search-after cursors one at a time,
 * each written before the next is asked for, so memory holds one page whatever the result's size.
 * New mentions that arrive meanwhile sort before the cursor and are not included: the export is
 * the result as it stood when it began (give or take mentions re-indexed during it).
 */
@Injectable()
export class ExportMentions {
  constructor(
    @Inject(MENTION_INDEX) private readonly index: MentionIndex,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  /** Fetches the first page before anything is written, so a failing index is an error answer, not a cut stream. */
  async open(tenantId: string, query: QueryNode, format: ExportFormat, limit = Number.POSITIVE_INFINITY): Promise<OpenedExport> {
    const first = await this.index.search(tenantId, query, { limit: this.pageSize(limit) });
    const documents = this.documents(tenantId, query, first, limit);
    return {
      count: Math.min(first.total, limit),
      writeTo: (destination) => (format === 'csv' ? pipeline(Readable.from(documents), asCsvRecords, csvStringifier(), destination) : pipeline(Readable.from(documents), asNdjsonLines, destination)),
    };
  }

  private async *documents(tenantId: string, query: QueryNode, first: SearchResult, limit: number): AsyncGenerator<MentionDocument> {
    let page = first;
    let written = 0;
    for (;;) {
      for (const doc of page.items) {
        if (written >= limit) return;
        written += 1;
        yield doc;
      }
      if (!page.nextCursor || written >= limit) return;
      page = await this.index.search(tenantId, query, { limit: this.pageSize(limit - written), cursor: page.nextCursor });
    }
  }

  private pageSize(remaining: number): number {
    return Math.max(1, Math.min(this.config.explorer.exportPageSize, remaining));
  }
}

async function* asCsvRecords(documents: AsyncIterable<MentionDocument>) {
  for await (const doc of documents) yield csvRecord(doc);
}

async function* asNdjsonLines(documents: AsyncIterable<MentionDocument>) {
  for await (const doc of documents) yield `${JSON.stringify(doc)}\n`;
}

/** RFC 4180 CSV with a header row; the UTF-8 BOM makes spreadsheets read Cyrillic, Thai, Arabic… correctly. */
function csvStringifier() {
  return stringify({ header: true, columns: CSV_COLUMNS.map((c) => c.header), bom: true, record_delimiter: 'windows' });
}
