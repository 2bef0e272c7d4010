import { Mention } from '../mentions/mention';
import { v5 as uuidv5 } from 'uuid';
import { conversationKey, createEvent, CXM_ID_NAMESPACE, deriveId } from './event-factory';
import { assertValidEvent } from './event-validation';
import { CURRENT_SCHEMA_VERSION } from './topics';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('createEvent', () => {
  // Built here, not with @cxm/testing: that lib depends on contracts (a circular project dependency).
  const mention: Mention = {
    tenantId: 'demo',
    channel: 'x',
    externalId: 'ext-1',
    author: { id: 'author-1', handle: '@ana', displayName: 'Ana' },
    text: 'hello',
    createdAt: '2026-11-20T10:00:00.000Z',
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    conversationId: 'x:ext-1',
    receivedAt: '2026-11-20T10:00:01.000Z',
  };
  const base = { tenantId: 'demo', correlationId: mention.id, key: conversationKey('demo', mention.conversationId), payload: { mention } };

  it('fills the envelope from the topic catalogue so the event validates', () => {
    const event = createEvent('mentions.raw', base);
    expect(event).toMatchObject({ type: 'mention.received', schemaVersion: CURRENT_SCHEMA_VERSION, tenantId: 'demo', key: `demo/${mention.conversationId}` });
    expect(() => assertValidEvent('mentions.raw', event)).not.toThrow();
  });

  it('derives the same event id from the same causation id', () => {
    const first = createEvent('mentions.raw', { ...base, causationId: 'cause-1' });
    const again = createEvent('mentions.raw', { ...base, causationId: 'cause-1', occurredAt: '2030-01-01T00:00:00.000Z' });
    expect(first.eventId).toMatch(UUID);
    expect(again.eventId).toBe(first.eventId);
  });

  it('derives different event ids for different causes and for different topics of one cause', () => {
    const raw = createEvent('mentions.raw', { ...base, causationId: 'cause-1' });
    expect(createEvent('mentions.raw', { ...base, causationId: 'cause-2' }).eventId).not.toBe(raw.eventId);
    expect(raw.eventId).toBe(deriveId('mention.received', 'cause-1'));
  });

  it('gives a fresh event id every time when there is no causation id', () => {
    const a = createEvent('mentions.raw', base);
    const b = createEvent('mentions.raw', base);
    expect(a.eventId).toMatch(UUID);
    expect(b.eventId).toMatch(UUID);
    expect(a.eventId).not.toBe(b.eventId);
  });

  it('keeps a given occurredAt', () => {
    expect(createEvent('mentions.raw', { ...base, occurredAt: '2026-11-20T10:00:00.000Z' }).occurredAt).toBe('2026-11-20T10:00:00.000Z');
  });
});

describe('deriveId', () => {
  it('is stable for the same parts', () => {
    expect(deriveId('mention', 'demo', 'x', '42')).toBe(deriveId('mention', 'demo', 'x', '42'));
    expect(deriveId('mention', 'demo', 'x', '42')).toMatch(UUID);
  });

  it('differs when any part differs', () => {
    const id = deriveId('mention', 'demo', 'x', '42');
    expect(deriveId('mention', 'demo', 'x', '43')).not.toBe(id);
    expect(deriveId('mention', 'other', 'x', '42')).not.toBe(id);
    expect(deriveId('profile', 'demo', 'x', '42')).not.toBe(id);
  });

  it('does not confuse parts that concatenate to the same text', () => {
    expect(deriveId('ab', 'c')).not.toBe(deriveId('a', 'bc'));
    expect(deriveId('a:b')).not.toBe(deriveId('a', 'b'));
  });
});

describe('deriveId', () => {
  const parts: string[][] = [
    [],
    [''],
    ['', ''],
    ['mention', 'demo', 'x', '1861234567890'],
    ['mention', 'demo', 'telegram', 'Где мой заказ?'],
    ['mention', 'demo', 'line', 'ไม่พอใจมาก', 'Siparişim nerede?'],
    ['native-payload', 'كيف يمكنني إرجاع الهاتف؟', 'مرحبا'],
    ['mention', '注文した商品がまだ届きません', 'मेरा ऑर्डर कहाँ है?'],
    ['emoji', '😡🙌👩🏽‍💻🇹🇷', 'e\u0301 (combining accent)', '\uFEFF\u200Bzero width'],
    ['separator inside', 'a\u001fb', '\u0000nul'],
    ['long', 'ж'.repeat(100_000)],
    ['long ascii', 'x'.repeat(65_537)],
    ['astral', '𝒳𝓎𝓏 𠜎𠜱𠝹'],
    // Around the size encoded in deriveId's reused buffer (1,024 UTF-16 units, three bytes each at most).
    ['日'.repeat(1_022)],
    ['日'.repeat(1_023)],
    ['日'.repeat(1_024)],
    ['a', '日'.repeat(1_023)],
    ['😡'.repeat(512)],
    ['😡'.repeat(513)],
  ];

  it.each(parts.map((p) => [JSON.stringify(p).slice(0, 70), p]))('gives the uuid v5 that the uuid package gives for %s', (_, p) => {
    expect(deriveId(...(p as string[]))).toBe(uuidv5((p as string[]).join('\u001f'), CXM_ID_NAMESPACE));
  });

  it('agrees with the uuid package over many generated names in many scripts', () => {
    const alphabet = [...'abcXYZ019 -_/:@#.', ...'жщЯ', ...'çğışöü', ...'ไทย', ...'عربي', ...'日本語カナ', ...'हिंदी', '😡', '🙌', '👩🏽‍💻', '\u001f', '\u0000'];
    // A seeded generator of its own: @cxm/testing's TestRandom depends on contracts (a circular project dependency).
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let n = 0; n < 2_000; n++) {
      const name = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(deriveId('mention', 'demo', name)).toBe(uuidv5(`mention\u001fdemo\u001f${name}`, CXM_ID_NAMESPACE));
    }
  });

  it('gives a short name its own id after a long one (nothing of the longer name is hashed with it)', () => {
    const short = deriveId('mention', 'demo', 'x', '1');
    deriveId('mention', 'demo', 'x', '9'.repeat(1_000));
    expect(deriveId('mention', 'demo', 'x', '1')).toBe(short);
    expect(short).toBe(uuidv5('mention\u001fdemo\u001fx\u001f1', CXM_ID_NAMESPACE));
  });

  it('is a version 5, RFC variant uuid', () => {
    expect(deriveId('mention', 'demo', 'x', '1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a lone surrogate as the uuid package does', () => {
    expect(() => uuidv5('\ud800', CXM_ID_NAMESPACE)).toThrow(URIError);
    expect(() => deriveId('\ud800')).toThrow(URIError);
  });
});
