import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedRequest, validationProblem } from '@cxm/platform-http';

export const USER_HEADER = 'x-user-id';

/** A user id as front-ends send it: an opaque id, an e-mail address or a handle. */
export const USER_ID = /^[\p{L}\p{N}][\p{L}\p{N}@._:+-]{0,127}$/u;

/**
 * The person acting, as the calling front-end names them in `X-User-Id` (see ADR 0018: there are
 * no user accounts yet; the bearer token proves the front-end, the front-end vouches for the user).
 * Undefined when the header is absent; a malformed one is refused.
 */
export const ActingUser = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<AuthenticatedRequest>().headers[USER_HEADER];
  const userId = Array.isArray(value) ? value[0] : value;
  if (userId === undefined) return undefined;
  if (!USER_ID.test(userId)) throw validationProblem([{ field: 'X-User-Id', message: 'must be 1–128 letters, digits or @ . _ : + -, starting with a letter or digit' }]);
  return userId;
});

/** Writes need to know who owns what they create or change. */
export function requireUser(userId: string | undefined): string {
  if (userId === undefined) throw validationProblem([{ field: 'X-User-Id', message: 'name the acting user (the X-User-Id header) to create or change this' }]);
  return userId;
}
