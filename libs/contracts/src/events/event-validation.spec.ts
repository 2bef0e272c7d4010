import { Mention } from '../mentions/mention';
import { conversationKey, createEvent } from './event-factory';
import { assertValidEvent, InvalidEventError } from './event-validation';

// Local builders: @cxm/testing depends on contracts, so importing it here would be a circular
// project dependency (the module-boundaries lint rule refuses it).
function aMention(overrides: Partial<Mention> = {}): Mention {
  return {
    tenantId: 'demo',
    channel: 'x',
    externalId: 'ext-1',
    author: { id: 'author-1', handle: '@ana', displayName: 'Ana' },
    text: 'My Aurora X5 battery dies by noon',
    createdAt: '2026-11-20T10:00:00.000Z',
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    conversationId: 'x:ext-1',
    receivedAt: '2026-11-20T10:00:01.000Z',
    ...overrides,
  };
}

function aMentionReceivedEvent(mention: Mention = aMention()) {
  return createEvent('mentions.raw', {
    tenantId: mention.tenantId,
    correlationId: mention.id,
    key: conversationKey(mention.tenantId, mention.conversationId),
    payload: { mention },
  });
}

/** Runs the check and returns what it threw (or undefined), so tests can look at the problems. */
function problemsOf(topic: string, event: unknown): InvalidEventError | undefined {
  try {
    assertValidEvent(topic, event);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
}

describe('assertValidEvent', () => {
  it('accepts a valid mentions.raw event', () => {
    expect(() => assertValidEvent('mentions.raw', aMentionReceivedEvent())).not.toThrow();
  });

  it('accepts an event that went through JSON, as consumers read it', () => {
    const event = JSON.parse(JSON.stringify(aMentionReceivedEvent())) as unknown;
    expect(() => assertValidEvent('mentions.raw', event)).not.toThrow();
  });

  it('rejects an unknown topic', () => {
    const error = problemsOf('mentions.cooked', aMentionReceivedEvent());
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error?.topic).toBe('mentions.cooked');
    expect(error?.problems).toEqual(['unknown topic mentions.cooked']);
  });

  it('rejects an event whose type is not the one its topic carries', () => {
    const event = { ...aMentionReceivedEvent(), type: 'mention.classified' };
    const error = problemsOf('mentions.raw', event);
    expect(error?.problems).toEqual(['type: expected mention.received, got mention.classified']);
  });

  it('rejects a schema version the topic does not support', () => {
    const event = { ...aMentionReceivedEvent(), schemaVersion: 2 };
    const error = problemsOf('mentions.raw', event);
    expect(error?.problems).toEqual(['schemaVersion: 2 is not supported']);
  });

  it('rejects an invalid payload field and names its path', () => {
    const event = aMentionReceivedEvent(aMention({ channel: 'carrier-pigeon' as never }));
    const error = problemsOf('mentions.raw', event);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error?.problems.some((p) => p.startsWith('payload.mention.channel:'))).toBe(true);
    expect(error?.message).toContain('payload.mention.channel');
  });

  it('rejects a payload whose nested author is missing a required field', () => {
    const mention = aMention();
    const event = aMentionReceivedEvent({ ...mention, author: { ...mention.author, handle: '' } });
    expect(problemsOf('mentions.raw', event)?.problems.some((p) => p.startsWith('payload.mention.author.handle:'))).toBe(true);
  });

  it.each(['eventId', 'type', 'tenantId', 'occurredAt', 'correlationId', 'key', 'payload'])('rejects an event without its envelope field %s', (field) => {
    const event: Record<string, unknown> = { ...aMentionReceivedEvent() };
    delete event[field];
    const error = problemsOf('mentions.raw', event);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error?.problems.some((p) => p.startsWith(`${field}:`))).toBe(true);
  });

  it('rejects an event id that is not a UUID', () => {
    const error = problemsOf('mentions.raw', { ...aMentionReceivedEvent(), eventId: 'not-a-uuid' });
    expect(error?.problems.some((p) => p.startsWith('eventId:'))).toBe(true);
  });

  it.each([['a string', 'hello'], ['a number', 42], ['an array', []]])('rejects %s as an invalid event', (_what, value) => {
    expect(problemsOf('mentions.raw', value)).toBeInstanceOf(InvalidEventError);
  });

  // Regression test (found by review, fixed):
  it('rejects null as an invalid event', () => {
    expect(problemsOf('mentions.raw', null)).toBeInstanceOf(InvalidEventError);
  });
});
