import { aCanonicalMention, waitFor } from '@cxm/testing';
import { ApiClient } from './api-client';
import { Target } from './all-in-one-target';
import { WebhookReceiver } from './webhook-receiver';

interface Story {
  id: string;
  stage: string;
  mention: { text: string; conversationId: string };
  classification: { language: { code: string }; sentiment: { label: string }; intent: { label: string }; modelVersion: string };
  profileId: string;
  case: { id: string; queue: string; priority: number };
  replies: { id: string; origin: string; text: string; delivery: { status: string; attempts: number } }[];
}

/**
 * One mention's whole life over the public HTTP API. The same scenarios run against every way of
 * deploying the system: the all-in-one, and the services as separate processes on Kafka,
 * Elasticsearch and MongoDB behind the gateway.
 */
export function describeMentionLifecycle(deployment: string, startTarget: (outboundUrl: string) => Promise<Target>, patienceMs: number): void {
  describe(`one mention, end to end through every service (${deployment})`, () => {
    let receiver: WebhookReceiver;
    let target: Target;
    let api: ApiClient;

    beforeAll(async () => {
      receiver = new WebhookReceiver();
      target = await startTarget(await receiver.start());
      api = target.api;
    });

    afterAll(async () => {
      await target?.stop();
      await receiver?.stop();
    });

    const storyOf = (id: string, until: (s: Story) => boolean) =>
      waitFor(async () => {
        const { status, body } = await api.get<Story>(`/v1/mentions/${id}`, { 'x-tenant-id': 'demo' });
        return status === 200 && until(body) ? body : undefined;
      }, patienceMs, `mention ${id}`);

    it('is classified, searchable, on a profile, in a case and acknowledged on the platform', async () => {
      const mention = aCanonicalMention({
        externalId: 'tweet-1001',
        author: { id: '42', handle: '@mara', displayName: 'Mara', followers: 120 },
        text: 'My Aurora X5 battery is broken again. Worst phone ever, I want a refund! 😡',
      });
      const accepted = await api.post<{ id: string }>('/v1/mentions', mention);
      expect(accepted.status).toBe(202);
      const { id } = accepted.body;

      // The explorer folds each topic on its own consumer, so replies.sent may be applied before
      // cases.routed: wait for both rather than for one and assume the other.
      const story = await storyOf(id, (s) => s.replies?.[0]?.delivery.status === 'delivered' && s.stage === 'routed' && s.profileId !== undefined);
      expect(story.stage).toBe('routed');
      expect(story.classification).toMatchObject({ language: { code: 'en' }, sentiment: { label: 'negative' }, intent: { label: 'complaint' } });
      expect(story.case.queue).toBe('care');
      expect(story.replies).toHaveLength(1);
      expect(story.replies[0]).toMatchObject({ origin: 'auto', delivery: { status: 'delivered', attempts: 1 } });

      const profile = await api.get<{ handle: string; timeline: { mentionId: string }[] }>(`/v1/profiles/${story.profileId}`);
      expect(profile.status).toBe(200);
      expect(profile.body.handle).toBe('@mara');
      expect(profile.body.timeline.map((e) => e.mentionId)).toEqual([id]);

      const supportCase = await api.get<{ queue: string; mentionIds: string[]; status: string }>(`/v1/cases/${story.case.id}`);
      expect(supportCase.body).toMatchObject({ queue: 'care', status: 'open', mentionIds: [id] });

      // Search is near-real-time on a real index: wait for the refresh, then check.
      const search = await waitFor(async () => {
        const found = await api.get<{ items: { id: string }[]; total: number }>(`/v1/search?q=${encodeURIComponent('battery intent:complaint lang:en')}`);
        return found.body.items?.some((i) => i.id === id) ? found : undefined;
      }, patienceMs, 'the mention to be searchable');
      expect(search.status).toBe(200);
      const miss = await api.get<{ total: number }>(`/v1/search?q=${encodeURIComponent('battery sentiment:positive')}`);
      expect(miss.body.total).toBe(0);

      await waitFor(() => (receiver.received.some((r) => r.idempotencyKey === story.replies[0].id) ? true : undefined));
      const deliveries = receiver.received.filter((r) => r.idempotencyKey === story.replies[0].id);
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0].path).toBe('/x');
      expect(deliveries[0].body).toMatchObject({ inReplyTo: 'tweet-1001', text: story.replies[0].text });
    });

    it('answers a repeat of the same mention with the same id and processes it once', async () => {
      const mention = aCanonicalMention({ externalId: 'tweet-dup', text: 'Where can I buy the Aurora Buds? How much are they?' });
      const first = await api.post<{ id: string }>('/v1/mentions', mention);
      const again = await api.post<{ id: string; duplicate: boolean }>('/v1/mentions', mention);
      expect(first.status).toBe(202);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ id: first.body.id, duplicate: true });
      // The explorer folds each topic on its own: in the distributed run `cases.routed` can be folded
      // before `profiles.updated`, so wait for the profile's id as well as the stage.
      const story = await storyOf(first.body.id, (s) => s.stage === 'routed' && s.profileId !== undefined);
      const profile = await api.get<{ timeline: { mentionId: string }[] }>(`/v1/profiles/${story.profileId}`);
      expect(profile.status).toBe(200);
      expect(profile.body.timeline.filter((e) => e.mentionId === first.body.id)).toHaveLength(1);
    });

    it('threads a reply into the open case of its conversation', async () => {
      const root = aCanonicalMention({ externalId: 'post-root', author: { id: 'u-7', handle: '@li', displayName: 'Li' }, text: 'The Aurora app keeps crashing, this is terrible' });
      const reply = aCanonicalMention({ externalId: 'post-reply', inReplyTo: 'post-root', author: { id: 'u-7', handle: '@li', displayName: 'Li' }, text: 'Still crashing today. Not fixed.', createdAt: '2026-11-20T11:00:00.000Z' });
      const rootId = (await api.post<{ id: string }>('/v1/mentions', root)).body.id;
      const rootStory = await storyOf(rootId, (s) => s.stage === 'routed');
      const replyId = (await api.post<{ id: string }>('/v1/mentions', reply)).body.id;
      const replyStory = await storyOf(replyId, (s) => s.stage === 'routed');
      expect(replyStory.mention.conversationId).toBe(rootStory.mention.conversationId);
      expect(replyStory.case.id).toBe(rootStory.case.id);
      const supportCase = await api.get<{ mentionIds: string[] }>(`/v1/cases/${rootStory.case.id}`);
      expect(supportCase.body.mentionIds).toEqual([rootId, replyId]);
    });

    it("delivers an agent's reply once, however often the client retries it", async () => {
      const mention = aCanonicalMention({ externalId: 'praise-1', text: 'Thank you Aurora, the new update is amazing! Love it ❤️' });
      const id = (await api.post<{ id: string }>('/v1/mentions', mention)).body.id;
      const story = await storyOf(id, (s) => s.stage === 'routed');
      expect(story.case.queue).toBe('engagement');
      expect(story.replies).toEqual([]);

      const headers = { 'idempotency-key': 'agent-7-thanks' };
      const first = await api.post<{ id: string }>(`/v1/cases/${story.case.id}/replies`, { text: 'So glad you like it!' }, headers);
      const retry = await api.post<{ id: string }>(`/v1/cases/${story.case.id}/replies`, { text: 'So glad you like it!' }, headers);
      expect(first.status).toBe(202);
      expect(retry.body.id).toBe(first.body.id);

      const answered = await storyOf(id, (s) => s.replies.length === 1 && s.replies[0].delivery.status === 'delivered');
      expect(answered.replies[0]).toMatchObject({ id: first.body.id, origin: 'agent', text: 'So glad you like it!' });
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.received.filter((r) => r.idempotencyKey === first.body.id)).toHaveLength(1);
    });
  });
}
