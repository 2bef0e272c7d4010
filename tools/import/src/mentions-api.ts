/** What `POST /v1/mentions/batch` answers for one item. */
export interface BatchItemAnswer {
  index: number;
  status: number;
  id?: string;
  duplicate?: boolean;
  edited?: boolean;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** Not worth retrying: a bad token, a wrong URL, a server that refuses the batch itself. */
export class FatalImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FatalImportError';
  }
}

/** The batch is over the server's body limit: the caller splits it. */
export class BatchTooLargeError extends Error {}

export interface RetrySettings {
  /** Tries of one batch when the server cannot be reached or fails (5xx); 429/503 waits do not count. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RETRY: RetrySettings = { maxAttempts: 8, initialDelayMs: 250, maxDelayMs: 15_000 };
/** Even a server that keeps asking us to wait is given up on after this many waits. */
const MAX_WAITS = 1_000;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The import's client for the batch route: keeps connections alive (node's fetch does), honours
 * `Retry-After` on 429 and 503, and backs off (full jitter) when the server is down or failing.
 */
export class MentionsApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly retry: RetrySettings = DEFAULT_RETRY,
  ) {}

  async sendBatch(items: unknown[]): Promise<BatchItemAnswer[]> {
    let failures = 0;
    for (let waits = 0; waits < MAX_WAITS; ) {
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}/v1/mentions/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
          body: JSON.stringify({ items }),
        });
      } catch (error) {
        failures = await this.backOff(failures, `cannot reach ${this.baseUrl}: ${(error as Error).cause ?? (error as Error).message}`);
        continue;
      }
      if (response.status === 200) return ((await response.json()) as { items: BatchItemAnswer[] }).items;
      const text = await response.text();
      if (response.status === 429 || response.status === 503) {
        waits++;
        await sleep(retryAfterMs(response.headers.get('retry-after')));
        continue;
      }
      if (response.status === 413) throw new BatchTooLargeError(text);
      if (response.status === 401 || response.status === 403) throw new FatalImportError(`the server refused the token (${response.status}): ${detailOf(text)}`);
      if (response.status < 500) throw new FatalImportError(`the server refused the batch (${response.status}): ${detailOf(text)}`);
      failures = await this.backOff(failures, `the server failed (${response.status}): ${detailOf(text)}`);
    }
    throw new FatalImportError(`the server asked us to wait ${MAX_WAITS} times in a row; giving up`);
  }

  private async backOff(failures: number, reason: string): Promise<number> {
    const attempt = failures + 1;
    if (attempt >= this.retry.maxAttempts) throw new FatalImportError(`${reason} (after ${attempt} tries)`);
    await sleep(Math.random() * Math.min(this.retry.maxDelayMs, this.retry.initialDelayMs * 2 ** failures));
    return attempt;
  }
}

/** `Retry-After` in seconds (or an HTTP date); one second when absent or unreadable. */
export function retryAfterMs(header: string | null): number {
  if (header === null) return 1_000;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1_000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1_000 : Math.max(0, at - Date.now());
}

function detailOf(text: string): string {
  try {
    const problem = JSON.parse(text) as { detail?: string; title?: string };
    return problem.detail ?? problem.title ?? text;
  } catch {
    return text.slice(0, 200);
  }
}
