/**
 * `npm run bench:http-floor [-- --seconds 10 --connections 64]`: how many of `bench:ingest`'s
 * requests per second a front door could answer on this machine if it did nothing but NestJS's
 * and Fastify's request handling with the platform's body parsing (http-floor-server.ts), and so
 * the most mentions per second any single-threaded ingest service on this stack could accept.
 * It sends the very same deck as `bench:ingest` (deck-load.ts), at full speed, and prints the
 * figures against the 5,000 accepted mentions/s of issue 4's target.
 */
import { freePort } from '@cxm/distributed-launcher';
import { mixedWorkload } from '@cxm/demo';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fire } from './deck-load';
import { processCpuSeconds, untilHealthy } from './server-process';

const TARGET_MENTIONS_PER_SECOND = 5_000;
const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '64' } } });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['-r', './scripts/register.js', 'scripts/bench/http-floor-server.ts'], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await untilHealthy(url, 'floor server');
    const workload = mixedWorkload();
    const counter = { n: 0 };
    await fire(url, workload.deck, { seconds: 3, connections: 16 }, counter, 'unused'); // warm-up: JIT
    const cpuBefore = processCpuSeconds(child.pid!);
    const result = await fire(url, workload.deck, { seconds, connections }, counter, 'unused');
    const cpu = processCpuSeconds(child.pid!) - cpuBefore;
    const requestsPerSecond = result['2xx'] / seconds;
    const mentionsPerSecond = requestsPerSecond * workload.meanMentionsPerRequest;
    const needed = TARGET_MENTIONS_PER_SECOND / workload.meanMentionsPerRequest;
    process.stdout.write(
      [
        `http floor: NestJS + Fastify, the platform's body parsing, routes that answer at once (${connections} connections, ${seconds} s, bench:ingest's mixed deck, ${workload.meanMentionsPerRequest.toFixed(2)} mentions/request)`,
        `  ${requestsPerSecond.toFixed(0)} requests/s (non-2xx ${result.non2xx}, errors ${result.errors})   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms`,
        `  server CPU ${cpu.toFixed(1)} s (${(cpu / seconds).toFixed(2)} cores) = ${((cpu * 1000) / Math.max(1, result['2xx'])).toFixed(3)} ms per request`,
        `  as mentions: ${mentionsPerSecond.toFixed(0)}/s = ${(mentionsPerSecond / TARGET_MENTIONS_PER_SECOND).toFixed(2)} × target (${TARGET_MENTIONS_PER_SECOND}/s needs ${needed.toFixed(0)} requests/s of this deck)`,
        `  at the target's ${needed.toFixed(0)} requests/s, the request handling alone would take ${((needed / requestsPerSecond) * 100).toFixed(0)} % of the thread`,
        '',
      ].join('\n'),
    );
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error) => {
  process.stderr.write(`bench:http-floor: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
