import { ProblemException, validationProblem } from '@cxm/platform-http';
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

export function idempotencyKeyReused(detail: string): ProblemException {
  return new ProblemException({ type: '/problems/idempotency-key-reused', title: 'Idempotency-Key reused', status: 409, detail });
}
