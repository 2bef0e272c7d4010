import { getMetadataStorage, IS_ISO8601, isISO8601, MAX_LENGTH, maxLength } from 'class-validator';
import { CanonicalMention } from '../mentions/mention';
import { certainlyValid } from './compiled-validation';
import { fasterConstraint } from './faster-constraints';
import { seededRandom, Random } from './validation-samples';

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const digits = (random: Random, n: number) => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
const twoDigits = (random: Random, upTo: number) => String(Math.floor(random() * (upTo + 1))).padStart(2, '0');

const NOT_STRINGS: unknown[] = [undefined, null, 0, 20261201, true, {}, [], ['2026-12-01T00:00:00Z'], new Date('2026-12-01T00:00:00Z')];

/** Times near the canonical spelling: every field in and just out of range, other separators and zones, then character edits. */
function timeSamples(random: Random): string[] {
  const samples = ['2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '1900-02-29T12:00:00.000Z', '2000-02-29T12:00:00.000Z', '2100-02-29T12:00:00Z', '0000-02-29T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-04-31T10:00:00Z', '2026-12-01T24:00:00Z', '2026-12-01T10:00:00.Z'];
  for (let i = 0; i < 4_000; i++) {
    const year = pick(random, [digits(random, 4), '2024', '2023', '1900', '2000', '2100', '0000', '0400', '-2026', '+2026', '20261']);
    const month = twoDigits(random, 13);
    const day = pick(random, [twoDigits(random, 32), '28', '29', '30', '31']);
    const time = `${twoDigits(random, 25)}:${twoDigits(random, 61)}:${twoDigits(random, 61)}`;
    const fraction = pick(random, ['', '', '.1', '.123', '.123456', ',5', '.']);
    const zone = pick(random, ['Z', 'Z', 'Z', 'z', '+00:00', '+0300', '-05', '', ' ']);
    const separator = pick(random, ['T', 'T', 'T', 't', ' ']);
    samples.push(`${year}-${month}-${day}${separator}${time}${fraction}${zone}`);
  }
  for (let i = 0; i < 4_000; i++) {
    const canonical = new Date(Math.floor(random() * 253_402_300_799_999)).toISOString();
    const at = Math.floor(random() * canonical.length);
    const char = pick(random, [...'0123456789-:TZ.+ z']);
    const edit = pick(random, ['none', 'delete', 'insert', 'replace']);
    samples.push(
      edit === 'none' ? canonical : edit === 'delete' ? canonical.slice(0, at) + canonical.slice(at + 1) : edit === 'insert' ? canonical.slice(0, at) + char + canonical.slice(at) : canonical.slice(0, at) + char + canonical.slice(at + 1),
    );
  }
  return samples;
}

/** Texts around a limit in every script the mentions come in, with emoji, presentation selectors, lone surrogates and combining marks. */
function textSamples(random: Random): string[] {
  const pieces = ['a', 'é', 'ş', 'Я', 'ไ', 'ا', '注', 'ह', '😡', '👍🏽', '❤️', '☺︎', '\uFE0F', '\uD83D', '\uDE00', 'e\u0301', ' ', '#'];
  const samples = [''];
  for (let i = 0; i < 6_000; i++) samples.push(Array.from({ length: Math.floor(random() * 14) }, () => pick(random, pieces)).join(''));
  return samples;
}

describe('faster constraints', () => {
  const random = seededRandom(20261201);

  it.each([[undefined], [{}], [{ strict: true }], [{ strict: false }], [{ strictSeparator: true }], [{ strict: true, strictSeparator: true }]])(
    'isISO8601 with %j gives class-validator’s verdict on every value, valid or not',
    (options) => {
      const builtIn = (value: unknown) => isISO8601(value, options);
      const faster = fasterConstraint(IS_ISO8601, [options], builtIn)!;
      const values = [...timeSamples(random), ...NOT_STRINGS];
      const disagreements = values.filter((value) => faster(value) !== builtIn(value));
      expect(disagreements).toEqual([]);
      // Both verdicts occur, so the comparison says something.
      expect(values.filter((value) => builtIn(value)).length).toBeGreaterThan(1_000);
      expect(values.filter((value) => !builtIn(value)).length).toBeGreaterThan(1_000);
    },
  );

  it.each([0, 1, 3, 5, 8, 256])('maxLength(%d) gives class-validator’s verdict on every value, valid or not', (max) => {
    const builtIn = (value: unknown) => maxLength(value, max);
    const faster = fasterConstraint(MAX_LENGTH, [max], builtIn)!;
    const values = [...textSamples(random), ...NOT_STRINGS];
    expect(values.filter((value) => faster(value) !== builtIn(value))).toEqual([]);
  });

  it('answers the canonical UTC time and a text within the limit without the built-in, and asks it for everything else', () => {
    const refuseAll = () => false;
    const strictTime = fasterConstraint(IS_ISO8601, [{ strict: true }], refuseAll)!;
    expect(strictTime('2026-12-01T10:00:00.000Z')).toBe(true);
    expect(strictTime('2024-02-29T10:00:00Z')).toBe(true);
    expect(strictTime('2026-02-29T10:00:00.000Z')).toBe(false);
    expect(strictTime('2026-12-01T13:00:00+03:00')).toBe(false);
    const short = fasterConstraint(MAX_LENGTH, [5], refuseAll)!;
    expect(short('Где😡')).toBe(true);
    expect(short('Где мой заказ?')).toBe(false);
    expect(fasterConstraint('isUUID', [undefined], refuseAll)).toBeUndefined();
  });

  it('lets the compiled validator decide a mention with a canonical time and texts within their limits without the built-in date and length checks', () => {
    const mention = { tenantId: 'demo', channel: 'x', externalId: '1861234567890', author: { id: 'u1', handle: '@ayse', displayName: 'Ayşe Yılmaz' }, text: 'Siparişim nerede? 😡', createdAt: '2026-12-01T18:30:00.000Z' };
    certainlyValid(CanonicalMention, mention, { forbidNonWhitelisted: true }); // compiles the class (which asks each check about an absent value)
    const dates = jest.spyOn(builtInOf(CanonicalMention, 'createdAt', IS_ISO8601), 'validate');
    const lengths = jest.spyOn(builtInOf(CanonicalMention, 'text', MAX_LENGTH), 'validate');
    try {
      expect(certainlyValid(CanonicalMention, mention, { forbidNonWhitelisted: true })).toBe(true);
      expect(dates).not.toHaveBeenCalled();
      expect(lengths).not.toHaveBeenCalled();
      // Anything else is still the built-in's to decide.
      expect(certainlyValid(CanonicalMention, { ...mention, createdAt: '2026-12-01T21:30:00+03:00' }, { forbidNonWhitelisted: true })).toBe(true);
      expect(certainlyValid(CanonicalMention, { ...mention, createdAt: '2026-02-30T18:30:00.000Z' }, { forbidNonWhitelisted: true })).toBe(false);
      expect(dates).toHaveBeenCalledTimes(2);
    } finally {
      dates.mockRestore();
      lengths.mockRestore();
    }
  });
});

/** The constraint object class-validator calls for `name` on `cls.property` (the one the compiled validator wraps). */
function builtInOf(cls: new () => object, property: string, name: string): { validate(value: unknown, args: unknown): boolean } {
  const storage = getMetadataStorage();
  const metadata = storage.getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined).find((m) => m.propertyName === property && m.name === name)!;
  return storage.getTargetValidatorConstraints(metadata.constraintCls)[0].instance as { validate(value: unknown, args: unknown): boolean };
}
