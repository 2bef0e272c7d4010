import { parseQuery } from '@cxm/query';
import { MentionDocument, SEARCH_FIELD_NAMES } from '../mention-index.port';
import { createdAtMs } from './aggregate-documents';
import { AggregationTooLargeError } from './aggregation.types';
import { bucketStart, bucketStarts, elasticsearchInterval, histogramSpan, queryTimeBounds, resolveInterval } from './date-histogram';
import { compareCodePoints } from './terms-fields';

const NOW = new Date(Date.UTC(2026, 10, 20, 12));
const bounds = (q: string) => queryTimeBounds(parseQuery(q, { fields: SEARCH_FIELD_NAMES, now: () => NOW }));
const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

describe('date histograms', () => {
  it('reads the time span a query requires, from top-level date ranges only', () => {
    expect(bounds('battery date:[2026-11-01 TO 2026-11-20]')).toEqual({ from: at('2026-11-01T00:00:00Z'), to: at('2026-11-20T23:59:59.999Z') });
    expect(bounds('date:>now-24h')).toEqual({ from: at('2026-11-19T12:00:00.001Z') });
    expect(bounds('date:>=now-24h date:<2026-11-20')).toEqual({ from: at('2026-11-19T12:00:00Z'), to: at('2026-11-19T23:59:59.999Z') });
    expect(bounds('date:2026-11-20 OR battery')).toEqual({});
    expect(bounds('NOT date:2026-11-20')).toEqual({});
  });

  it('uses the query\'s bounds where it has them and the hits\' elsewhere', () => {
    const hits = { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-03T00:00:00Z') };
    expect(histogramSpan({ from: at('2026-11-01T00:00:00Z') }, hits)).toEqual({ from: at('2026-11-01T00:00:00Z'), to: hits.to });
    expect(histogramSpan({}, undefined)).toBeUndefined();
    expect(histogramSpan({ from: 10, to: 5 }, undefined)).toBeUndefined();
  });

  it('starts weeks on Monday and months on the 1st, in UTC', () => {
    expect(iso(bucketStart('week', at('2026-11-22T23:59:59Z')))).toBe('2026-11-16T00:00:00.000Z'); // a Sunday
    expect(iso(bucketStart('week', at('2026-11-16T00:00:00Z')))).toBe('2026-11-16T00:00:00.000Z');
    expect(iso(bucketStart('week', at('1970-01-01T00:00:00Z')))).toBe('1969-12-29T00:00:00.000Z');
    expect(iso(bucketStart('month', at('2024-02-29T13:00:00Z')))).toBe('2024-02-01T00:00:00.000Z');
    expect(iso(bucketStart('15m', at('2026-11-20T10:44:59Z')))).toBe('2026-11-20T10:30:00.000Z');
  });

  it('lists every bucket of the span, months of different lengths included', () => {
    const starts = bucketStarts('month', { from: at('2024-01-31T00:00:00Z'), to: at('2024-04-01T00:00:00Z') });
    expect(starts.map(iso)).toEqual(['2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z']);
    expect(bucketStarts('day', undefined)).toEqual([]);
  });

  it.each([
    ['PT1H', 3_600_000, 'minute'],
    ['one day', 86_400_000, '15m'],
    ['one week', 7 * 86_400_000, 'hour'],
    ['one month', 30 * 86_400_000, 'day'],
    ['one year', 365 * 86_400_000, 'week'],
    ['ten years', 3650 * 86_400_000, 'month'],
  ])('chooses an automatic interval for %s', (_label, span, expected) => {
    expect(resolveInterval('auto', { from: 0, to: span - 1 })).toBe(expected);
  });

  it('refuses an explicit interval that would make too many buckets', () => {
    expect(() => bucketStarts('minute', { from: 0, to: 86_400_000 * 30 })).toThrow(AggregationTooLargeError);
  });

  it('asks Elasticsearch for the same intervals', () => {
    expect(elasticsearchInterval('5m')).toEqual({ fixed_interval: '5m' });
    expect(elasticsearchInterval('3h')).toEqual({ fixed_interval: '3h' });
    expect(elasticsearchInterval('day')).toEqual({ fixed_interval: '1d' });
    expect(elasticsearchInterval('week')).toEqual({ calendar_interval: 'week' });
    expect(elasticsearchInterval('month')).toEqual({ calendar_interval: 'month' });
  });
});

describe('compareCodePoints', () => {
  it('orders as UTF-8 bytes do (Elasticsearch keyword order), unlike UTF-16 "<"', () => {
    expect('😀' < 'ｚ').toBe(true); // UTF-16 code units
    expect(compareCodePoints('😀', 'ｚ')).toBeGreaterThan(0);
    expect(['😀', 'ｚ', 'b', 'a', 'ab', 'é', '한'].sort(compareCodePoints)).toEqual(['a', 'ab', 'b', 'é', '한', 'ｚ', '😀']);
    expect([...['😀', 'ｚ', 'b', 'é', '한']].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)))).toEqual(['b', 'é', '한', 'ｚ', '😀']);
  });
});

describe('createdAtMs', () => {
  it('reads toISOString() forms exactly as Date.parse does, leap days, epoch and far years included', () => {
    const samples = ['2024-02-29T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '2000-03-01T00:00:00.000Z', '2100-02-28T12:00:00.000Z', '0100-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'];
    for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2200, 0, 1); ms += 7_777_777_777) samples.push(new Date(ms).toISOString());
    for (const createdAt of samples) expect([createdAt, createdAtMs({ createdAt } as MentionDocument)]).toEqual([createdAt, Date.parse(createdAt)]);
    expect(createdAtMs({ createdAt: '2026-11-20T12:00:00+02:00' } as MentionDocument)).toBe(Date.parse('2026-11-20T10:00:00Z'));
    expect(createdAtMs({ createdAt: '0050-01-01T00:00:00.000Z' } as MentionDocument)).toBe(Date.parse('0050-01-01T00:00:00.000Z'));
  });
});
