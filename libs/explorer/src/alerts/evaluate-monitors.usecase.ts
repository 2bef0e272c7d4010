import { Inject, Injectable } from '@nestjs/common';
import { createEvent, FiredAlert, monitorKey } from '@cxm/contracts';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { LOGGER } from '@cxm/platform-http';
import { SEARCH_FIELD_NAMES } from '@cxm/platform-index';
import { Logger } from '@cxm/platform-logging';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, DuplicateDocumentError, VersionConflictError, Versioned } from '@cxm/platform-store';
import { parseQuery, QueryNode } from '@cxm/query';
import { SAVED_SEARCHES, SavedSearch } from '../saved-searches/saved-search';
import { alertId } from './alert-id';
import { ALERTS, AlertRecord, Monitor, MONITOR_STATES, MonitorState, MONITORS } from './monitor';
import { judge, RuleVerdict, WindowCounts } from './monitor-rules';
import { transition } from './monitor-state';
import { WindowCounter } from './window-counter';

/** The evaluator's clock, injectable so tests run hours of windows in simulated time. */
export const ALERT_CLOCK = Symbol('ALERT_CLOCK');
export type AlertClock = () => Date;

export type MonitorOutcome = 'fired' | 'quiet' | 'changed' | 'skipped' | 'lost-race' | 'failed';

const PAGE = 200;

/**
 * One evaluation of every active monitor of every tenant: count the saved search over the
 * current window (and its baseline), judge the rule, step the state machine, and fire when it
 * says so. Firing is a compare-and-set on the monitor's state, then the alert is recorded and
 * `alerts.fired` published — so replicas evaluating side by side, or a restart, fire once.
 */
@Injectable()
export class EvaluateMonitors {
  private readonly monitors: DocumentCollection<Monitor>;
  private readonly states: DocumentCollection<MonitorState>;
  private readonly alerts: DocumentCollection<AlertRecord>;
  private readonly searches: DocumentCollection<SavedSearch>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(ALERT_CLOCK) private readonly clock: AlertClock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly counter: WindowCounter,
  ) {
    this.monitors = store.collection<Monitor>(MONITORS);
    this.states = store.collection<MonitorState>(MONITOR_STATES);
    this.alerts = store.collection<AlertRecord>(ALERTS);
    this.searches = store.collection<SavedSearch>(SAVED_SEARCHES);
  }

  /** Evaluates everything once at `now`; answers how each monitor came out (by id). */
  async tick(now: Date = this.clock()): Promise<Map<string, MonitorOutcome>> {
    const outcomes = new Map<string, MonitorOutcome>();
    for (const tenantId of this.config.tenants) {
      for (let afterId: string | undefined; ; ) {
        const page = await this.monitors.find(tenantId, { status: 'active' }, { limit: PAGE, afterId });
        for (const monitor of page) outcomes.set(monitor.id, await this.evaluateSafely(monitor, now));
        if (page.length < PAGE) break;
        afterId = page[page.length - 1].id;
      }
    }
    return outcomes;
  }

  private async evaluateSafely(monitor: Monitor, now: Date): Promise<MonitorOutcome> {
    try {
      return await this.evaluate(monitor, now);
    } catch (error) {
      // One broken monitor (or a passing index hiccup) must not stop the others; the next tick retries.
      this.logger.warn({ err: error, tenantId: monitor.tenantId, monitorId: monitor.id }, 'monitor evaluation failed');
      return 'failed';
    }
  }

  private async evaluate(monitor: Monitor, now: Date): Promise<MonitorOutcome> {
    let state = await this.states.get(monitor.tenantId, monitor.id);
    if (state?.doc.pendingAlert) state = await this.dispatch(state);
    const search = await this.searches.get(monitor.tenantId, monitor.savedSearchId);
    if (!search || search.doc.status !== 'active') return 'skipped';
    // Parsed at each tick with the tick's clock, so `date:>now-1h` in a saved search moves along.
    const query = parseQuery(search.doc.query, { fields: SEARCH_FIELD_NAMES, now: () => now });
    const verdict = await this.measure(monitor, search.doc, query, now);
    const step = transition(monitor, state?.doc, verdict.met, now);
    if (!step.changed) return 'quiet';
    const next: MonitorState = step.fire ? this.withAlert(step.next, monitor, verdict, now) : step.next;
    try {
      const written = state ? await this.states.replace(next, state.version) : await this.states.insert(next);
      if (step.fire) await this.dispatch(written);
    } catch (error) {
      // Another replica evaluated this monitor first and decided for both of us.
      if (error instanceof VersionConflictError || error instanceof DuplicateDocumentError) return 'lost-race';
      throw error;
    }
    return step.fire ? 'fired' : 'changed';
  }

  private async measure(monitor: Monitor, search: SavedSearch, query: QueryNode, now: Date): Promise<RuleVerdict & { counts: WindowCounts }> {
    const windowMs = monitor.windowSeconds * 1_000;
    const counts = await this.counter.current(monitor.tenantId, query, monitor.metric, now.getTime() - windowMs, now.getTime());
    const baseline: WindowCounts[] = [];
    if (monitor.rule === 'anomaly') {
      // Whole windows on a fixed grid that end before the current window starts: they do not
      // shift with every tick (so their counts can be remembered) and never overlap the spike.
      const lastEnd = Math.floor((now.getTime() - windowMs) / windowMs) * windowMs;
      const memoKey = `${monitor.id}\u001f${search.query}`;
      for (let i = 0; i < monitor.baselineWindows; i++) {
        const end = lastEnd - i * windowMs;
        baseline.push(await this.counter.closed(monitor.tenantId, memoKey, query, monitor.metric, end - windowMs, end));
      }
    }
    return { ...judge(monitor, counts, baseline), counts };
  }

  private withAlert(next: MonitorState, monitor: Monitor, verdict: RuleVerdict & { counts: WindowCounts }, now: Date): MonitorState {
    const windowMs = monitor.windowSeconds * 1_000;
    // The id names the grid window the alert fired in: the same whoever fires it, however often.
    const id = alertId(monitor.tenantId, monitor.id, Math.floor(now.getTime() / windowMs) * windowMs);
    const alert: FiredAlert = {
      id,
      monitorId: monitor.id,
      savedSearchId: monitor.savedSearchId,
      name: monitor.name,
      rule: monitor.rule,
      metric: monitor.metric,
      windowStart: new Date(now.getTime() - windowMs).toISOString(),
      windowEnd: now.toISOString(),
      value: verdict.value,
      threshold: verdict.threshold,
      count: verdict.counts.count,
      baseline: verdict.baseline,
      firedAt: now.toISOString(),
    };
    return { ...next, lastAlertId: id, pendingAlert: alert };
  }

  /** Records and publishes the pending alert (both idempotent), then clears it from the state. */
  private async dispatch(state: Versioned<MonitorState>): Promise<Versioned<MonitorState>> {
    const alert = state.doc.pendingAlert!;
    const { tenantId } = state.doc;
    await this.alerts.insert({ ...alert, tenantId, webhook: { status: 'pending', attempts: 0 } }).catch((error: unknown) => {
      if (!(error instanceof DuplicateDocumentError)) throw error;
    });
    await this.bus.publish(
      'alerts.fired',
      createEvent('alerts.fired', { tenantId, correlationId: alert.id, key: monitorKey(tenantId, alert.monitorId), causationId: alert.id, occurredAt: alert.firedAt, payload: { alert } }),
    );
    this.logger.info({ tenantId, monitorId: alert.monitorId, alertId: alert.id, value: alert.value, threshold: alert.threshold }, 'alert fired');
    const { pendingAlert, ...settled } = state.doc;
    void pendingAlert;
    try {
      return await this.states.replace(settled, state.version);
    } catch (error) {
      // Someone else settled it (or moved it on): publishing again was harmless, the event id is the same.
      if (error instanceof VersionConflictError) return (await this.states.get(tenantId, state.doc.id)) ?? state;
      throw error;
    }
  }
}
