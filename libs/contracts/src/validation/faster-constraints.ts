/**
 * Shortcuts for the class-validator built-ins every mention and event meets, for the compiled
 * validator (compiled-validation.ts). Each one answers `true` only where the built-in is known to
 * answer `true` and otherwise asks the built-in itself, so the verdict is always the built-in's;
 * `faster-constraints.spec.ts` compares them over many valid and invalid values.
 *
 * Why: `validator`'s isLength runs two regular expressions over the whole text (surrogate pairs,
 * presentation selectors) for every `@MaxLength`, and the strict isISO8601 matches the date three
 * times and builds a Date, for values that are nearly always well inside the limits — the time
 * `new Date().toISOString()` spells.
 */
import { IS_ISO8601, MAX_LENGTH } from 'class-validator';
import { dayExists } from '../time/iso-time';

export type ConstraintTest = (value: unknown) => boolean;

/** The shortcut for built-in `name` with the decorator's `constraints`, wrapping `builtIn`; undefined when there is none. */
export function fasterConstraint(name: string, constraints: readonly unknown[] | undefined, builtIn: ConstraintTest): ConstraintTest | undefined {
  if (name === MAX_LENGTH) {
    const max = constraints?.[0];
    if (typeof max !== 'number') return undefined;
    // validator counts a surrogate pair or a character with its presentation selector as one, so
    // its length is never above `value.length`: within the limit in UTF-16 units is within it.
    return (value) => (typeof value === 'string' && value.length <= max) || builtIn(value);
  }
  if (name === IS_ISO8601) {
    const options = constraints?.[0] as { strict?: unknown; strictSeparator?: unknown } | undefined;
    if (options !== undefined && (typeof options !== 'object' || options === null)) return undefined;
    const strict = Boolean(options?.strict);
    return (value) => (typeof value === 'string' && isCanonicalUtcTime(value, strict)) || builtIn(value);
  }
  return undefined;
}

/**
 * `YYYY-MM-DDTHH:mm:ss[.fraction]Z` with a month 01–12, a day 01–31, hours 00–23, minutes and
 * seconds 00–59: a spelling validator's ISO-8601 expression (strict separator or not) accepts.
 * `strict` also needs the day to exist in that month (what validator's strict check asks: Feb 29
 * only in a leap year of the proleptic Gregorian calendar JavaScript's Date uses), in a year from
 * 1000 on: validator rebuilds the date from the year as a number, and `0050-…` becomes `50-…`,
 * which Date does not read as ISO (its verdict there is left to it).
 */
const CANONICAL_UTC = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;

function isCanonicalUtcTime(value: string, strict: boolean): boolean {
  const match = CANONICAL_UTC.exec(value);
  if (!match) return false;
  if (!strict) return true;
  if (match[1][0] === '0') return false;
  return dayExists(Number(match[1]), Number(match[2]), Number(match[3]));
}
