import { ProblemDetails, ProblemException } from '@cxm/platform-http';

/** For tests: the problem an HTTP answer would carry, or undefined when the call succeeded. */
export async function problemOf(call: Promise<unknown>): Promise<ProblemDetails | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
}
