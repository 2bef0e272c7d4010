import { ForegroundActivity } from '@cxm/platform-embedded';
import { Agent, createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { countRequestsInProgress } from './count-requests-in-progress';
import { drainHttpRequests } from './drain-http-requests';

/**
 * A server that answers `/<ms>` after that many ms, its requests counted as bootstrapService counts
 * them. `untilReceived(n)` waits until it has had n requests: a drain begun before a request reached
 * it would race that request (a fixed pause lost the race once in CI, on a loaded machine).
 */
async function slowServer(): Promise<{ server: Server; foreground: ForegroundActivity; port: number; untilReceived(count: number): Promise<void> }> {
  const foreground = new ForegroundActivity();
  let received = 0;
  const server = createServer((incoming, response) => {
    received += 1;
    const answer = setTimeout(() => response.end('answered'), Number(incoming.url!.slice(1)));
    // A request the drain cut must not leave its timer behind: a 60 s one kept jest's process
    // alive for up to a minute after the run ("Jest did not exit one second after…").
    response.on('close', () => clearTimeout(answer));
  });
  countRequestsInProgress(server, foreground);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const untilReceived = async (count: number) => {
    while (received < count) await pause(5);
  };
  return { server, foreground, port: (server.address() as AddressInfo).port, untilReceived };
}

function get(port: number, path: string, agent: Agent): Promise<{ body: string; connection?: string } | { error: string }> {
  return new Promise((resolve) => {
    request({ host: '127.0.0.1', port, path, agent }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ body, connection: response.headers.connection }));
    })
      .on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
      .end();
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('drainHttpRequests', () => {
  it('answers the requests in progress, and those still arriving on open keep-alive connections, before it returns', async () => {
    const { server, foreground, port, untilReceived } = await slowServer();
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    const long = get(port, '/400', agent);
    const short = get(port, '/100', agent);
    await untilReceived(2);
    let drained = false;
    const draining = drainHttpRequests(server, foreground, 5_000).then(() => (drained = true));
    // Queued in the agent: it goes out on the short one's connection once that is free, while the
    // long one still runs, so during the drain.
    const late = get(port, '/100', agent);
    expect(await short).toEqual({ body: 'answered', connection: 'keep-alive' });
    expect(await late).toEqual({ body: 'answered', connection: 'close' });
    expect(drained).toBe(false);
    expect(await long).toEqual(expect.objectContaining({ body: 'answered' }));
    await draining;
    expect(foreground.busy).toBe(false);
    // No connection is taken any more.
    expect(await get(port, '/0', new Agent())).toEqual({ error: 'ECONNREFUSED' });
    agent.destroy();
  });

  it('cuts what is still running once its time is up, rather than wait for it', async () => {
    const { server, foreground, port, untilReceived } = await slowServer();
    const agent = new Agent({ keepAlive: true });
    const endless = get(port, '/60000', agent);
    await untilReceived(1);
    await drainHttpRequests(server, foreground, 200);
    // Answered, it would take 60 s: the reset is the cut.
    expect(await endless).toEqual({ error: 'ECONNRESET' });
    agent.destroy();
  });

  it('does nothing for a server that is not listening', async () => {
    const server = createServer();
    await expect(drainHttpRequests(server, new ForegroundActivity(), 1_000)).resolves.toBeUndefined();
    await expect(drainHttpRequests(undefined, new ForegroundActivity(), 1_000)).resolves.toBeUndefined();
  });
});
