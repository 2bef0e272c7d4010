import { seededRandom } from '../validation/validation-samples';
import { canonicalIso, isoNow } from './iso-time';

/** What `new Date(value).toISOString()` gives, or the error it throws. */
function viaDate(value: string): string {
  try {
    return new Date(value).toISOString();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

function viaCanonicalIso(value: string): string {
  try {
    return canonicalIso(value);
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

describe('ISO times', () => {
  afterEach(() => jest.useRealTimers());

  it('isoNow spells the current time as toISOString does, and a new millisecond as soon as it starts', () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T18:59:59.998Z') });
    expect(isoNow()).toBe('2026-12-01T18:59:59.998Z');
    expect(isoNow()).toBe(new Date().toISOString());
    jest.advanceTimersByTime(1);
    expect(isoNow()).toBe('2026-12-01T18:59:59.999Z');
    jest.advanceTimersByTime(1);
    expect(isoNow()).toBe('2026-12-01T19:00:00.000Z');
    jest.setSystemTime(new Date('2024-02-29T00:00:00.000Z'));
    expect(isoNow()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('canonicalIso answers exactly what new Date(value).toISOString() answers, for canonical, other and invalid spellings', () => {
    const random = seededRandom(20261201);
    const two = (upTo: number) => String(Math.floor(random() * (upTo + 1))).padStart(2, '0');
    const values = ['2024-02-29T10:00:00.000Z', '2023-02-29T10:00:00.000Z', '1900-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2026-04-31T10:00:00.000Z', '2026-12-01T24:00:00.000Z', '2026-12-01T21:30:00+03:00', '2026-12-01', 'not a time', ''];
    for (let i = 0; i < 5_000; i++) {
      const year = [String(Math.floor(random() * 10_000)).padStart(4, '0'), '2024', '2100', '2000'][Math.floor(random() * 4)];
      const fraction = ['.000', '.123', '.999', '', '.1', '.1234'][Math.floor(random() * 6)];
      const zone = ['Z', 'Z', 'Z', 'z', '+00:00', '-05:30', ''][Math.floor(random() * 7)];
      values.push(`${year}-${two(13)}-${two(32)}T${two(24)}:${two(60)}:${two(60)}${fraction}${zone}`);
    }
    for (let i = 0; i < 2_000; i++) values.push(new Date(Math.floor(random() * 253_402_300_799_999)).toISOString());
    expect(values.filter((value) => viaCanonicalIso(value) !== viaDate(value))).toEqual([]);
    // Both kinds occur: times answered as they are, and ones Date rewrites or refuses.
    expect(values.filter((value) => viaDate(value) === value).length).toBeGreaterThan(2_000);
    expect(values.filter((value) => viaDate(value).startsWith('throws')).length).toBeGreaterThan(500);
  });
});
