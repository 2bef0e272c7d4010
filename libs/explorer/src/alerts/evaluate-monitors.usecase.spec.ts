import { EventEnvelope, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus, EventBus } from '@cxm/platform-bus';
import { loadPlatformConfig } from '@cxm/platform-config';
import { EmbeddedMentionIndex } from '@cxm/platform-index';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { collectEvents, seededRandom, waitForQuietBus } from '@cxm/testing';
import { aMentionDocument } from '../common/mention-document.builder';
import { ManageSavedSearches } from '../saved-searches/manage-saved-searches.usecase';
import { EvaluateMonitors, MonitorOutcome } from './evaluate-monitors.usecase';
import { ManageMonitors } from './manage-monitors.usecase';
import { CreateMonitorDto } from './monitor.dto';
import { WindowCounter } from './window-counter';

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const TICK = 15 * SECOND;
const TEXTS = ['Батарея садится за час', 'แบตเตอรี่เสื่อมเร็ว battery', 'battery dies by noon 😡', 'Pil battery bitti yine', 'la batterie est morte', 'البطارية battery تالفة', 'バッテリー battery 最悪'];

/** Mentions created in one second of simulated time. */
type Traffic = (second: number) => { count: number; negative?: number; tenantId?: string };

/** One mention every 30 s, plus now and then (≈1 per 5 min) an extra one: a flat, slightly noisy baseline. */
function flatTraffic(seed = 7): Traffic {
  const random = seededRandom(seed);
  return (second) => ({ count: (second % 30 === 0 ? 1 : 0) + (random() < 1 / 300 ? 1 : 0), negative: 0 });
}

class Harness {
  readonly config = loadPlatformConfig({ CXM_TENANTS: 'demo,acme' });
  readonly store = new EmbeddedDocumentStore();
  readonly index = new EmbeddedMentionIndex();
  readonly bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 10 }, logger: silentLogger() });
  readonly fired: EventEnvelope<PayloadOf['alerts.fired']>[] = collectEvents(this.bus, 'alerts.fired');
  readonly searches = new ManageSavedSearches(this.store);
  readonly monitors = new ManageMonitors(this.store, this.searches);
  private filledUntil = T0 - 3 * 60 * MINUTE;
  private counter = 0;

  evaluator(bus: EventBus = this.bus): EvaluateMonitors {
    return new EvaluateMonitors(this.store, bus, this.config, () => new Date(), silentLogger(), new WindowCounter(this.index));
  }

  async monitor(input: CreateMonitorDto, query = 'battery OR батарея OR バッテリー', tenantId = 'demo'): Promise<string> {
    const { search } = await this.searches.create(tenantId, 'ana', { name: 'battery', query, visibility: 'tenant' });
    return (await this.monitors.create(tenantId, 'ana', search.id, input)).monitor.id;
  }

  /** Writes the mentions `traffic` makes for every second up to `untilMs`. */
  async fill(untilMs: number, traffic: Traffic): Promise<void> {
    for (let at = this.filledUntil + SECOND; at <= untilMs; at += SECOND) {
      const { count, negative = 0, tenantId = 'demo' } = traffic(Math.round((at - T0) / SECOND));
      for (let i = 0; i < count; i++) {
        const n = this.counter++;
        await this.index.upsert(aMentionDocument({ tenantId, text: TEXTS[n % TEXTS.length], createdAt: new Date(at - i).toISOString(), sentiment: i < negative ? 'negative' : 'neutral' }));
      }
    }
    this.filledUntil = Math.max(this.filledUntil, untilMs);
  }

  /**
   * Runs simulated time from `fromMs` to `toMs`: traffic up to each tick, then the evaluators
   * (side by side, like replicas). Answers when each monitor fired.
   */
  async run(fromMs: number, toMs: number, traffic: Traffic, evaluators: EvaluateMonitors[] = [this.evaluator()]): Promise<{ at: number; monitorId: string }[]> {
    const firings: { at: number; monitorId: string }[] = [];
    for (let at = fromMs; at <= toMs; at += TICK) {
      await this.fill(at, traffic);
      const outcomes = await Promise.all(evaluators.map((e) => e.tick(new Date(at))));
      for (const byMonitor of outcomes) for (const [monitorId, outcome] of byMonitor) if (outcome === 'fired') firings.push({ at, monitorId });
    }
    return firings;
  }
}

describe('EvaluateMonitors', () => {
  let h: Harness;

  beforeEach(async () => {
    h = new Harness();
    await h.bus.start();
  });

  afterEach(async () => {
    await h.bus.stop();
  });

  it('fires an anomaly monitor within one minute of a spike starting (simulated time, 15 s ticks)', async () => {
    const id = await h.monitor({ rule: 'anomaly' });
    const spikeAt = 10 * 60; // seconds after T0
    const traffic: Traffic = (s) => (s >= spikeAt ? { count: 2 } : flatTraffic()(s));
    const firings = await h.run(T0, T0 + 20 * MINUTE, traffic);

    expect(firings).toHaveLength(1);
    expect(firings[0].monitorId).toBe(id);
    const delay = firings[0].at - (T0 + spikeAt * SECOND);
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(60 * SECOND);

    await waitForQuietBus(h.bus);
    expect(h.fired).toHaveLength(1);
    const [event] = h.fired;
    expect(event).toMatchObject({ type: 'alert.fired', tenantId: 'demo', key: `demo/${id}`, correlationId: event.payload.alert.id });
    expect(event.payload.alert).toMatchObject({ monitorId: id, rule: 'anomaly', metric: 'volume', firedAt: new Date(firings[0].at).toISOString(), baseline: { windows: 12 } });
    expect(event.payload.alert.value).toBeGreaterThan(event.payload.alert.threshold);
    const listed = await h.monitors.alertsOf('demo', { limit: 10 });
    expect(listed.items.map((a) => a.id)).toEqual([event.payload.alert.id]);
    expect((await h.monitors.get('demo', id)).state).toMatchObject({ phase: 'firing', lastAlertId: event.payload.alert.id });
  });

  it('stays quiet over six hours of a flat, slightly noisy baseline', async () => {
    await h.monitor({ rule: 'anomaly' });
    await h.monitor({ rule: 'threshold', threshold: 25 });
    const firings = await h.run(T0, T0 + 6 * 60 * MINUTE, flatTraffic(42));
    expect(firings).toEqual([]);
    expect((await h.monitors.alertsOf('demo', { limit: 10 })).items).toEqual([]);
  });

  it('fires once for a spike that lingers for 40 minutes, and again only after the cooldown for a later spike', async () => {
    const anomaly = await h.monitor({ rule: 'anomaly', cooldownSeconds: 3_600 });
    const threshold = await h.monitor({ rule: 'threshold', threshold: 40, cooldownSeconds: 3_600 });
    const flat = flatTraffic(3);
    // Spikes: 40 min from +10 min; a short one at +62 min, after the monitor re-armed but within an
    // hour of its first firing (and over before that hour ends); 10 min from +90 min.
    const spiking = (s: number) => (s >= 600 && s < 3_000) || (s >= 3_700 && s < 3_900) || (s >= 5_400 && s < 6_000);
    const firings = await h.run(T0, T0 + 110 * MINUTE, (s) => (spiking(s) ? { count: 1 } : flat(s)));

    const of = (id: string) => firings.filter((f) => f.monitorId === id).map((f) => (f.at - T0) / SECOND);
    const thresholdFirings = of(threshold);
    expect(thresholdFirings).toHaveLength(2);
    expect(thresholdFirings[0]).toBeGreaterThan(600);
    expect(thresholdFirings[0]).toBeLessThanOrEqual(660);
    expect(thresholdFirings[1]).toBeGreaterThan(5_400);
    expect(thresholdFirings[1]).toBeLessThanOrEqual(5_460);
    expect(of(anomaly)[0]).toBeLessThanOrEqual(660);
    expect(of(anomaly).every((at, i, all) => i === 0 || at - all[i - 1] >= 3_600)).toBe(true);

    const alerts = await h.monitors.alertsOf('demo', { limit: 1, monitorId: threshold });
    const next = await h.monitors.alertsOf('demo', { limit: 1, monitorId: threshold, cursor: alerts.nextCursor! });
    // Newest first, one page at a time.
    expect([alerts.items[0].firedAt, next.items[0].firedAt]).toEqual(thresholdFirings.reverse().map((s) => new Date(T0 + s * SECOND).toISOString()));
  });

  it('fires once when two replicas evaluate side by side, and not again after a restart', async () => {
    await h.monitor({ rule: 'threshold', threshold: 30 });
    const traffic: Traffic = (s) => (s >= 120 ? { count: 1 } : flatTraffic()(s));
    const firings = await h.run(T0, T0 + 5 * MINUTE, traffic, [h.evaluator(), h.evaluator()]);
    expect(firings).toHaveLength(1);
    const restarted = await h.run(T0 + 5 * MINUTE + TICK, T0 + 15 * MINUTE, traffic, [h.evaluator()]);
    expect(restarted).toEqual([]);
    await waitForQuietBus(h.bus);
    expect(new Set(h.fired.map((e) => e.eventId)).size).toBe(1);
    expect((await h.monitors.alertsOf('demo', { limit: 10 })).items).toHaveLength(1);
  });

  it('finishes an alert it decided but could not publish (a crash or a bus outage) at the next tick, once', async () => {
    await h.monitor({ rule: 'threshold', threshold: 30 });
    let failNext = true;
    const flaky = {
      publish: (topic: 'alerts.fired', event: EventEnvelope<PayloadOf['alerts.fired']>) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('bus unavailable'));
        }
        return h.bus.publish(topic, event);
      },
    } as unknown as EventBus;
    await h.fill(T0 + 3 * MINUTE, (s) => (s >= 60 ? { count: 1 } : { count: 0 }));
    const evaluator = h.evaluator(flaky);
    const first: MonitorOutcome[] = [...(await evaluator.tick(new Date(T0 + 3 * MINUTE))).values()];
    expect(first).toEqual(['failed']);
    await evaluator.tick(new Date(T0 + 3 * MINUTE + TICK));
    await evaluator.tick(new Date(T0 + 3 * MINUTE + 2 * TICK));
    await waitForQuietBus(h.bus);
    expect(h.fired).toHaveLength(1);
    expect((await h.monitors.alertsOf('demo', { limit: 10 })).items).toHaveLength(1);
  });

  it("never counts another tenant's mentions: a spike at acme leaves demo's monitor quiet", async () => {
    await h.monitor({ rule: 'anomaly' });
    await h.monitor({ rule: 'threshold', threshold: 30 });
    const flat = flatTraffic();
    const firings = await h.run(T0, T0 + 20 * MINUTE, (s) => (s >= 300 ? { count: 3, tenantId: 'acme' } : flat(s)));
    expect(firings).toEqual([]);
    expect((await h.monitors.alertsOf('acme', { limit: 10 })).items).toEqual([]);
  });

  it('fires a negative-share anomaly when the mood turns while the volume stays flat', async () => {
    const share = await h.monitor({ rule: 'anomaly', metric: 'negativeShare', minCount: 8 });
    const volume = await h.monitor({ rule: 'anomaly', metric: 'volume' });
    // Ten mentions per window throughout; one in five negative, then four in five from +10 min.
    const traffic: Traffic = (s) => (s % 30 === 0 ? { count: 1, negative: (s >= 600 ? s % 150 !== 0 : s % 150 === 0) ? 1 : 0 } : { count: 0 });
    const firings = await h.run(T0, T0 + 20 * MINUTE, traffic);
    expect(firings.map((f) => f.monitorId)).toEqual([share]);
    expect(firings[0].at - (T0 + 600 * SECOND)).toBeLessThanOrEqual(5 * MINUTE);
    void volume;
  });

  it('stops evaluating a monitor whose saved search was deleted', async () => {
    const { search } = await h.searches.create('demo', 'ana', { name: 'battery', query: 'battery' });
    const { monitor } = await h.monitors.create('demo', 'ana', search.id, { rule: 'threshold', threshold: 5 });
    await h.searches.remove('demo', 'ana', search.id);
    await h.fill(T0, (s) => (s > -120 ? { count: 1 } : { count: 0 }));
    expect((await h.evaluator().tick(new Date(T0))).get(monitor.id)).toBe('skipped');
  });
});
