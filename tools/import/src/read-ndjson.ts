import { createReadStream } from 'node:fs';
import { ReadFrom, SourceItem } from './source-item';

const NEWLINE = 0x0a;

/**
 * Streams an NDJSON file from a byte offset, one item per non-blank line, never holding more
 * than one read chunk and one line in memory. Offsets are counted in bytes of the file, so a
 * checkpoint can seek straight back to them.
 */
export async function* readNdjson(path: string, from: ReadFrom): AsyncGenerator<SourceItem> {
  let offset = from.offset;
  let line = from.line;
  let carry: Buffer[] = [];
  for await (const chunk of createReadStream(path, { start: from.offset, highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, start)) {
      const bytes = carry.length ? Buffer.concat([...carry, chunk.subarray(start, at + 1)]) : chunk.subarray(start, at + 1);
      carry = [];
      offset += bytes.length;
      line += 1;
      const item = parseLine(bytes, line, offset);
      if (item) yield item;
      start = at + 1;
    }
    if (start < chunk.length) carry.push(chunk.subarray(start));
  }
  if (carry.length) {
    const bytes = Buffer.concat(carry);
    const item = parseLine(bytes, line + 1, offset + bytes.length);
    if (item) yield item;
  }
}

function parseLine(bytes: Buffer, line: number, endOffset: number): SourceItem | undefined {
  const text = bytes.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, endOffset, error: 'not a JSON object' };
    return { line, endOffset, value };
  } catch (error) {
    return { line, endOffset, error: `not valid JSON: ${(error as Error).message}` };
  }
}
