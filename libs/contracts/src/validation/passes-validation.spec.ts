import { plainToInstance, Type } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsOptional, IsString, MaxLength, Min, Validate, ValidateIf, ValidateNested, validateSync, validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { EventEnvelope } from '../events/envelope';
import { conversationKey, createEvent } from '../events/event-factory';
import { CanonicalMention, Mention } from '../mentions/mention';
import { MentionReceivedPayload } from '../events/payloads';
import { passesValidation } from './passes-validation';
import '../index';

/** The reference: what `assertValidEvent` asks class-validator. */
const classValidatorPasses = (instance: object) => validateSync(instance, { whitelist: false, forbidUnknownValues: true }).length === 0;

const mention = (overrides: Record<string, unknown> = {}) => ({
  tenantId: 'demo',
  channel: 'x',
  externalId: 'ext-1',
  author: { id: 'a-1', handle: '@derya', displayName: 'Derya Yılmaz', followers: 12 },
  text: 'Siparişim nerede? 😡 Где мой заказ? ไม่พอใจมาก',
  createdAt: '2026-11-20T10:00:00Z',
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  conversationId: 'x:ext-1',
  receivedAt: '2026-11-20T10:00:01.000Z',
  ...overrides,
});

const MENTIONS: [string, Record<string, unknown>][] = [
  ['a minimal mention', mention()],
  ['Arabic, with url and country', mention({ text: 'كيف يمكنني إرجاع الهاتف؟', channel: 'facebook', url: 'https://facebook.com/p/1', country: 'EG' })],
  ['Japanese review with rating and attachments', mention({ text: '注文した商品がまだ届きません', rating: { value: 2, max: 5 }, attachments: [{ name: 'レシート.pdf', contentType: 'application/pdf', size: 1200 }] })],
  ['Hindi, edited, with title and target', mention({ text: 'मेरा ऑर्डर कहाँ है?', title: 'ऑर्डर', target: '@aurora_mobile', editedAt: '2026-11-20T11:00:00.000Z', inReplyTo: 'ext-0' })],
  ['an empty text', mention({ text: '' })],
  ['an unknown channel and a bad date', mention({ channel: 'myspace', createdAt: 'yesterday' })],
  ['an author with missing and mistyped fields', mention({ author: { id: '', handle: 42 } })],
  ['an author that is a string', mention({ author: 'Ana' })],
  ['an author that is null', mention({ author: null })],
  ['a rating out of range', mention({ rating: { value: -1, max: 500 } })],
  ['attachments with a bad item and a string item', mention({ attachments: [{ contentType: '', size: -3 }, 'पीडीएफ'] })],
  ['attachments with a null item', mention({ attachments: [null] })],
  ['attachments that is an object', mention({ attachments: { contentType: 'x', size: 1 } })],
  ['a lower-case country, a bad url, an impossible editedAt', mention({ country: 'tr', url: 'not a url', editedAt: '2026-13-40' })],
  ['fractional followers', mention({ author: { id: 'a', handle: 'h', displayName: 'd', followers: 1.5 } })],
  ['a text over the limit', mention({ text: 'ж'.repeat(20_001) })],
  ['no id and an empty conversation', mention({ id: undefined, conversationId: '' })],
  ['an unknown field (allowed without whitelist)', mention({ champ: 'inconnu' })],
  ['nothing at all', {}],
];

describe('passesValidation (the fast path of event validation)', () => {
  it.each(MENTIONS)('agrees with class-validator on %s', (_, sample) => {
    for (const cls of [CanonicalMention, Mention]) {
      const instance = plainToInstance(cls, sample) as object;
      expect(passesValidation(instance)).toBe(classValidatorPasses(instance));
    }
    const payload = plainToInstance(MentionReceivedPayload, { mention: sample });
    expect(passesValidation(payload)).toBe(classValidatorPasses(payload));
  });

  it.each(MENTIONS)('agrees with the HTTP pipe\'s class-validator call (whitelist, forbidNonWhitelisted) on %s', async (_, sample) => {
    for (const cls of [CanonicalMention, Mention]) {
      const instance = plainToInstance(cls, sample) as object;
      const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
      expect(passesValidation(instance, { forbidNonWhitelisted: true, async: true })).toBe(errors.length === 0);
    }
  });

  it('refuses, as the pipe does, an unknown field nested in a known one', async () => {
    const instance = plainToInstance(CanonicalMention, mention({ id: undefined, conversationId: undefined, receivedAt: undefined, author: { id: 'a', handle: 'h', displayName: 'd', nickname: 'x' } }));
    expect(passesValidation(instance, { forbidNonWhitelisted: true })).toBe(false);
    expect(await validate(instance, { whitelist: true, forbidNonWhitelisted: true })).not.toHaveLength(0);
  });

  it('says yes to the valid samples, so the fast path is really taken', () => {
    const valid = MENTIONS.filter(([, sample]) => classValidatorPasses(plainToInstance(Mention, sample) as object));
    expect(valid.length).toBeGreaterThanOrEqual(4);
    valid.forEach(([, sample]) => expect(passesValidation(plainToInstance(Mention, sample))).toBe(true));
  });

  it('agrees with class-validator on envelopes, good and bad', () => {
    const event = createEvent('mentions.raw', { tenantId: 'demo', correlationId: 'c', key: conversationKey('demo', 'x:ext-1'), payload: { mention: mention() as unknown as Mention } });
    for (const sample of [{ ...event, payload: {} }, { ...event, payload: {}, occurredAt: 'soon' }, { ...event, payload: {}, schemaVersion: '1' }, { ...event, payload: 'text' }, { ...event, payload: {}, tenantId: undefined }]) {
      const instance = plainToInstance(EventEnvelope, sample);
      expect(passesValidation(instance)).toBe(classValidatorPasses(instance));
    }
  });

  it('agrees on what a plain nested object without @Type, an each-constraint, validateIf and an async constraint do', () => {
    @ValidatorConstraint({ async: true })
    class NeverAsync implements ValidatorConstraintInterface {
      validate() {
        return Promise.resolve(false);
      }
    }
    class Line {
      @IsInt() @Min(1) n!: number;
    }
    class Sheet {
      @IsOptional() @IsString({ each: true }) @MaxLength(3, { each: true }) @ArrayMaxSize(3) tags?: string[];
      @ValidateIf((o: Sheet) => o.kind === 'numbered') @ValidateNested({ each: true }) @Type(() => Line) lines?: Line[];
      @IsOptional() @ValidateNested() untyped?: object;
      @Validate(NeverAsync) checked?: string;
      kind?: string;
    }
    const samples = [
      {},
      { tags: ['çay', 'чай'] },
      { tags: ['çaylar'] },
      { tags: new Set(['a', 'b']) },
      { tags: 'a' },
      { kind: 'numbered', lines: [{ n: 1 }, undefined] },
      { kind: 'numbered', lines: [{ n: 0 }] },
      { kind: 'plain', lines: [{ n: 0 }] },
      { untyped: { a: 1 } },
    ];
    for (const sample of samples) {
      const instance = plainToInstance(Sheet, sample);
      expect({ sample, fast: passesValidation(instance) }).toEqual({ sample, fast: classValidatorPasses(instance) });
      // validate() runs the async constraint, which always fails: the fast path must not say yes.
      expect(passesValidation(instance, { async: true })).toBe(false);
    }
  });

  it('never says yes to what is not an object', () => {
    for (const value of [undefined, null, 'text', 42]) expect(passesValidation(value)).toBe(false);
  });
});
