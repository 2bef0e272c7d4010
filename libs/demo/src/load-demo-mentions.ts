import { generateDemoMentions } from './generate-demo-mentions';

export interface LoadDemoOptions {
  /** Base URL of a running API, e.g. http://127.0.0.1:3000 */
  url: string;
  token: string;
  tenantId: string;
  count?: number;
  /** Requests in flight at once. */
  concurrency?: number;
}

export interface LoadDemoResult {
  accepted: number;
  duplicates: number;
  rejected: { externalId: string; status: number; detail: string }[];
}

/**
 * Posts the demo mentions through the public API, as any client would. Loading twice is harmless:
 * the second run's mentions are recognised as duplicates. Each mention is posted after the one it
 * replies to, so threads stay threaded.
 */
export async function loadDemoMentions(options: LoadDemoOptions): Promise<LoadDemoResult> {
  const mentions = generateDemoMentions({ tenantId: options.tenantId, count: options.count, now: new Date() });
  const result: LoadDemoResult = { accepted: 0, duplicates: 0, rejected: [] };
  const posted = new Map<string, Promise<void>>();
  let next = 0;
  const worker = async () => {
    while (next < mentions.length) {
      const mention = mentions[next++];
      const parent = mention.inReplyTo ? posted.get(`${mention.channel}:${mention.inReplyTo}`) : undefined;
      const done = (async () => {
        await parent;
        const response = await fetch(`${options.url}/v1/mentions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify(mention),
        });
        const body = (await response.json()) as { detail?: string };
        if (response.status === 202) result.accepted += 1;
        else if (response.status === 200) result.duplicates += 1;
        else result.rejected.push({ externalId: mention.externalId, status: response.status, detail: body.detail ?? '' });
      })();
      posted.set(`${mention.channel}:${mention.externalId}`, done);
      await done;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return result;
}
