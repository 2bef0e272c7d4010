import { aCanonicalMention, waitFor } from '@cxm/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AllInOneProcess, freePort } from './support/all-in-one-process';
import { ApiClient } from './support/api-client';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(120_000);

interface Story {
  stage: string;
  profileId?: string;
  case?: { id: string };
  replies: { id: string; delivery: { status: string } }[];
}

const TOKEN = 'durability-admin-token-0123456789';
const MENTIONS = 60;

describe('a mention that got 202 survives kill -9', () => {
  const receiver = new WebhookReceiver(50);
  let proc: AllInOneProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-durability-'));

  afterAll(async () => {
    await proc?.stop();
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is processed after a restart — none lost, none processed twice, no customer answered twice', async () => {
    const outbound = await receiver.start();
    const port = String(await freePort());
    const env = {
      PORT: port,
      CXM_DATA_DIR: dataDir,
      CXM_ADMIN_TOKEN: TOKEN,
      CXM_OUTBOUND_WEBHOOKS: `*=${outbound}/{channel}`,
      CXM_LOG_LEVEL: 'warn',
    };
    const api = new ApiClient(`http://127.0.0.1:${port}`, TOKEN);
    proc = new AllInOneProcess(env);
    await proc.start();

    // Complaints from distinct authors: each opens its own case and earns one acknowledgement.
    const mentions = Array.from({ length: MENTIONS }, (_, i) =>
      aCanonicalMention({ externalId: `crash-${i}`, author: { id: `author-${i}`, handle: `@a${i}`, displayName: `A ${i}` }, text: `Battery broken again, I want a refund now (${i})` }),
    );
    const accepted = await Promise.all(mentions.map((m) => api.post<{ id: string }>('/v1/mentions', m)));
    expect(accepted.map((a) => a.status)).toEqual(mentions.map(() => 202));
    await proc.kill();
    const ids = accepted.map((a) => a.body.id);

    proc = new AllInOneProcess(env);
    await proc.start();
    const stories = await waitFor(async () => {
      const all = await Promise.all(ids.map((id) => api.get<Story>(`/v1/mentions/${id}`)));
      const done = all.every((s) => s.status === 200 && s.body.replies.length > 0 && s.body.replies.every((r) => r.delivery.status === 'delivered'));
      return done ? all.map((s) => s.body) : undefined;
    }, 60_000, 'every accepted mention to be processed after the restart');

    for (const [i, story] of stories.entries()) {
      expect(story.stage).toBe('routed');
      expect(story.replies).toHaveLength(1);
      const profile = await api.get<{ mentionCount: number; timeline: { mentionId: string }[] }>(`/v1/profiles/${story.profileId}`);
      expect(profile.body.timeline.map((e) => e.mentionId)).toEqual([ids[i]]);
      expect(profile.body.mentionCount).toBe(1);
      const supportCase = await api.get<{ mentionIds: string[] }>(`/v1/cases/${story.case!.id}`);
      expect(supportCase.body.mentionIds).toEqual([ids[i]]);
    }
    const replyIds = stories.map((s) => s.replies[0].id);
    const keysReceived = new Set(receiver.received.map((r) => r.idempotencyKey));
    expect([...keysReceived].sort()).toEqual([...replyIds].sort());

    const search = await api.get<{ total: number }>('/v1/search?q=battery');
    expect(search.body.total).toBe(MENTIONS);
  });
});
