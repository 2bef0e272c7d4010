import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AcknowledgedPrefix, Outcome, PrefixCounts, Rejection } from './acknowledged-prefix';
import { Checkpoint, fingerprintOf, readCheckpoint, writeCheckpoint } from './checkpoint';
import { BatchItemAnswer, BatchTooLargeError, FatalImportError, MentionsApi, sleep } from './mentions-api';
import { ProgressReporter, ProgressState } from './progress';
import { readCsv } from './read-csv';
import { readNdjson } from './read-ndjson';
import { ReadFrom, SourceItem } from './source-item';
import { RejectsFile } from './rejects-file';

export interface ImportOptions {
  file: string;
  format: 'ndjson' | 'csv';
  api: MentionsApi;
  checkpointPath: string;
  rejectsPath: string;
  /** Records per batch request. */
  batchSize: number;
  /** Batch requests in flight at once. */
  concurrency: number;
  /** Ignore an existing checkpoint and start from the first line. */
  restart?: boolean;
  /** Stop cleanly (checkpoint written) when aborted: Ctrl-C. */
  signal?: AbortSignal;
  /** How often the checkpoint is written while importing. */
  checkpointEveryMs?: number;
  progress?: (initial: ProgressState) => ProgressReporter;
}

export interface ImportSummary {
  counts: PrefixCounts;
  /** Rejections of this run (the rejects file holds those of earlier runs too). */
  rejections: Rejection[];
  /** Line the acknowledged prefix ends on. */
  line: number;
  complete: boolean;
  /** The import had already completed: nothing was sent. */
  alreadyComplete: boolean;
  resumedFromLine: number;
}

/** Seconds between retries of items the server answered 503 / 500 (nothing stored for them). */
const ITEM_RETRY_DELAY_MS = 1_000;
const ITEM_MAX_TRIES = 20;

/**
 * Imports a file of canonical mentions: streams it, sends batches with bounded concurrency, and
 * keeps a checkpoint of the contiguous acknowledged prefix, so an interrupted run — even `kill -9`
 * — resumes where it was; what it re-sends after a crash the server deduplicates by natural key.
 */
export async function importFile(options: ImportOptions): Promise<ImportSummary> {
  const file = resolve(options.file);
  const fingerprint = fingerprintOf(file);
  const previous = options.restart ? undefined : readCheckpoint(options.checkpointPath);
  if (previous && (previous.fingerprint !== fingerprint || previous.file !== file)) {
    throw new FatalImportError(`${options.checkpointPath} belongs to another file (or this one was rewritten): remove it or pass --restart`);
  }
  const totalBytes = statSync(file).size;
  const empty: PrefixCounts = { accepted: 0, duplicates: 0, edited: 0, rejected: 0 };
  if (previous?.complete && previous.offset >= totalBytes) {
    return { counts: previous.counts, rejections: [], line: previous.line, complete: true, alreadyComplete: true, resumedFromLine: previous.line };
  }
  const from: ReadFrom = previous ? { offset: previous.offset, line: previous.line } : { offset: 0, line: 0 };
  const rejects = new RejectsFile(options.rejectsPath, previous?.rejectsBytes ?? 0);
  const rejections: Rejection[] = [];
  const prefix = new AcknowledgedPrefix({ ...from, counts: previous?.counts ?? empty }, (rejection) => {
    rejects.write(rejection);
    rejections.push(rejection);
  });
  const state = (): ProgressState => ({ offset: prefix.offset, totalBytes, line: prefix.line, counts: prefix.counts });
  const reporter = options.progress?.(state());
  let saved = from.offset;
  const save = (complete: boolean) => {
    rejects.flush();
    const checkpoint: Checkpoint = {
      version: 1,
      file,
      fingerprint,
      line: prefix.line,
      offset: prefix.offset,
      rejectsBytes: rejects.bytes,
      counts: { ...prefix.counts },
      complete,
      updatedAt: new Date().toISOString(),
    };
    writeCheckpoint(options.checkpointPath, checkpoint);
    saved = prefix.offset;
  };
  const timer = setInterval(() => {
    reporter?.update(state());
    if (prefix.offset !== saved) save(false);
  }, options.checkpointEveryMs ?? 250);

  const sender = new BatchSender(options, prefix);
  let lastLine = from.line;
  try {
    const source = options.format === 'csv' ? readCsv(file, from) : readNdjson(file, from);
    let batch: SourceItem[] = [];
    for await (const item of source) {
      lastLine = item.line;
      prefix.register(item.line, item.endOffset);
      if (item.error !== undefined) prefix.settle(item.line, { kind: 'rejected', reason: item.error });
      else batch.push(item);
      if (batch.length >= options.batchSize) {
        await sender.dispatch(batch);
        batch = [];
      }
      if (options.signal?.aborted || sender.failed) break;
    }
    if (batch.length && !options.signal?.aborted && !sender.failed) await sender.dispatch(batch);
    await sender.drain();
    const finished = !options.signal?.aborted && !sender.failed;
    if (finished) prefix.finish(totalBytes, lastLine);
    clearInterval(timer);
    save(finished && prefix.offset >= totalBytes);
    reporter?.stop(state());
    if (sender.failed) throw sender.failed;
    return { counts: { ...prefix.counts }, rejections, line: prefix.line, complete: finished, alreadyComplete: false, resumedFromLine: from.line };
  } finally {
    clearInterval(timer);
    rejects.close();
  }
}

/** Sends batches with at most `concurrency` in flight and settles each record in the prefix. */
class BatchSender {
  private readonly inFlight = new Set<Promise<void>>();
  failed: Error | undefined;

  constructor(
    private readonly options: ImportOptions,
    private readonly prefix: AcknowledgedPrefix,
  ) {}

  async dispatch(items: SourceItem[]): Promise<void> {
    while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
    const sending = this.send(items).catch((error: Error) => {
      this.failed ??= error;
    });
    const tracked = sending.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.race(this.inFlight);
  }

  private async send(items: SourceItem[], tries = 1): Promise<void> {
    let answers: BatchItemAnswer[];
    try {
      answers = await this.options.api.sendBatch(items.map((i) => i.value));
    } catch (error) {
      if (!(error instanceof BatchTooLargeError)) throw error;
      if (items.length === 1) return this.prefix.settle(items[0].line, { kind: 'rejected', status: 413, reason: 'the record is larger than the server accepts' });
      const half = Math.ceil(items.length / 2);
      await this.send(items.slice(0, half), tries);
      return this.send(items.slice(half), tries);
    }
    const again: SourceItem[] = [];
    for (const answer of answers) {
      const item = items[answer.index];
      if (answer.status >= 500) again.push(item);
      else this.prefix.settle(item.line, outcomeOf(answer));
    }
    if (!again.length) return;
    if (tries >= ITEM_MAX_TRIES) throw new FatalImportError(`the server kept failing ${again.length} records (first at line ${again[0].line}) after ${tries} tries`);
    await sleep(ITEM_RETRY_DELAY_MS);
    return this.send(again, tries + 1);
  }
}

function outcomeOf(answer: BatchItemAnswer): Outcome {
  if (answer.status === 202) return { kind: answer.edited ? 'edited' : 'accepted' };
  if (answer.status === 200) return { kind: 'duplicate' };
  const reason = answer.errors?.length ? answer.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : (answer.detail ?? `refused with ${answer.status}`);
  return { kind: 'rejected', status: answer.status, reason, errors: answer.errors };
}
