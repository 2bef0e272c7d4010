import { waitFor } from '@cxm/testing';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from './api-client';
import { E2E_ACME_TOKEN, Target } from './all-in-one-target';
import { WebhookReceiver } from './webhook-receiver';

const CONNECTORS = join(__dirname, '..', '..', '..', '..', 'libs', 'ingest', 'src', 'connectors');
/** A fixture's exact bytes, pretty-printed as stored: a signature only matches if these bytes reach the connector. */
const fixtureBytes = (channel: string, name: string) => readFileSync(join(CONNECTORS, channel, 'fixtures', name));

const FACEBOOK = { appSecret: 'e2e-facebook-app-secret', verifyToken: 'e2e-facebook-verify-token' };
const X_SECRET = 'e2e-x-consumer-secret';
const CHAT_SECRET = 'e2e-chat-shared-secret';

/** Signs like the platform does: HMAC-SHA256 of the raw body. */
const sign = (secret: string, body: Buffer, encoding: 'hex' | 'base64') => `sha256=${createHmac('sha256', secret).update(body).digest(encoding)}`;

interface Problem {
  type: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}
interface Receipt {
  accepted: number;
  duplicates: number;
  mentions: { id: string; externalId: string; channel: string; duplicate: boolean }[];
}
interface Story {
  stage: string;
  mention: { text: string; conversationId: string; channel: string; externalId: string };
  case: { id: string };
}

/**
 * Platforms delivering to the webhook routes over HTTP, signed as each platform signs. The same
 * scenarios run against the all-in-one and against the services behind the gateway (raw bytes
 * through the proxy, settings in MongoDB, search on Elasticsearch).
 */
export function describeWebhookDelivery(deployment: string, startTarget: (outboundUrl: string) => Promise<Target>, patienceMs: number): void {
  describe(`platform webhooks, through HTTP (${deployment})`, () => {
    let receiver: WebhookReceiver;
    let target: Target;
    let api: ApiClient;

    beforeAll(async () => {
      receiver = new WebhookReceiver();
      target = await startTarget(await receiver.start());
      api = target.api;
      for (const [channel, settings] of [
        ['facebook', FACEBOOK],
        ['x', { consumerSecret: X_SECRET }],
        ['chat', { webhookSecret: CHAT_SECRET }],
      ] as const) {
        expect((await api.request('PUT', `/v1/tenants/demo/channels/${channel}`, settings)).status).toBe(200);
      }
    });

    afterAll(async () => {
      await target?.stop();
      await receiver?.stop();
    });

    /** A platform's call: no bearer token, the body as bytes. */
    const platformCall = (method: 'GET' | 'POST', path: string, body?: Buffer, headers: Record<string, string> = {}) =>
      fetch(`${api.baseUrl}${path}`, { method, body, headers: { 'content-type': 'application/json', ...headers } });
    const postSigned = async (channel: string, body: Buffer, header: string, signature: string, contentType = 'application/json') => {
      const response = await platformCall('POST', `/v1/webhooks/demo/${channel}`, body, { [header]: signature, 'content-type': contentType });
      return { status: response.status, body: (await response.json()) as Receipt & Problem, type: response.headers.get('content-type') };
    };
    const storyOf = (id: string) =>
      waitFor(async () => {
        const { status, body } = await api.get<Story>(`/v1/mentions/${id}`);
        return status === 200 && body.stage === 'routed' ? body : undefined;
      }, patienceMs, `mention ${id}`);
    const searchTotal = async (q: string) => (await api.get<{ total: number }>(`/v1/search?q=${encodeURIComponent(q)}`)).body.total;

    describe('channel settings', () => {
      it('stores secrets without ever answering them back: only which keys are set, and when', async () => {
        const put = await api.request<{ keys: { name: string; setAt: string }[] }>('PUT', '/v1/tenants/demo/channels/whatsapp', { appSecret: 'e2e-whatsapp-secret-1', verifyToken: 'e2e-whatsapp-verify-1' });
        expect(put.status).toBe(200);
        expect(put.body.keys.map((k) => k.name)).toEqual(['appSecret', 'verifyToken']);
        const get = await api.get('/v1/tenants/demo/channels/whatsapp');
        expect(get.status).toBe(200);
        expect(JSON.stringify(get.body)).not.toMatch(/e2e-whatsapp-(secret|verify)-1/);
        expect(JSON.stringify(put.body)).not.toMatch(/e2e-whatsapp-(secret|verify)-1/);
      });

      it('refuses settings without a bearer token, for another tenant, with unknown or missing keys, or for an unknown channel', async () => {
        expect((await api.withToken(undefined).request('PUT', '/v1/tenants/demo/channels/x', { consumerSecret: 'whatever-secret' })).status).toBe(401);
        expect((await api.withToken(E2E_ACME_TOKEN).request('PUT', '/v1/tenants/demo/channels/x', { consumerSecret: 'whatever-secret' })).status).toBe(403);
        const unknownKey = await api.request<Problem>('PUT', '/v1/tenants/demo/channels/x', { consumerSecret: 'whatever-secret', password: 'hunter2hunter2' });
        expect(unknownKey.status).toBe(400);
        expect(unknownKey.body.errors!.map((e) => e.field)).toEqual(['password']);
        const missing = await api.request<Problem>('PUT', '/v1/tenants/demo/channels/instagram', { verifyToken: 'only-the-token' });
        expect(missing.body.errors).toEqual([{ field: 'appSecret', message: 'appSecret is required for channel instagram' }]);
        expect((await api.request<Problem>('PUT', '/v1/tenants/demo/channels/myspace', { webhookSecret: 'whatever-secret' })).status).toBe(404);
      });
    });

    describe('a Meta channel (facebook)', () => {
      it("answers the subscription handshake with hub.challenge as text when the verify token matches, 403 when it doesn't", async () => {
        const ok = await platformCall('GET', `/v1/webhooks/demo/facebook?hub.mode=subscribe&hub.verify_token=${FACEBOOK.verifyToken}&hub.challenge=1158201444`);
        expect(ok.status).toBe(200);
        expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await ok.text()).toBe('1158201444');
        const wrong = await platformCall('GET', '/v1/webhooks/demo/facebook?hub.mode=subscribe&hub.verify_token=guessed&hub.challenge=1158201444');
        expect(wrong.status).toBe(403);
        expect(wrong.headers.get('content-type')).toContain('application/problem+json');
        const problem = (await wrong.json()) as Problem & { instance: string };
        expect(problem.type).toBe('/problems/webhook-authentication');
        // The query carries the verify token: the problem (and any log of it) names the path only.
        expect(problem.instance).toBe('/v1/webhooks/demo/facebook');
      });

      it('turns a signed delivery into searchable mentions of one conversation, and a redelivery into duplicates', async () => {
        const body = fixtureBytes('facebook', 'feed-comments.json');
        const first = await postSigned('facebook', body, 'x-hub-signature-256', sign(FACEBOOK.appSecret, body, 'hex'));
        expect(first.status).toBe(200);
        expect(first.body).toMatchObject({ accepted: 2, duplicates: 0 });

        const [root, reply] = await Promise.all(first.body.mentions.map((m) => storyOf(m.id)));
        expect(root.mention.text).toBe('Mon Aurora X5 ne charge plus depuis la mise à jour 😤 Vous comptez corriger ça ?');
        expect(reply.mention.conversationId).toBe(root.mention.conversationId);
        expect(reply.case.id).toBe(root.case.id);
        await waitFor(async () => ((await searchTotal('channel:facebook')) === 2 ? true : undefined), patienceMs, 'the facebook mentions to be searchable');
        expect(await searchTotal('البطارية')).toBe(1);

        const again = await postSigned('facebook', body, 'x-hub-signature-256', sign(FACEBOOK.appSecret, body, 'hex'));
        expect(again.status).toBe(200);
        expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
        expect(again.body.mentions.map((m) => m.id)).toEqual(first.body.mentions.map((m) => m.id));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await searchTotal('channel:facebook')).toBe(2);
      });

      it('refuses a bad signature with 403 and ingests nothing', async () => {
        const body = fixtureBytes('facebook', 'feed-edited-post.json');
        const forged = await postSigned('facebook', body, 'x-hub-signature-256', sign('not-the-app-secret', body, 'hex'));
        expect(forged.status).toBe(403);
        expect(forged.type).toContain('application/problem+json');
        expect(forged.body.type).toBe('/problems/webhook-authentication');
        const unsigned = await platformCall('POST', '/v1/webhooks/demo/facebook', body);
        expect(unsigned.status).toBe(401);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await searchTotal('çatladı')).toBe(0);
      });

      it('answers a payload that does not map with 400 naming the field, and an unknown channel with 404', async () => {
        const body = Buffer.from(JSON.stringify({ object: 'page', entry: [{ id: '1', time: 1, changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', message: 'hola', post_id: '1_2', comment_id: '2_3', created_time: 1 } }] }] }));
        const unmapped = await postSigned('facebook', body, 'x-hub-signature-256', sign(FACEBOOK.appSecret, body, 'hex'));
        expect(unmapped.status).toBe(400);
        expect(unmapped.body.errors).toEqual([{ field: 'entry[0].changes[0].value.from', message: 'entry[0].changes[0].value.from must be an object' }]);
        expect((await platformCall('POST', '/v1/webhooks/demo/myspace', body)).status).toBe(404);
        expect((await platformCall('POST', '/v1/webhooks/nobody/facebook', body)).status).toBe(404);
      });
    });

    describe('X', () => {
      it('answers the CRC challenge with the HMAC of crc_token under the consumer secret', async () => {
        const response = await platformCall('GET', '/v1/webhooks/demo/x?crc_token=e2e-crc-token');
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ response_token: sign(X_SECRET, Buffer.from('e2e-crc-token'), 'base64') });
      });

      it('accepts a signed v2 delivery, threading the reply and the quote into the root post’s conversation', async () => {
        const body = fixtureBytes('x', 'replies-and-quotes.json');
        const received = await postSigned('x', body, 'x-twitter-webhooks-signature', sign(X_SECRET, body, 'base64'));
        expect(received.status).toBe(200);
        expect(received.body.accepted).toBe(3);
        const stories = await Promise.all(received.body.mentions.map((m) => storyOf(m.id)));
        expect(new Set(stories.map((s) => s.mention.conversationId))).toEqual(new Set(['x:1863000000000000001']));
        const forged = await postSigned('x', body, 'x-twitter-webhooks-signature', sign(X_SECRET, body, 'hex'));
        expect(forged.status).toBe(403);
      });
    });

    describe('a shared-secret channel (chat)', () => {
      it('accepts a body signed with the tenant’s webhook secret, whatever its content type, and refuses an unsigned one', async () => {
        const body = fixtureBytes('chat', 'messages.json');
        const unsigned = await platformCall('POST', '/v1/webhooks/demo/chat', body);
        expect(unsigned.status).toBe(401);
        const received = await postSigned('chat', body, 'x-cxm-signature-256', sign(CHAT_SECRET, body, 'hex'), 'text/plain; charset=utf-8');
        expect(received.status).toBe(200);
        expect(received.body).toMatchObject({ accepted: 3, duplicates: 0 });
        const voice = await storyOf(received.body.mentions[2].id);
        const tooLarge = Buffer.from(JSON.stringify({ messages: [{ id: 'big', text: 'ü'.repeat(150_000) }] }));
        const refused = await postSigned('chat', tooLarge, 'x-cxm-signature-256', sign(CHAT_SECRET, tooLarge, 'hex'));
        expect([refused.status, refused.body.type]).toEqual([413, '/problems/payload-too-large']);
        expect(voice.mention.text).toBe('Hallo, mein X5 startet seit gestern ständig neu.\nJa, und ich will jetzt mein Geld zurück.');
      });
    });
  });
}
