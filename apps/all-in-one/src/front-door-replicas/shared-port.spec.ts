import { request } from 'node:http';
import { createServer, Server } from 'node:net';
import { bindSharedPort, reservePublicPort } from './shared-port';

function listening(server: Server, options: object): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options, () => resolve(server));
  });
}

/** Answers each connection with a fixed word, then closes it (without waiting for the client's side). */
const answering = (word: string) =>
  createServer((socket) => socket.end(`HTTP/1.1 200 OK\r\ncontent-length: ${word.length}\r\nconnection: close\r\n\r\n${word}`, () => socket.destroy()));

const closed = (server: Server) => new Promise((resolve) => server.close(resolve));

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.once('error', reject);
    req.end();
  });
}

describe('the shared public port', () => {
  it('refuses a port another server holds, as a plain listen would', async () => {
    const holder = await listening(createServer(), { port: 0, host: '127.0.0.1' });
    const { port } = holder.address() as { port: number };
    await expect(reservePublicPort('127.0.0.1', port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await closed(holder);
  });

  it('spreads connections over every socket bound to it, and one closing leaves the other listening', async () => {
    const reserved = await reservePublicPort('127.0.0.1', 0);
    const { port } = reserved;
    expect(port).toBeGreaterThan(0);
    // Held until the replicas listen: a second all-in-one's check already fails.
    await expect(reservePublicPort('127.0.0.1', port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const one = await listening(answering('one'), { fd: bindSharedPort('127.0.0.1', port) });
    const two = await listening(answering('two'), { fd: bindSharedPort('127.0.0.1', port) });
    await reserved.release();
    const answers = await Promise.all(Array.from({ length: 60 }, () => get(port)));
    expect(new Set(answers)).toEqual(new Set(['one', 'two']));
    await closed(one);
    expect(new Set(await Promise.all(Array.from({ length: 10 }, () => get(port))))).toEqual(new Set(['two']));
    // While the replicas hold it, a second all-in-one's check finds the port in use.
    await expect(reservePublicPort('127.0.0.1', port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await closed(two);
  });

  it('answers 503 problem details with Retry-After while it is only reserved (the replicas still starting)', async () => {
    const reserved = await reservePublicPort('127.0.0.1', 0);
    try {
      const answer = await fetch(`http://127.0.0.1:${reserved.port}/v1/mentions`, { method: 'POST', body: '{}' });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.headers.get('connection')).toBe('close');
      expect(await answer.json()).toEqual({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'the all-in-one is starting', retryAfterSeconds: 1 });
    } finally {
      await reserved.release();
    }
  });
});
