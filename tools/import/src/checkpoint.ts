import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrefixCounts } from './acknowledged-prefix';

/**
 * What survives an interruption: the contiguous prefix of the file the server acknowledged (every
 * record up to `line`, ending at byte `offset`), how long the rejects file was at that point, and
 * the counts so far. The file's fingerprint stops a checkpoint from being applied to another file.
 */
export interface Checkpoint {
  version: 1;
  file: string;
  fingerprint: string;
  line: number;
  offset: number;
  rejectsBytes: number;
  counts: PrefixCounts;
  complete: boolean;
  updatedAt: string;
}

const FINGERPRINT_BYTES = 64 * 1024;

/** SHA-256 of the file's first 64 KiB: appending to a file keeps its checkpoint valid, rewriting it does not. */
export function fingerprintOf(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(FINGERPRINT_BYTES);
    const read = readSync(fd, buffer, 0, FINGERPRINT_BYTES, 0);
    return createHash('sha256').update(buffer.subarray(0, read)).digest('hex');
  } finally {
    closeSync(fd);
  }
}

export function readCheckpoint(path: string): Checkpoint | undefined {
  if (!existsSync(path)) return undefined;
  const checkpoint = JSON.parse(readFileSync(path, 'utf8')) as Checkpoint;
  if (checkpoint.version !== 1) throw new Error(`${path}: unknown checkpoint version ${String(checkpoint.version)}`);
  return checkpoint;
}

/**
 * Written aside, flushed, then renamed over the old one (and the directory flushed): after a crash
 * — even `kill -9` or a power cut — the checkpoint is the old one or the new one, never half of each.
 */
export function writeCheckpoint(path: string, checkpoint: Checkpoint): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(checkpoint, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
