import { MentionRating } from '@cxm/contracts';
import { NativeValue } from './native-value';

/** A rating as a number (platforms send `4`, `"4"` or `"4.5"`), checked to lie within its scale. */
export function readRating(value: NativeValue, max: number): MentionRating {
  const raw = value.value;
  const number = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0 || number > max) value.fail(`must be a rating from 0 to ${max}`);
  return { value: number, max };
}
