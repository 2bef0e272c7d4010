import { CanonicalMention, Classification, conversationKey, createEvent, EventEnvelope, Mention, MentionReceivedPayload } from '@cxm/contracts';
import { randomUUID } from 'node:crypto';

/** A valid canonical mention; override what the test is about. */
export function aCanonicalMention(overrides: Partial<CanonicalMention> = {}): CanonicalMention {
  const externalId = overrides.externalId ?? `ext-${randomUUID()}`;
  return {
    tenantId: 'demo',
    channel: 'x',
    externalId,
    author: { id: 'author-1', handle: '@ana', displayName: 'Ana' },
    text: 'My Aurora X5 battery dies by noon, this is unacceptable',
    createdAt: '2026-11-20T10:00:00.000Z',
    target: '@aurora_mobile',
    ...overrides,
  };
}

export function aMention(overrides: Partial<Mention> = {}): Mention {
  const id = overrides.id ?? randomUUID();
  return {
    ...aCanonicalMention(overrides),
    id,
    conversationId: overrides.conversationId ?? id,
    receivedAt: '2026-11-20T10:00:01.000Z',
    ...overrides,
  };
}

export function aClassification(overrides: Partial<Classification> = {}): Classification {
  return {
    language: { code: 'en', confidence: 0.99 },
    sentiment: { label: 'negative', score: -0.6 },
    intent: { label: 'complaint', confidence: 0.8 },
    modelVersion: 'test',
    ...overrides,
  };
}

/** A `mentions.raw` event for a mention, keyed by its conversation like the ingest service does. */
export function aMentionReceivedEvent(mention: Mention = aMention()): EventEnvelope<MentionReceivedPayload> {
  return createEvent('mentions.raw', {
    tenantId: mention.tenantId,
    correlationId: mention.id,
    key: conversationKey(mention.tenantId, mention.conversationId),
    payload: { mention },
  });
}
