import { EventEnvelope, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { loadPlatformConfig } from '@cxm/platform-config';
import { ProblemException } from '@cxm/platform-http';
import { createLogger, silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { collectEvents, waitForQuietBus } from '@cxm/testing';
import { Writable } from 'node:stream';
import { AcceptMention } from '../accept-mention/accept-mention.usecase';
import { ChannelSettingsRepository } from '../channel-settings/channel-settings.repository';
import { ConnectorRegistry } from '../connectors/connector-registry';
import { META_SIGNATURE } from '../connectors/meta/meta-webhook';
import { delivery, editedFixture, fixture, signedDelivery } from '../connectors/shared/connector-test-kit';
import { SHARED_SECRET_SCHEME } from '../connectors/shared/hmac-signature';
import { ReceiveWebhook } from './receive-webhook.usecase';

const APP_SECRET = 'facebook-app-secret-0042';
const FACEBOOK = `${__dirname}/../connectors/facebook`;

describe('ReceiveWebhook', () => {
  let bus: EmbeddedEventBus;
  let raw: EventEnvelope<PayloadOf['mentions.raw']>[];
  let logs: string[];
  let receiveWebhook: ReceiveWebhook;

  beforeEach(async () => {
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 }, logger: silentLogger() });
    raw = collectEvents(bus, 'mentions.raw');
    await bus.start();
    const store = new EmbeddedDocumentStore();
    logs = [];
    const logger = createLogger({ level: 'info', service: 'test', destination: new Writable({ write: (chunk, _encoding, done) => done(void logs.push(String(chunk))) }) });
    const settings = new ChannelSettingsRepository(store);
    await settings.replace('demo', 'facebook', { appSecret: APP_SECRET, verifyToken: 'facebook-verify-token' });
    await settings.replace('demo', 'chat', { webhookSecret: 'chat-shared-secret' });
    receiveWebhook = new ReceiveWebhook(new ConnectorRegistry(), settings, new AcceptMention(bus, store, silentLogger()), loadPlatformConfig({ CXM_TENANTS: 'demo,acme' }), logger);
  });

  afterEach(() => bus.stop());

  const facebookCall = (body: Buffer | string, secret = APP_SECRET, tenantId = 'demo') => ({ tenantId, channel: 'facebook', delivery: signedDelivery(body, META_SIGNATURE, secret) });

  /** The problem a call is refused with. */
  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).problem;
  }

  it("accepts each mapped mention under the route's tenant, with its native payload, in delivery order", async () => {
    const receipt = await receiveWebhook.receive(facebookCall(fixture(FACEBOOK, 'feed-comments.json')));
    await waitForQuietBus(bus);

    expect(receipt).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(receipt.mentions.map((m) => m.externalId)).toEqual(['998877665544332_1122334455667788', '998877665544332_1122334455669999']);
    expect(raw.map((e) => [e.tenantId, e.payload.mention.channel, e.payload.mention.conversationId])).toEqual([
      ['demo', 'facebook', 'facebook:106543210987654_998877665544332'],
      ['demo', 'facebook', 'facebook:106543210987654_998877665544332'],
    ]);
  });

  it("accepts a delivery's mentions side by side but publishes a reply after the parent it follows in the same delivery", async () => {
    const message = (id: string, text: string, inReplyTo?: string) => ({
      id,
      conversationId: 'widget-session-77',
      type: 'chat',
      sender: { id: 'visitor-8', name: 'Ayşe Yılmaz', role: 'customer' },
      text,
      sentAt: '2026-12-01T09:00:00Z',
      ...(inReplyTo ? { inReplyTo } : {}),
    });
    const body = JSON.stringify({
      messages: [
        message('m-1', 'Siparişim hâlâ gelmedi 😕'),
        message('m-2', 'Kargo takip numarası da çalışmıyor', 'm-1'),
        message('m-3', 'Заказ №88 тоже не пришёл'),
        message('m-4', 'Cevap bekliyorum', 'm-2'),
      ],
    });
    // The first message is slow to accept: an unrelated one overtakes it, its replies wait for it.
    const store = new EmbeddedDocumentStore();
    const settings = new ChannelSettingsRepository(store);
    await settings.replace('demo', 'chat', { webhookSecret: 'chat-shared-secret' });
    class SlowFirstMessage extends AcceptMention {
      override async execute(...args: Parameters<AcceptMention['execute']>) {
        if (args[0].externalId === 'm-1') await new Promise((resolve) => setTimeout(resolve, 50));
        return super.execute(...args);
      }
    }
    const receive = new ReceiveWebhook(new ConnectorRegistry(), settings, new SlowFirstMessage(bus, store, silentLogger()), loadPlatformConfig({ CXM_TENANTS: 'demo' }), silentLogger());
    const receipt = await receive.receive({ tenantId: 'demo', channel: 'chat', delivery: signedDelivery(body, SHARED_SECRET_SCHEME, 'chat-shared-secret') });
    await waitForQuietBus(bus);

    expect(receipt).toMatchObject({ accepted: 4, duplicates: 0 });
    expect(receipt.mentions.map((m) => m.externalId)).toEqual(['m-1', 'm-2', 'm-3', 'm-4']);
    expect(raw.map((e) => e.payload.mention.externalId)).toEqual(['m-3', 'm-1', 'm-2', 'm-4']);
  });

  it('counts a redelivery as duplicates and publishes nothing more', async () => {
    const body = fixture(FACEBOOK, 'feed-comments.json');
    const first = await receiveWebhook.receive(facebookCall(body));
    const again = await receiveWebhook.receive(facebookCall(body));
    await waitForQuietBus(bus);

    expect(again).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(again.mentions.map((m) => m.id)).toEqual(first.mentions.map((m) => m.id));
    expect(raw).toHaveLength(2);
  });

  it('refuses a bad signature with 403 and a missing one with 401, logs tenant and channel but never the secret, accepts nothing', async () => {
    const body = fixture(FACEBOOK, 'feed-comments.json');
    expect(await refusal(receiveWebhook.receive(facebookCall(body, 'an-attackers-secret')))).toMatchObject({ status: 403, type: '/problems/webhook-authentication' });
    expect(await refusal(receiveWebhook.receive({ tenantId: 'demo', channel: 'facebook', delivery: delivery(body) }))).toMatchObject({ status: 401 });
    await waitForQuietBus(bus);

    expect(raw).toHaveLength(0);
    const warnings = logs.map((line) => JSON.parse(line)).filter((line) => line.msg === 'webhook refused: authentication failed');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ tenantId: 'demo', channel: 'facebook', level: 40 });
    expect(logs.join('')).not.toContain(APP_SECRET);
  });

  it('answers a payload that does not map with 400 naming the native field', async () => {
    const body = editedFixture(FACEBOOK, 'feed-comments.json', (p) => delete p.entry[0].changes[0].value.comment_id);
    const problem = await refusal(receiveWebhook.receive(facebookCall(body)));
    expect(problem).toMatchObject({ status: 400, errors: [{ field: 'entry[0].changes[0].value.comment_id' }] });
    await waitForQuietBus(bus);
    expect(raw).toHaveLength(0);
  });

  it('refuses the whole delivery when one mapped mention is not a valid mention, naming it', async () => {
    const body = editedFixture(FACEBOOK, 'feed-comments.json', (p) => (p.entry[0].changes[1].value.message = 'x'.repeat(20_001)));
    const problem = await refusal(receiveWebhook.receive(facebookCall(body)));
    expect(problem).toMatchObject({ status: 400, errors: [{ field: 'mentions[1].text' }] });
    await waitForQuietBus(bus);
    expect(raw).toHaveLength(0);
  });

  it('answers 404 for an unknown tenant, an unknown channel, and a channel the tenant has not set up', async () => {
    const body = fixture(FACEBOOK, 'feed-comments.json');
    expect((await refusal(receiveWebhook.receive(facebookCall(body, APP_SECRET, 'nobody')))).status).toBe(404);
    expect((await refusal(receiveWebhook.receive({ ...facebookCall(body), channel: 'myspace' }))).status).toBe(404);
    expect((await refusal(receiveWebhook.receive(facebookCall(body, APP_SECRET, 'acme')))).detail).toContain('not set up for tenant acme');
  });

  it("refuses a body over the channel's limit with 413, before mapping or accepting any of it", async () => {
    const huge = JSON.stringify({ messages: [{ id: '1', text: 'é'.repeat(200_000) }] });
    const problem = await refusal(receiveWebhook.receive({ tenantId: 'demo', channel: 'chat', delivery: signedDelivery(huge, SHARED_SECRET_SCHEME, 'chat-shared-secret') }));
    expect(problem).toMatchObject({ status: 413, type: '/problems/payload-too-large' });
  });

  it('answers the handshake of a channel that has one, and 405 for one that has none', async () => {
    const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'facebook-verify-token', 'hub.challenge': 'ch-77' };
    expect(await receiveWebhook.handshake({ tenantId: 'demo', channel: 'facebook', delivery: delivery('', {}, query, 'GET') })).toEqual({ body: 'ch-77', contentType: 'text/plain' });
    const wrong = await refusal(receiveWebhook.handshake({ tenantId: 'demo', channel: 'facebook', delivery: delivery('', {}, { ...query, 'hub.verify_token': 'nope' }, 'GET') }));
    expect(wrong.status).toBe(403);
    expect((await refusal(receiveWebhook.handshake({ tenantId: 'demo', channel: 'chat', delivery: delivery('', {}, {}, 'GET') }))).status).toBe(405);
  });
});
