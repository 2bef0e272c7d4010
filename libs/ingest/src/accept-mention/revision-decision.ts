import { hash } from 'node:crypto';

/** What ingest knows of a mention's current revision (from the durable record or the recent-key cache). */
export interface SeenRevision {
  /** `editedAt` of the current revision in epoch ms; -Infinity for an original never edited. */
  editedAtMs: number;
  textDigest: string;
  /** When the current revision was accepted, epoch ms. */
  lastAcceptedMs: number;
}

/**
 * - `new`: never seen → publish, 202.
 * - `edit`: a later `editedAt` *and* a changed text → re-publish the same mention id as a new revision, 202.
 * - `reaccept`: seen, but last accepted longer ago than the dedup window → accepted again, 202.
 * - `duplicate`: anything else (same or older `editedAt`, or a later one with the same text) → 200.
 */
export type RevisionDecision = 'new' | 'edit' | 'reaccept' | 'duplicate';

export function decideRevision(
  seen: SeenRevision | undefined,
  incoming: { editedAtMs: number; textDigest: string },
  nowMs: number,
  windowMs: number,
): RevisionDecision {
  if (!seen) return 'new';
  if (incoming.editedAtMs > seen.editedAtMs && incoming.textDigest !== seen.textDigest) return 'edit';
  if (nowMs - seen.lastAcceptedMs > windowMs) return 'reaccept';
  return 'duplicate';
}

export function textDigest(text: string): string {
  return hash('sha1', text, 'base64url');
}

export function editedAtMs(editedAt: string | undefined): number {
  return editedAt === undefined ? -Infinity : Date.parse(editedAt);
}
