import type { RequestTemplate, Workload } from '@cxm/demo';
import { E2E_ADMIN_TOKEN, startAllInOneTarget, Target } from './support/all-in-one-target';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(60_000);

/**
 * The deliveries `npm run bench:ingest` sends are what the platforms send: every kind of its mixed
 * workload, generated from the documented native shapes, signed as its platform signs, must be
 * accepted whole by the real connectors — else the benchmark would measure refusals.
 */
describe('bench:ingest mixed workload against the all-in-one', () => {
  const receiver = new WebhookReceiver();
  let target: Target;
  let workload: Workload;
  // Loaded as main.ts loads it (the demo lib is lazy-loaded by the app).
  let demo: typeof import('@cxm/demo');
  const firstOfEachKind = new Map<string, RequestTemplate>();

  beforeAll(async () => {
    target = await startAllInOneTarget(await receiver.start());
    demo = await import('@cxm/demo');
    workload = demo.mixedWorkload();
    for (const template of workload.deck) if (!firstOfEachKind.has(template.kind)) firstOfEachKind.set(template.kind, template);
    for (const { channel, body } of workload.channelSettings) {
      const answer = await target.api.request('PUT', `/v1/tenants/${demo.BENCH_TENANT}/channels/${channel}`, body);
      expect(answer.status).toBe(200);
    }
  });

  afterAll(async () => {
    await target?.stop();
    await receiver.stop();
  });

  const send = (template: RequestTemplate, n: number) => {
    const { body, headers } = demo.renderSend(template, n, E2E_ADMIN_TOKEN);
    // Webhooks carry no bearer token: their signature is all the authentication they have.
    return target.api.withToken(undefined).request<{ accepted?: number; duplicates?: number; duplicate?: boolean }>('POST', template.path, body, headers);
  };

  it('covers every push and relay channel, bulk import and the canonical API', () => {
    expect([...firstOfEachKind.keys()].sort()).toEqual(['api', 'appstore', 'chat', 'email', 'facebook', 'import', 'instagram', 'messenger', 'reddit', 'reviews', 'whatsapp', 'x', 'youtube']);
  });

  it('has every kind accepted whole: each item of a delivery becomes one new mention', async () => {
    // One number per send, as the bench uses them (the import batch and the single posts share demo mentions).
    let n = 100;
    for (const [kind, template] of firstOfEachKind) {
      const answer = await send(template, n++);
      const accepted = kind === 'api' ? (answer.status === 202 ? 1 : 0) : answer.body.accepted;
      expect({ kind, status: answer.status, accepted, duplicates: answer.body.duplicates ?? 0 }).toEqual({ kind, status: kind === 'api' ? 202 : 200, accepted: template.mentions, duplicates: 0 });
    }
  });

  it('gives every send new native ids, so only a repeat of the same send is a duplicate', async () => {
    const reddit = firstOfEachKind.get('reddit')!;
    const fresh = await send(reddit, 2);
    const repeated = await send(reddit, 2);
    expect([fresh.body.accepted, fresh.body.duplicates]).toEqual([reddit.mentions, 0]);
    expect([repeated.body.accepted, repeated.body.duplicates]).toEqual([0, reddit.mentions]);
  });

  it('signs as the platform does: the same body with another number but the old signature is refused', async () => {
    const whatsapp = firstOfEachKind.get('whatsapp')!;
    const signed = demo.renderSend(whatsapp, 3, E2E_ADMIN_TOKEN);
    const tampered = demo.renderSend(whatsapp, 4, E2E_ADMIN_TOKEN).body;
    const answer = await target.api.withToken(undefined).request('POST', whatsapp.path, tampered, signed.headers);
    expect(answer.status).toBe(403);
  });
});
