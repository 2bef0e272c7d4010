import { HttpException } from '@nestjs/common';
import { CanonicalMention, mutationsOf, sampleOf, seededRandom } from '@cxm/contracts';
import { fieldProblems } from '@cxm/platform-http';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validMention } from './accept-mention-batch.usecase';

/** What the batch route did before the compiled validator: class-transformer, then class-validator. */
function reference(item: unknown): { mention?: CanonicalMention; errors?: unknown } {
  const mention = plainToInstance(CanonicalMention, item);
  const errors = validateSync(mention, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length ? { errors: fieldProblems(errors) } : { mention };
}

function ours(item: unknown): { mention?: CanonicalMention; errors?: unknown } {
  try {
    return { mention: validMention(item) };
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    return { errors: (error.getResponse() as { errors: unknown }).errors };
  }
}

/** Constructor names and own keys in order, all the way down (toStrictEqual does not compare the order). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value !== 'object' || value === null) return value;
  return { class: value.constructor?.name, entries: Object.keys(value).map((key) => [key, shape((value as Record<string, unknown>)[key])]) };
}

describe('validMention (the batch route\'s item validation)', () => {
  const random = seededRandom(4_000);
  const valid = Array.from({ length: 20 }, () => sampleOf(CanonicalMention, random));
  const items = [...valid, ...valid.flatMap((sample) => mutationsOf(sample, random, 10))].map((sample) => JSON.stringify(sample));

  it('accepts and refuses the same multilingual items as class-transformer and class-validator, with the same field problems', () => {
    let accepted = 0;
    for (const item of items) {
      const expected = reference(JSON.parse(item));
      const actual = ours(JSON.parse(item));
      expect({ item, ...actual }).toStrictEqual({ item, ...expected });
      if (actual.mention) {
        expect(shape(actual.mention)).toEqual(shape(expected.mention));
        accepted++;
      }
    }
    expect(accepted).toBeGreaterThanOrEqual(20);
  });

  it('refuses an item that is not an object, naming no field', () => {
    for (const item of [null, 'Где мой заказ?', 42, [{}]]) expect(ours(item)).toEqual({ errors: [{ field: '', message: 'an item must be a JSON object' }] });
  });
});
