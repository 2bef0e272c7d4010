/** One record of the file being imported, with where it ends (for the checkpoint) and its line (for reports). */
export interface SourceItem {
  /** 1-based line the record ends on (a CSV record may span lines). */
  line: number;
  /** Byte offset just after the record, newline included: where a resume starts reading. */
  endOffset: number;
  /** The canonical mention as read; absent when the record could not be read. */
  value?: unknown;
  /** Why the record could not be read (not JSON, not an object…): rejected without being sent. */
  error?: string;
}

/** Where reading starts: the beginning, or just after the checkpoint's acknowledged prefix. */
export interface ReadFrom {
  offset: number;
  /** Lines before `offset`. */
  line: number;
}
