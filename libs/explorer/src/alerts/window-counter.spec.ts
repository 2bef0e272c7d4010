import { EmbeddedMentionIndex, SEARCH_FIELD_NAMES } from '@cxm/platform-index';
import { parseQuery } from '@cxm/query';
import { aMentionDocument } from '../common/mention-document.builder';
import { readsClock, WindowCounter } from './window-counter';

const q = (text: string) => parseQuery(text, { fields: SEARCH_FIELD_NAMES });
const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);

describe('WindowCounter', () => {
  let index: EmbeddedMentionIndex;
  let searches: number;

  beforeEach(async () => {
    index = new EmbeddedMentionIndex();
    const search = index.search.bind(index);
    searches = 0;
    index.search = (...args) => {
      searches += 1;
      return search(...args);
    };
    // One mention a minute for ten minutes, every third one negative; and one of another tenant.
    for (let i = 0; i < 10; i++) await index.upsert(aMentionDocument({ text: 'Батарея battery', createdAt: new Date(T0 + i * 60_000).toISOString(), sentiment: i % 3 === 0 ? 'negative' : 'neutral' }));
    await index.upsert(aMentionDocument({ tenantId: 'acme', text: 'battery', createdAt: new Date(T0).toISOString() }));
  });

  it("counts the tenant's matches in a window, start included and end excluded, and the negative ones for a share", async () => {
    const counter = new WindowCounter(index);
    expect(await counter.closed('demo', 'm1', q('battery'), 'negativeShare', T0, T0 + 5 * 60_000)).toEqual({ count: 5, negative: 2 });
    expect(await counter.current('demo', q('батарея'), 'volume', T0 + 5 * 60_000, T0 + 9 * 60_000)).toEqual({ count: 5, negative: 0 });
    expect(await counter.current('acme', q('battery'), 'volume', T0, T0 + 9 * 60_000)).toEqual({ count: 1, negative: 0 });
  });

  it('remembers a closed window, unless the query reads the clock', async () => {
    const counter = new WindowCounter(index);
    await counter.closed('demo', 'm1', q('battery'), 'volume', T0, T0 + 300_000);
    await counter.closed('demo', 'm1', q('battery'), 'volume', T0, T0 + 300_000);
    expect(searches).toBe(1);
    await counter.closed('demo', 'm2', q('battery date:>now-30d'), 'volume', T0, T0 + 300_000);
    await counter.closed('demo', 'm2', q('battery date:>now-30d'), 'volume', T0, T0 + 300_000);
    expect(searches).toBe(3);
  });
});

describe('readsClock', () => {
  it('tells a query with a date relative to now from one without', () => {
    expect(readsClock(q('battery date:>now-1h'))).toBe(true);
    expect(readsClock(q('battery OR (screen -date:[now-7d TO now])'))).toBe(true);
    expect(readsClock(q('battery date:[2026-11-01 TO 2026-11-20]'))).toBe(false);
    expect(readsClock(q('battery followers:>1000 lang:tr'))).toBe(false);
  });
});
