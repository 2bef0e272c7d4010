import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedReply {
  path: string;
  idempotencyKey: string | undefined;
  body: { replyId: string; channel: string; text: string; inReplyTo: string; conversationId: string };
}

/** A local stand-in for a social platform's reply API: records every POST it gets. */
export class WebhookReceiver {
  readonly received: ReceivedReply[] = [];
  private server!: Server;

  constructor(private readonly delayMs = 0) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let data = '';
      request.on('data', (chunk) => (data += chunk));
      request.on('end', () => {
        setTimeout(() => {
          this.received.push({ path: request.url ?? '', idempotencyKey: request.headers['idempotency-key'] as string | undefined, body: JSON.parse(data) });
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
