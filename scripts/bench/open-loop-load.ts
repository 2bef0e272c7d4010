/**
 * An open-loop load generator for "latency at a fixed rate" (used by `bench:ingest`'s fixed-rate
 * phase; ADR 0026): request i is due at `start + t_i` whatever happened to the requests before it,
 * and its latency is counted from that due time, not from when a socket was free to send it. So a
 * server that falls behind is charged for the whole wait (no coordinated omission), and the load
 * is spread over the second instead of arriving as one burst per second, the way autocannon's
 * rate limit sends it (each connection sends its per-second quota back to back, then waits for
 * the next tick).
 *
 * `arrivals: 'even'` spaces the due times evenly (wrk2's constant-throughput model);
 * `'poisson'` draws exponential gaps with the same mean (independent senders), which makes
 * clumps of arrivals and so a harder tail.
 */
import { Agent, request as httpRequest } from 'node:http';
import { SeededRandom } from '@cxm/demo';

export interface OpenLoopOptions {
  url: string;
  seconds: number;
  requestsPerSecond: number;
  /** Sockets kept open at most; a request due while all are busy waits (and that wait counts). */
  connections: number;
  arrivals: 'even' | 'poisson';
}

export interface OpenLoopSend {
  kind: string;
  method: string;
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface OpenLoopResult {
  sent: number;
  statusCodes: Record<string, number>;
  errors: number;
  /** Per answered request: its kind, ms from its due time to the end of its answer, and that due time (ms after the phase's start). */
  latencies: { kind: string; ms: number; dueAtMs: number }[];
  /** How late, at worst, the generator itself put a request on the wire (its own event loop's lag and rendering). */
  worstSendLagMs: number;
  /** CPU seconds the generator's process spent during the phase (it shares the machine with the server). */
  generatorCpuSeconds: number;
}

/** A request unanswered this long is given up and counted as an error (autocannon's default timeout). */
const REQUEST_TIMEOUT_MS = 10_000;

/** Sends `options.requestsPerSecond × options.seconds` requests made by `next`, on schedule, and waits for every answer. */
export async function runOpenLoop(options: OpenLoopOptions, next: () => OpenLoopSend): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const result: OpenLoopResult = { sent: 0, statusCodes: {}, errors: 0, latencies: [], worstSendLagMs: 0, generatorCpuSeconds: 0 };
  const cpuBefore = process.cpuUsage();
  const dueTimes = schedule(options);
  const start = performance.now() + 20; // the first due time a little ahead: nothing is late by construction
  const answers: Promise<void>[] = [];
  for (let i = 0; i < dueTimes.length; ) {
    const now = performance.now();
    // Everything already due goes out now; then sleep until the next due time.
    for (; i < dueTimes.length && start + dueTimes[i] <= now; i++) {
      const due = start + dueTimes[i];
      const request = next(); // rendered (and signed) before the lag is read: that time is late too
      result.worstSendLagMs = Math.max(result.worstSendLagMs, performance.now() - due);
      answers.push(send(target, agent, request, due, due - start, result));
      result.sent += 1;
    }
    if (i < dueTimes.length) await sleepUntil(start + dueTimes[i]);
  }
  await Promise.all(answers);
  agent.destroy();
  const cpu = process.cpuUsage(cpuBefore);
  result.generatorCpuSeconds = (cpu.user + cpu.system) / 1e6;
  return result;
}

/** Due times in ms from the start, `requestsPerSecond × seconds` of them. */
function schedule(options: OpenLoopOptions): number[] {
  const count = Math.round(options.requestsPerSecond * options.seconds);
  const meanGap = 1000 / options.requestsPerSecond;
  const random = new SeededRandom(20261201);
  const times: number[] = [];
  for (let i = 0, t = 0; i < count; i++) {
    times.push(t);
    t += options.arrivals === 'even' ? meanGap : -Math.log(1 - random.next()) * meanGap;
  }
  return times;
}

function send(target: URL, agent: Agent, send: OpenLoopSend, due: number, dueAtMs: number, result: OpenLoopResult): Promise<void> {
  return new Promise((resolve) => {
    const outgoing = httpRequest(
      { host: target.hostname, port: target.port, method: send.method, path: send.path, agent, headers: { ...send.headers, 'content-length': Buffer.byteLength(send.body) } },
      (response) => {
        response.resume(); // the body is not needed, only its end
        // 'close' comes whether the answer ended or was cut (a cut one emits no 'end').
        response.once('close', () => {
          if (!response.complete) return failed();
          const status = String(response.statusCode);
          result.statusCodes[status] = (result.statusCodes[status] ?? 0) + 1;
          if (status.startsWith('2')) result.latencies.push({ kind: send.kind, ms: performance.now() - due, dueAtMs });
          settle();
        });
      },
    );
    let settled = false;
    const settle = () => {
      settled = true;
      resolve();
    };
    const failed = () => {
      if (settled) return;
      result.errors += 1;
      settle();
    };
    outgoing.setTimeout(REQUEST_TIMEOUT_MS, () => outgoing.destroy(new Error('no answer in time')));
    outgoing.on('error', failed);
    outgoing.end(send.body);
  });
}

/**
 * Sleeps, never spins: a busy wait would take one of the machine's cores from the server being
 * measured. setTimeout may wake up to about a millisecond late; that lateness is counted in the
 * requests' latencies (they are timed from their due times) and shows in `worstSendLagMs`.
 */
function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
}
