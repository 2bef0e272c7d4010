import { waitFor } from '@cxm/testing';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { startAllInOneTarget, Target } from './support/all-in-one-target';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(60_000);

const CONNECTORS = join(__dirname, '..', '..', '..', 'libs', 'ingest', 'src', 'connectors');
const eml = (name: string) => readFileSync(join(CONNECTORS, 'email', 'fixtures', name));
const RELAY_SECRET = 'e2e-mail-relay-secret';
const sign = (body: Buffer, secret = RELAY_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

interface Receipt {
  accepted: number;
  duplicates: number;
  mentions: { id: string; externalId: string; duplicate: boolean }[];
}
interface Story {
  stage: string;
  mention: { text: string; conversationId: string; channel: string; externalId: string; title?: string; attachments?: unknown[] };
  case: { id: string };
}

/** The two channels of this part of ingest, end to end through the all-in-one: e-mail pushed by a relay, feeds polled. */
describe('e-mail and feeds, through the all-in-one', () => {
  let receiver: WebhookReceiver;
  let feedServer: Server;
  let feedUrl: string;
  let feedRequests: Array<string | undefined>;
  let target: Target;
  let api: ApiClient;

  const FEED = readFileSync(join(CONNECTORS, 'rss', 'fixtures', 'fr-forum.atom.xml'));

  beforeAll(async () => {
    feedRequests = [];
    feedServer = createServer((request, response) => {
      feedRequests.push(request.headers['if-none-match']);
      if (request.headers['if-none-match'] === '"forum-1"') return void response.writeHead(304, { etag: '"forum-1"' }).end();
      response.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"forum-1"' }).end(FEED);
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed/topic/7788.atom`;
    receiver = new WebhookReceiver();
    target = await startAllInOneTarget(await receiver.start(), { CXM_FEED_TICK_MS: '200', CXM_FEED_ALLOW_PRIVATE_ADDRESSES: 'true' });
    api = target.api;
  });

  afterAll(async () => {
    await target?.stop();
    await receiver?.stop();
    feedServer?.closeAllConnections();
    await new Promise((resolve) => feedServer?.close(resolve));
  });

  const storyOf = (id: string) =>
    waitFor(async () => {
      const { status, body } = await api.get<Story>(`/v1/mentions/${id}`);
      return status === 200 && body.stage === 'routed' ? body : undefined;
    }, 20_000, `mention ${id}`);
  const postMail = async (body: Buffer, signature = sign(body)) => {
    const response = await fetch(`${api.baseUrl}/v1/webhooks/demo/email`, { method: 'POST', body, headers: { 'content-type': 'message/rfc822', 'x-cxm-signature-256': signature } });
    return { status: response.status, body: (await response.json()) as Receipt & { errors?: { field: string; message: string }[] } };
  };

  describe('email', () => {
    beforeAll(async () => {
      expect((await api.request('PUT', '/v1/tenants/demo/channels/email', { webhookSecret: RELAY_SECRET })).status).toBe(200);
    });

    it('turns signed raw messages into mentions, threading a reply into its first message’s case', async () => {
      const root = await postMail(eml('fr-alternative-qp.eml'));
      const reply = await postMail(eml('th-reply-references.eml'));
      expect([root.status, reply.status]).toEqual([200, 200]);
      const [rootStory, replyStory] = await Promise.all([storyOf(root.body.mentions[0].id), storyOf(reply.body.mentions[0].id)]);
      expect(rootStory.mention).toMatchObject({ channel: 'email', externalId: 'CAF=lea.001@mail.example.fr', title: 'Aurora X5 : batterie qui chauffe 🔥' });
      expect(replyStory.mention.conversationId).toBe('email:CAF=lea.001@mail.example.fr');
      expect(replyStory.case.id).toBe(rootStory.case.id);
    });

    it('keeps the attachments of a multipart message as name, type and size', async () => {
      const received = await postMail(eml('tr-mixed-attachments.eml'));
      const story = await storyOf(received.body.mentions[0].id);
      expect(story.mention.attachments).toEqual([
        { name: 'ekran.png', contentType: 'image/png', size: 70, inline: true },
        { name: 'fatura örneği.pdf', contentType: 'application/pdf', size: 1380 },
      ]);
    });

    it('answers a redelivery with the same id as a duplicate, a bad signature with 403, a malformed message with 400', async () => {
      const body = eml('ru-koi8r-plain.eml');
      const first = await postMail(body);
      const again = await postMail(body);
      expect(again.body).toMatchObject({ accepted: 0, duplicates: 1 });
      expect(again.body.mentions[0].id).toBe(first.body.mentions[0].id);
      expect((await postMail(body, sign(body, 'not-the-relay-secret'))).status).toBe(403);
      const malformed = await postMail(eml('no-from.eml'));
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([{ field: 'From', message: 'the message has no From address' }]);
    });
  });

  describe('rss', () => {
    it('polls a feed set in the channel settings once per interval and threads the forum replies into one conversation', async () => {
      expect((await api.request('PUT', '/v1/tenants/demo/channels/rss', { feeds: [feedUrl], pollIntervalSeconds: 60 })).status).toBe(200);
      const search = async () => (await api.get<{ total: number; items: Array<{ id: string }> }>(`/v1/search?q=${encodeURIComponent('channel:rss')}`)).body;
      const found = await waitFor(async () => ((await search()).total === 3 ? await search() : undefined), 20_000, 'the three forum posts to be searchable');
      const stories = await Promise.all(found.items.map((item) => storyOf(item.id)));
      expect(new Set(stories.map((s) => s.mention.conversationId))).toEqual(new Set(['rss:https://forum.mobiles-fr.example/viewtopic.php?p=90001#p90001']));
      // Several scheduling rounds later the feed is still not due again (its interval is 60 s).
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(feedRequests).toEqual([undefined]);
    });
  });
});
