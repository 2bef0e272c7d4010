import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { ReadFrom, SourceItem } from './source-item';

/** Columns holding whole numbers: sent as numbers, not strings. */
const NUMERIC_COLUMNS = new Set(['author.followers']);

/**
 * Streams a CSV file of canonical mentions. The first row names the columns, with dotted names
 * for nested fields (`author.id`, `author.handle`, `author.displayName`, `author.followers`);
 * empty cells are left out. Resuming reads the header row first, then seeks to the offset.
 */
export async function* readCsv(path: string, from: ReadFrom): AsyncGenerator<SourceItem> {
  const header = await readHeader(path);
  const resuming = from.offset > 0;
  const parser = createReadStream(path, { start: resuming ? from.offset : 0 }).pipe(
    parse({ columns: resuming ? header.columns : true, info: true, skip_empty_lines: true, relax_column_count: true, bom: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { bytes: number; lines: number } }>) {
    const line = from.line + info.lines;
    const endOffset = (resuming ? from.offset : 0) + info.bytes;
    try {
      yield { line, endOffset, value: toMention(record) };
    } catch (error) {
      yield { line, endOffset, error: (error as Error).message };
    }
  }
}

/** A CSV row as the nested canonical mention it spells. */
export function toMention(record: Record<string, string>): Record<string, unknown> {
  const mention: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(record)) {
    if (cell === undefined || cell === '') continue;
    let value: unknown = cell;
    if (NUMERIC_COLUMNS.has(column)) {
      if (!/^\d+$/.test(cell.trim())) throw new Error(`${column}: "${cell}" is not a whole number`);
      value = Number(cell);
    }
    const path = column.split('.');
    let target = mention;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]] = value;
  }
  return mention;
}

async function readHeader(path: string): Promise<{ columns: string[] }> {
  const parser = createReadStream(path).pipe(parse({ to_line: 1, bom: true }));
  for await (const row of parser as AsyncIterable<string[]>) return { columns: row };
  throw new Error('the CSV file is empty: its first row must name the columns');
}
