import { Inject, Injectable } from '@nestjs/common';
import { MENTION_INDEX, MentionIndex } from '@cxm/platform-index';
import { QueryNode, RangeNode } from '@cxm/query';
import { AlertMetric } from './monitor';
import { WindowCounts } from './monitor-rules';

/** Closed windows remembered; beyond this the memory is simply dropped and rebuilt. */
const MAX_REMEMBERED = 50_000;

const NEGATIVE: QueryNode = { kind: 'field', field: 'sentiment', value: 'negative', quoted: false, position: 0 };

/**
 * Counts what a query matches in a time window (on the mention's `createdAt`), through the index
 * port's search total. Baseline windows are closed, so their counts are remembered: each tick
 * then asks the index only about the current window and any window that just closed. A mention
 * that arrives late for a remembered window is not counted in it — the baseline is a baseline.
 */
@Injectable()
export class WindowCounter {
  private readonly remembered = new Map<string, WindowCounts>();

  constructor(@Inject(MENTION_INDEX) private readonly index: MentionIndex) {}

  /** The window that ends now: [fromMs, nowMs]. A mention stamped ahead of the clock counts once its time comes. */
  async current(tenantId: string, query: QueryNode, metric: AlertMetric, fromMs: number, nowMs: number): Promise<WindowCounts> {
    return this.count(tenantId, query, metric, fromMs, nowMs + 1);
  }

  /**
   * A closed window [startMs, endMs); `memoKey` names the monitor and query it belongs to. A query
   * that reads the clock (`date:>now-1h`) means something else at every tick: never remembered.
   */
  async closed(tenantId: string, memoKey: string, query: QueryNode, metric: AlertMetric, startMs: number, endMs: number): Promise<WindowCounts> {
    if (readsClock(query)) return this.count(tenantId, query, metric, startMs, endMs);
    const key = `${tenantId}\u001f${memoKey}\u001f${metric}\u001f${startMs}\u001f${endMs}`;
    const known = this.remembered.get(key);
    if (known) return known;
    const counts = await this.count(tenantId, query, metric, startMs, endMs);
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(key, counts);
    return counts;
  }

  private async count(tenantId: string, query: QueryNode, metric: AlertMetric, startMs: number, endMs: number): Promise<WindowCounts> {
    const inWindow: QueryNode = { kind: 'and', children: [query, dateRange(startMs, endMs)] };
    const total = async (node: QueryNode) => (await this.index.search(tenantId, node, { limit: 1 })).total;
    const count = await total(inWindow);
    const negative = metric === 'negativeShare' && count > 0 ? await total({ kind: 'and', children: [inWindow, NEGATIVE] }) : 0;
    return { count, negative };
  }
}

function dateRange(startMs: number, endMs: number): RangeNode {
  return {
    kind: 'range',
    field: 'date',
    type: 'date',
    lower: { value: new Date(startMs).toISOString(), resolved: startMs, inclusive: true },
    upper: { value: new Date(endMs).toISOString(), resolved: endMs, inclusive: false },
    position: 0,
  };
}

/** Whether a query has a date bound relative to `now`. */
export function readsClock(node: QueryNode): boolean {
  switch (node.kind) {
    case 'range':
      return node.type === 'date' && [node.lower, node.upper].some((bound) => bound !== undefined && /^now/i.test(bound.value));
    case 'and':
    case 'or':
      return node.children.some(readsClock);
    case 'not':
      return readsClock(node.child);
    default:
      return false;
  }
}
