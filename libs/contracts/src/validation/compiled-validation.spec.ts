import * as classTransformer from 'class-transformer';
import { Exclude, Expose, plainToInstance, Transform, Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, Validate, ValidateIf, ValidateNested, validate, validateSync, ValidatorConstraint, ValidatorConstraintInterface, ValidatorOptions } from 'class-validator';
import { EventEnvelope } from '../events/envelope';
import { conversationKey, createEvent } from '../events/event-factory';
import { assertValidEvent } from '../events/event-validation';
import { DeadLetterPayload } from '../events/payloads';
import { TOPIC_CATALOGUE } from '../events/topics';
import { CanonicalMention, Mention, MentionAuthor } from '../mentions/mention';
import { certainlyValid, CompiledValidationOptions, instantiateValidated } from './compiled-validation';
import { mutationsOf, sampleOf, seededRandom } from './validation-samples';
import '../index';

type Class = new () => object;

/** The three class-validator calls the compiled validator answers for, with what it is asked. */
const MODES: { name: string; compiled: CompiledValidationOptions; reference: (instance: object) => Promise<boolean> }[] = [
  { name: 'assertValidEvent (validateSync, no whitelist)', compiled: {}, reference: async (i) => validateSync(i, { whitelist: false, forbidUnknownValues: true }).length === 0 },
  { name: 'the batch route (validateSync, whitelist)', compiled: { forbidNonWhitelisted: true }, reference: async (i) => validateSync(i, { whitelist: true, forbidNonWhitelisted: true }).length === 0 },
  { name: 'the HTTP pipe (validate, whitelist)', compiled: { forbidNonWhitelisted: true, async: true }, reference: async (i) => (await validate(i, { forbidUnknownValues: false, whitelist: true, forbidNonWhitelisted: true } as ValidatorOptions)).length === 0 },
];

/** What class-validator says about what class-transformer builds: the verdict the compiled one must never contradict. */
async function referenceVerdict(cls: Class, sample: unknown, mode: (typeof MODES)[number]): Promise<boolean> {
  const instance = plainToInstance(cls, sample) as unknown;
  if (typeof instance !== 'object' || instance === null || Array.isArray(instance)) return false;
  return mode.reference(instance);
}

/** Every class an event or a canonical mention is made of: the envelope, each payload, and what they nest via @Type. */
function contractClasses(): Class[] {
  const roots: Class[] = [EventEnvelope, CanonicalMention, Mention, DeadLetterPayload, ...Object.values(TOPIC_CATALOGUE).flatMap((entry) => Object.values(entry.versions) as Class[])];
  const found = new Set<Class>();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const storage: unknown = require('class-transformer/cjs/storage').defaultMetadataStorage;
  const types = (storage as { _typeMetadatas: Map<unknown, Map<string, { typeFunction: () => Class }>> })._typeMetadatas;
  const visit = (cls: Class) => {
    if (found.has(cls)) return;
    found.add(cls);
    for (let target: unknown = cls; typeof target === 'function' && target !== Function.prototype; target = Object.getPrototypeOf(target)) {
      for (const metadata of types.get(target)?.values() ?? []) visit(metadata.typeFunction());
    }
  };
  roots.forEach(visit);
  return [...found];
}

/** Valid samples built from each class's constraints, their mutations, and the same after a JSON round trip. */
function samplesOf(cls: Class, seed: number): unknown[] {
  const random = seededRandom(seed);
  const valid = Array.from({ length: 8 }, () => sampleOf(cls, random));
  const mutated = valid.flatMap((sample) => mutationsOf(sample, random, 12));
  return [...valid, ...mutated].map((sample) => JSON.parse(JSON.stringify(sample)) as unknown);
}

/** Constructor names and own keys, in order, all the way down: what `toStrictEqual` does not compare. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value !== 'object' || value === null) return value;
  return { class: value.constructor?.name, entries: Object.keys(value).map((key) => [key, shape((value as Record<string, unknown>)[key])]) };
}

const CLASSES = contractClasses();

describe('certainlyValid (the compiled validator)', () => {
  it('covers every contract class an event or a mention is made of', () => {
    expect(CLASSES.map((cls) => cls.name)).toEqual(expect.arrayContaining(['EventEnvelope', 'CanonicalMention', 'Mention', 'MentionAuthor', 'MentionAttachment', 'MentionRating', 'Classification', 'PriorityReason', 'FiredAlert', 'AlertBaseline', 'DeadLetterPayload']));
  });

  describe.each(MODES)('as $name', (mode) => {
    it.each(CLASSES.map((cls, i) => [cls.name, cls, i]))('gives class-validator\'s verdict on valid and mutated %s samples', async (_, cls, i) => {
      const disagreements: unknown[] = [];
      let valid = 0;
      for (const sample of samplesOf(cls as Class, 1_000 + (i as number))) {
        const compiled = certainlyValid(cls as Class, sample, mode.compiled);
        const reference = await referenceVerdict(cls as Class, sample, mode);
        if (compiled !== reference) disagreements.push({ sample, compiled, reference });
        if (compiled) valid++;
      }
      expect(disagreements).toEqual([]);
      // The fast path is really taken: generated samples are valid often enough.
      expect(valid).toBeGreaterThanOrEqual(4);
    });
  });

  it.each(CLASSES.map((cls, i) => [cls.name, cls, i]))('builds the same %s instance as plainToInstance for every sample it accepts', (_, cls, i) => {
    let built = 0;
    for (const sample of samplesOf(cls as Class, 2_000 + (i as number))) {
      if (!certainlyValid(cls as Class, sample, { forbidNonWhitelisted: true })) continue;
      const expected = plainToInstance(cls as Class, sample);
      const actual = instantiateValidated(cls as Class, sample as object);
      expect(actual).toStrictEqual(expected);
      expect(shape(actual)).toEqual(shape(expected));
      built++;
    }
    expect(built).toBeGreaterThanOrEqual(4);
  });

  describe('on values that are not plain JSON', () => {
    const base = () => ({
      tenantId: 'demo',
      channel: 'x',
      externalId: 'ext-1',
      author: { id: 'a-1', handle: '@derya', displayName: 'Derya Yılmaz' },
      text: 'Siparişim nerede? 😡 Где мой заказ?',
      createdAt: '2026-11-20T10:00:00Z',
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      conversationId: 'x:ext-1',
      receivedAt: '2026-11-20T10:00:01.000Z',
    });
    const attachment = { name: 'レシート.pdf', contentType: 'application/pdf', size: 1200 };
    class Other {
      id = 'a-1';
      handle = 'h';
      displayName = 'd';
    }
    const hidden = base();
    Object.defineProperty(hidden, 'author', { value: { id: '' }, enumerable: false });
    const withGetter = { ...base(), get text() { return 'جيد'; } };
    const EXOTIC: [string, unknown][] = [
      ['a Date where a string is expected', { ...base(), createdAt: new Date('2026-11-20T10:00:00Z') }],
      ['a Set of attachments', { ...base(), attachments: new Set([attachment]) }],
      ['a Map of attachments', { ...base(), attachments: new Map([['a', attachment]]) }],
      ['a sparse attachments array', { ...base(), attachments: [attachment, , attachment] }],
      ['a nested array of attachments', { ...base(), attachments: [[attachment]] }],
      ['an author of another class', { ...base(), author: new Other() }],
      ['an author that is already a MentionAuthor', { ...base(), author: Object.assign(new MentionAuthor(), { id: 'a', handle: 'h', displayName: 'd' }) }],
      ['an author without a prototype', { ...base(), author: Object.assign(Object.create(null), { id: 'a', handle: 'h', displayName: 'd' }) }],
      ['a mention without a prototype', Object.assign(Object.create(null), base())],
      ['an author that is a thenable', { ...base(), author: { id: 'a', handle: 'h', displayName: 'd', then: () => undefined } }],
      ['a "constructor" key from JSON', JSON.parse(`{"constructor": "x", ${JSON.stringify(base()).slice(1)}`)],
      ['a "__proto__" key from JSON', JSON.parse(`{"__proto__": {"tenantId": "x"}, ${JSON.stringify(base()).slice(1)}`)],
      ['a "toString" key', { ...base(), toString: 'x' }],
      ['an author hidden as a non-enumerable property', hidden],
      ['a text behind a getter', withGetter],
      ['a function where a string is expected', { ...base(), title: () => 'x' }],
      ['undefined for a required field', { ...base(), text: undefined }],
      ['an array at the top', [base()]],
      ['a string at the top', 'Где мой заказ?'],
    ];

    it.each(EXOTIC)('never says yes where class-validator says no, for %s', async (_, sample) => {
      for (const cls of [CanonicalMention, Mention]) {
        for (const mode of MODES) {
          if (certainlyValid(cls, sample, mode.compiled)) expect({ cls: cls.name, mode: mode.name, reference: await referenceVerdict(cls, sample, mode) }).toEqual({ cls: cls.name, mode: mode.name, reference: true });
        }
      }
    });

    it('still takes the fast path for a class instance where its class is expected', () => {
      expect(certainlyValid(Mention, { ...base(), author: Object.assign(new MentionAuthor(), { id: 'a', handle: 'h', displayName: 'd' }) })).toBe(true);
    });

    it('looks closer at what class-transformer would convert: a Date, a Set, a thenable, a sparse array', () => {
      for (const [name, sample] of EXOTIC.slice(0, 5)) expect({ name, verdict: certainlyValid(Mention, sample) }).toEqual({ name, verdict: false });
      expect(certainlyValid(Mention, EXOTIC[9][1])).toBe(false);
    });
  });

  describe('looks closer at what it does not model, even when the input is valid', () => {
    @ValidatorConstraint({ name: 'alwaysTrue' })
    class AlwaysTrue implements ValidatorConstraintInterface {
      validate() {
        return true;
      }
    }
    @ValidatorConstraint({ name: 'asyncTrue', async: true })
    class AsyncTrue implements ValidatorConstraintInterface {
      validate() {
        return Promise.resolve(true);
      }
    }
    class Line {
      @IsInt() @Min(1) n!: number;
    }
    class WithTransform {
      @Transform(({ value }) => String(value).trim()) @IsString() @MinLength(1) name!: string;
    }
    class WithExpose {
      @Expose({ name: 'nom' }) @IsString() name!: string;
    }
    @Exclude()
    class WithExcludeAll {
      @IsString() name!: string;
    }
    class WithDefault {
      @IsString() name!: string;
      @IsIn(['fr', 'tr']) language: string = 'fr';
    }
    class WithDate {
      @Type(() => Date) @IsDate() at!: Date;
    }
    class WithValidateIf {
      @IsString() kind!: string;
      @ValidateIf((o: WithValidateIf) => o.kind === 'numbered') @IsInt() n?: number;
    }
    class WithCustom {
      @Validate(AlwaysTrue) name!: string;
    }
    class WithAsync {
      @IsString() @Validate(AsyncTrue) name!: string;
    }
    class WithUntypedNested {
      @ValidateNested() line!: Line;
    }
    class WithDiscriminator {
      @ValidateNested() @Type(() => Line, { discriminator: { property: 'kind', subTypes: [{ name: 'line', value: Line }] } }) line!: Line;
    }
    /** [what, class, sample, options, class-validator's verdict on the sample]. */
    const CASES: [string, Class, object, CompiledValidationOptions, boolean][] = [
      ['@Transform', WithTransform, { name: 'Ana' }, {}, true],
      ['@Expose', WithExpose, { nom: 'Ana', name: 'Ana' }, {}, true],
      // class-transformer copies nothing into an @Exclude()d class: the "valid" plain object is an invalid instance.
      ['a class-level @Exclude', WithExcludeAll, { name: 'Ana' }, {}, false],
      ['a property initializer', WithDefault, { name: 'Ana' }, {}, true],
      ['a @Type(() => Date) conversion', WithDate, { at: '2026-11-20T10:00:00Z' }, {}, true],
      ['@ValidateIf', WithValidateIf, { kind: 'plain' }, {}, true],
      ['a custom constraint class', WithCustom, { name: 'Ana' }, {}, true],
      ['a custom async constraint under validate()', WithAsync, { name: 'Ana' }, { async: true }, true],
      ['a custom async constraint under validateSync()', WithAsync, { name: 'Ana' }, {}, true],
      // Valid only because the pipe turns forbidUnknownValues off: an untyped nested object has no rules.
      ['@ValidateNested without @Type', WithUntypedNested, { line: { n: 1 } }, {}, false],
      ['a discriminator', WithDiscriminator, { line: { kind: 'line', n: 1 } }, {}, true],
    ];

    it.each(CASES)('%s', async (_, cls, sample, options, classValidatorSays) => {
      const errors = options.async ? await validate(plainToInstance(cls, sample)) : validateSync(plainToInstance(cls, sample));
      expect(errors.length === 0).toBe(classValidatorSays);
      expect(certainlyValid(cls, sample, options)).toBe(false);
    });
  });

  it('sees constraints declared after a class was compiled', () => {
    class Note {
      @IsString() body!: string;
    }
    expect(certainlyValid(Note, { body: 'é' })).toBe(true);
    MaxLength(0)(Note.prototype, 'body');
    expect(validateSync(plainToInstance(Note, { body: 'é' }))).not.toEqual([]);
    expect(certainlyValid(Note, { body: 'é' })).toBe(false);
  });

  it('honours @IsOptional as class-validator does: null and undefined skip the other constraints', () => {
    class Tagged {
      @IsOptional() @IsString() @MaxLength(3) tag?: string;
    }
    for (const sample of [{}, { tag: null }, { tag: undefined }, { tag: 'çay' }, { tag: 'çaylar' }, { tag: 3 }]) {
      expect({ sample, verdict: certainlyValid(Tagged, sample) }).toEqual({ sample, verdict: validateSync(plainToInstance(Tagged, sample)).length === 0 });
    }
  });

  it('decides a valid event without building any instance', () => {
    const mention = { ...plainToInstance(Mention, {}), tenantId: 'demo', channel: 'x' as const, externalId: 'e', author: { id: 'a', handle: 'h', displayName: 'Aylin' }, text: 'Merhaba 👋', createdAt: '2026-11-20T10:00:00Z', id: '3b241101-e2bb-4255-8caf-4136c566a962', conversationId: 'x:e', receivedAt: '2026-11-20T10:00:01.000Z' };
    const event = createEvent('mentions.raw', { tenantId: 'demo', correlationId: mention.id, key: conversationKey('demo', mention.conversationId), payload: { mention } });
    const spy = jest.spyOn(classTransformer, 'plainToInstance');
    try {
      assertValidEvent('mentions.raw', event);
      assertValidEvent('mentions.raw', JSON.parse(JSON.stringify(event)));
      expect(spy).not.toHaveBeenCalled();
      expect(() => assertValidEvent('mentions.raw', { ...event, payload: { mention: { ...mention, text: '' } } })).toThrow('payload.mention.text: text should not be empty');
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
