/**
 * Sending a workload's deck (libs/demo's native deliveries) at a server with autocannon: shared by
 * `bench:ingest` and `bench:http-floor`, so both send the very same requests.
 */
import autocannon from 'autocannon';
import { renderSend, RequestTemplate } from '@cxm/demo';

/** The deck's next request, rendered with a number of its own (so every id is new): both generators send the same sequence. */
export function nextSend(deck: readonly RequestTemplate[], counter: { n: number }, token: string): { kind: string; path: string; body: string; headers: Record<string, string> } {
  const n = counter.n++;
  const template = deck[n % deck.length];
  return { kind: template.kind, path: template.path, ...renderSend(template, n, token) };
}

/**
 * `timings` (optional) gets each answered request's time in ms under its kind. autocannon keeps
 * one request in flight per connection, so the connection's context holds the one being timed.
 */
export function fire(url: string, deck: readonly RequestTemplate[], options: { seconds: number; connections: number; rate?: number }, counter: { n: number }, token: string, timings?: Map<string, number[]>) {
  return autocannon({
    url,
    duration: options.seconds,
    connections: options.connections,
    overallRate: options.rate,
    method: 'POST',
    requests: [
      {
        setupRequest: (request, context: TimedContext) => {
          const { kind, path, body, headers } = nextSend(deck, counter, token);
          context.kind = kind;
          context.sentAt = performance.now();
          return { ...request, path, body, headers };
        },
        onResponse: (_status, _body, context: TimedContext) => {
          if (!timings || context.kind === undefined || context.sentAt === undefined) return;
          const kind = timings.get(context.kind) ?? [];
          kind.push(performance.now() - context.sentAt);
          timings.set(context.kind, kind);
        },
      },
    ],
  });
}

interface TimedContext {
  kind?: string;
  sentAt?: number;
}
