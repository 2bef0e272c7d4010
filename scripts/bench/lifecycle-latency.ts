/**
 * `npm run bench:lifecycle [-- --count N --rate R]`: how long one mention takes from `POST /v1/mentions` to
 * its acknowledgement arriving at the platform, on the all-in-one with embedded adapters. Posts N
 * complaints (default 200) — as fast as 4 clients go, or with `--rate` R per second, evenly spaced
 * (open loop) — timestamps each acknowledgement at a local webhook receiver, and prints how long
 * the posting took, p50/p95/p99 and their ratio to the 1-second budget of the foundation issue.
 * Posted faster than the lifecycle digests, the later mentions wait behind the earlier ones: the
 * figures then measure that queue, which `--rate` below the digest rate leaves out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAllInOne } from '../../apps/all-in-one/src/start-all-in-one';
import { percentile } from './percentile';

const BUDGET_MS = 1_000;
const TOKEN = 'bench-admin-token-0123456789';

async function main(): Promise<void> {
  const countFlag = process.argv.indexOf('--count');
  const count = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 200;
  const rateFlag = process.argv.indexOf('--rate');
  const rate = rateFlag > 0 ? Number(process.argv[rateFlag + 1]) : undefined;
  if (rate !== undefined && !(rate > 0)) throw new Error(`--rate must be a positive number of mentions per second, not ${process.argv[rateFlag + 1]}`);
  const arrived = new Map<string, number>();
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      arrived.set(JSON.parse(body).inReplyTo, performance.now());
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const outbound = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-bench-'));
  const service = await startAllInOne({
    PORT: '0',
    CXM_DATA_DIR: dataDir,
    CXM_ADMIN_TOKEN: TOKEN,
    CXM_OUTBOUND_WEBHOOKS: `*=${outbound}/{channel}`,
    CXM_LOG_LEVEL: 'warn',
  });
  const posted = new Map<string, number>();
  const post = async (i: number) => {
    const externalId = `bench-${i}`;
    posted.set(externalId, performance.now());
    const response = await fetch(`${service.url}/v1/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        tenantId: 'demo',
        channel: 'x',
        externalId,
        author: { id: `author-${i}`, handle: `@a${i}`, displayName: `Author ${i}` },
        text: `My Aurora X5 battery died again, I want a refund! (${i})`,
        createdAt: new Date().toISOString(),
      }),
    });
    if (response.status !== 202) throw new Error(`POST answered ${response.status}`);
  };
  let next = 0;
  const client = async () => {
    while (next < count) await post(next++);
  };
  const started = performance.now();
  const paced = async () => {
    const sends: Promise<void>[] = [];
    let failure: unknown;
    for (let i = 0; i < count; i += 1) {
      const due = started + (i * 1000) / rate!;
      if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
      // Caught at once: the loop goes on sleeping, and the first failure is reported after it.
      sends.push(post(i).catch((error: unknown) => void (failure ??= error)));
    }
    await Promise.all(sends);
    if (failure) throw failure;
  };
  await (rate ? paced() : Promise.all(Array.from({ length: 4 }, client)));
  const postedIn = performance.now() - started;
  const deadline = Date.now() + 120_000;
  while (arrived.size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const elapsed = performance.now() - started;
  const latencies = [...posted].filter(([id]) => arrived.has(id)).map(([id, at]) => arrived.get(id)! - at).sort((a, b) => a - b);
  await service.app.close();
  receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
  const line = (name: string, ms: number) => `  ${name.padEnd(4)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / BUDGET_MS).toFixed(3)} × budget (${BUDGET_MS} ms)`;
  process.stdout.write(
    [
      `lifecycle latency, all-in-one (embedded adapters): POST /v1/mentions → acknowledgement delivered`,
      `  ${count} posted in ${(postedIn / 1000).toFixed(2)} s (${rate ? `${rate}/s, evenly spaced` : '4 clients, as fast as they go'}); ${latencies.length}/${count} acknowledged in ${(elapsed / 1000).toFixed(1)} s (${((latencies.length / elapsed) * 1000).toFixed(1)} mentions/s)`,
      line('p50', percentile(latencies, 50)),
      line('p95', percentile(latencies, 95)),
      line('p99', percentile(latencies, 99)),
      '',
    ].join('\n'),
  );
  if (latencies.length < count) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`bench:lifecycle: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
