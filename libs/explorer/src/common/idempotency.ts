import { ProblemException, validationProblem } from '@cxm/platform-http';
import { DocumentCollection, DuplicateDocumentError, StoredDocument } from '@cxm/platform-store';
import { createHash } from 'node:crypto';

/** Checks an `Idempotency-Key` header: absent, or 1–200 characters. */
export function checkedIdempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && (key.length === 0 || key.length > 200)) throw validationProblem([{ field: 'Idempotency-Key', message: 'must be 1 to 200 characters' }]);
  return key;
}

/** What a keyed request asked for, so a repeat with the same key but another body is told apart. */
export function requestFingerprint(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('base64url');
}

function idempotencyKeyReused(detail: string): ProblemException {
  return new ProblemException({ type: '/problems/idempotency-key-reused', title: 'Idempotency-Key reused', status: 409, detail });
}

type KeyedDocument = StoredDocument & { status: string; requestFingerprint?: string };

/**
 * Creates a document whose id was derived from an Idempotency-Key (or is random, without one). A
 * repeat of the same request finds the document its first request made (`created: false`); the
 * key with another body, or after that document was deleted, is a 409.
 */
export async function insertOnce<T extends KeyedDocument>(collection: DocumentCollection<T>, doc: T): Promise<{ doc: T; created: boolean }> {
  try {
    return { doc: (await collection.insert(doc)).doc, created: true };
  } catch (error) {
    if (!(error instanceof DuplicateDocumentError) || doc.requestFingerprint === undefined) throw error;
    const existing = await collection.get(doc.tenantId, doc.id);
    if (!existing || existing.doc.requestFingerprint !== doc.requestFingerprint) throw idempotencyKeyReused('this Idempotency-Key was already used for a different request');
    if (existing.doc.status !== 'active') throw idempotencyKeyReused('what this Idempotency-Key created has since been deleted');
    return { doc: existing.doc, created: false };
  }
}
