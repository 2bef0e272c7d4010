import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, IsString, MetadataStorage, MinLength, validateSync, ValidationError } from 'class-validator';
import { EventEnvelope } from '../events/envelope';
import { conversationKey, createEvent } from '../events/event-factory';
import { assertValidEvent, InvalidEventError } from '../events/event-validation';
import { TOPIC_CATALOGUE } from '../events/topics';
import { CanonicalMention, Mention } from '../mentions/mention';
import '../index'; // installs the cache, as every process that loads the contracts does

const storage = getMetadataStorage();

/** Runs `work` with class-validator's own, uncached lookups: the reference the cache must equal. */
function uncached<T>(work: () => T): T {
  const own = { get: storage.getTargetValidationMetadatas, group: storage.groupByPropertyName };
  storage.getTargetValidationMetadatas = MetadataStorage.prototype.getTargetValidationMetadatas;
  storage.groupByPropertyName = MetadataStorage.prototype.groupByPropertyName;
  try {
    return work();
  } finally {
    storage.getTargetValidationMetadatas = own.get;
    storage.groupByPropertyName = own.group;
  }
}

/** What a person or a test can see of a validation: properties, values, constraint messages, nesting. */
function visible(errors: ValidationError[]): unknown {
  return errors.map((e) => ({ property: e.property, value: e.value, constraints: e.constraints, children: visible(e.children ?? []) }));
}

const valid = (overrides: Record<string, unknown> = {}) => ({
  tenantId: 'demo',
  channel: 'x',
  externalId: 'ext-1',
  author: { id: 'a-1', handle: '@derya', displayName: 'Derya Yılmaz' },
  text: 'Siparişim nerede? 😡 Где мой заказ? ไม่พอใจมาก',
  createdAt: '2026-11-20T10:00:00Z',
  ...overrides,
});

const MENTION_SAMPLES: Record<string, unknown>[] = [
  valid(),
  valid({ text: 'كيف يمكنني إرجاع الهاتف؟', channel: 'facebook', url: 'https://facebook.com/p/1', country: 'EG' }),
  valid({ text: '注文した商品がまだ届きません', rating: { value: 2, max: 5 }, attachments: [{ name: 'レシート.pdf', contentType: 'application/pdf', size: 1200 }] }),
  valid({ text: '' }),
  valid({ channel: 'myspace', createdAt: 'yesterday' }),
  valid({ author: { id: '', handle: 42 } }),
  valid({ rating: { value: -1, max: 500 }, attachments: [{ contentType: '', size: -3 }, 'पीडीएफ'] }),
  valid({ country: 'tr', url: 'not a url', editedAt: '2026-13-40' }),
  valid({ unexpected: 'champ inconnu' }),
  {},
];

describe('the validation metadata cache', () => {
  it('hands out the same constraints, in the same order, as class-validator computes for every contract class', () => {
    const classes: (new () => object)[] = [CanonicalMention, Mention, EventEnvelope, ...Object.values(TOPIC_CATALOGUE).flatMap((entry) => Object.values(entry.versions))];
    for (const cls of classes) {
      for (const [always, strictGroups] of [[false, false], [true, false], [false, true]]) {
        const cached = storage.getTargetValidationMetadatas(cls, undefined as never, always, strictGroups);
        expect(cached.length).toBeGreaterThan(0);
        expect(cached).toEqual(MetadataStorage.prototype.getTargetValidationMetadatas.call(storage, cls, undefined as never, always, strictGroups));
        // Memoized: the second call does not recompute.
        expect(storage.getTargetValidationMetadatas(cls, undefined as never, always, strictGroups)).toBe(cached);
      }
    }
  });

  it.each(MENTION_SAMPLES.map((sample, i) => [i, sample]))('gives the same errors as uncached class-validator for mention sample %i', (_, sample) => {
    for (const options of [{ forbidUnknownValues: true }, { whitelist: true, forbidNonWhitelisted: true }]) {
      for (const cls of [CanonicalMention, Mention]) {
        const expected = uncached(() => visible(validateSync(plainToInstance(cls, sample) as object, options)));
        expect(visible(validateSync(plainToInstance(cls, sample) as object, options))).toEqual(expected);
      }
    }
  });

  it('gives the same event problems as uncached class-validator, for a valid and a broken event', () => {
    const mention = { ...valid(), id: '3b241101-e2bb-4255-8caf-4136c566a962', conversationId: 'x:ext-1', receivedAt: '2026-11-20T10:00:01.000Z' };
    const event = createEvent('mentions.raw', { tenantId: 'demo', correlationId: mention.id, key: conversationKey('demo', mention.conversationId), payload: { mention: mention as Mention } });
    const broken = { ...event, payload: { mention: { ...mention, id: 'not-a-uuid', author: { id: 'a-1' } } } };
    const brokenEnvelope = { ...event, occurredAt: 'soon', tenantId: '' };
    const problems = (value: unknown) => {
      try {
        assertValidEvent('mentions.raw', value);
        return [];
      } catch (error) {
        if (error instanceof InvalidEventError) return error.problems;
        throw error;
      }
    };
    expect(problems(event)).toEqual([]);
    expect(problems(broken).length).toBeGreaterThan(2);
    expect(problems(broken)).toEqual(uncached(() => problems(broken)));
    expect(problems(brokenEnvelope).length).toBeGreaterThan(1);
    expect(problems(brokenEnvelope)).toEqual(uncached(() => problems(brokenEnvelope)));
  });

  it('sees constraints declared after a lookup was memoized', () => {
    class Note {
      @IsString() body!: string;
    }
    expect(validateSync(plainToInstance(Note, { body: 'é' }))).toHaveLength(0);
    MinLength(3)(Note.prototype, 'body');
    expect(visible(validateSync(plainToInstance(Note, { body: 'é' })))).toEqual([
      { property: 'body', value: 'é', constraints: { minLength: 'body must be longer than or equal to 3 characters' }, children: [] },
    ]);
  });

  it('freezes what it memoizes, so no caller can change what the next validation sees', () => {
    const cached = storage.getTargetValidationMetadatas(CanonicalMention, undefined as never, false, false);
    expect(() => (cached as unknown[]).push({})).toThrow(TypeError);
  });
});
