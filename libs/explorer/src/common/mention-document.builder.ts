import { MentionDocument } from '@cxm/platform-index';
import { randomUUID } from 'node:crypto';

/** For tests: an indexed mention; override what the test is about. */
export function aMentionDocument(overrides: Partial<MentionDocument> = {}): MentionDocument {
  return {
    id: randomUUID(),
    tenantId: 'demo',
    version: 1,
    channel: 'x',
    externalId: randomUUID(),
    text: 'Aurora X5 battery died again 😡',
    createdAt: '2026-11-20T10:00:00.000Z',
    authorId: 'a1',
    authorHandle: '@ana',
    authorDisplayName: 'Ana',
    conversationId: 'c1',
    lang: 'en',
    sentiment: 'negative',
    intent: 'complaint',
    intents: ['complaint'],
    ...overrides,
  };
}
