import { ALERT_METRICS, ALERT_RULE_KINDS, FiredAlert } from '@cxm/contracts';
import { CollectionDefinition } from '@cxm/platform-store';

export type RuleKind = (typeof ALERT_RULE_KINDS)[number];
export type AlertMetric = (typeof ALERT_METRICS)[number];

/**
 * A saved search watched by the evaluator. `threshold`: fires when the metric over the last
 * window is above `threshold`. `anomaly`: fires when it is above mean + sensitivity·stddev of
 * the `baselineWindows` windows before. Either way it then stays quiet until the condition has
 * been false for `rearmAfterSeconds` (hysteresis) and `cooldownSeconds` have passed since it fired.
 */
export interface Monitor {
  id: string;
  tenantId: string;
  savedSearchId: string;
  ownerId: string;
  name: string;
  rule: RuleKind;
  metric: AlertMetric;
  /** threshold rule: a count (volume) or a share from 0 to 1 (negativeShare). */
  threshold?: number;
  /** anomaly rule: how many standard deviations above the baseline mean count as a spike. */
  sensitivity: number;
  baselineWindows: number;
  /** Fewer mentions than this in a window never fire (and such windows are left out of a share's baseline). */
  minCount: number;
  windowSeconds: number;
  cooldownSeconds: number;
  rearmAfterSeconds: number;
  /** Where this monitor's alerts are POSTed; else the tenant's (CXM_ALERT_WEBHOOKS). Never shown back: it may hold a token. */
  webhookUrl?: string;
  status: 'active' | 'deleted';
  createdAt: string;
  updatedAt: string;
  requestFingerprint?: string;
}

/** What the API shows of a monitor: the webhook only by its origin. */
export type MonitorView = Omit<Monitor, 'webhookUrl' | 'status' | 'requestFingerprint'> & { webhookOrigin?: string; state?: MonitorStateView };

/**
 * The evaluator's memory of a monitor (its id is the monitor's). Written only when the phase
 * changes, with optimistic concurrency: of two replicas evaluating at once, one wins the firing.
 */
export interface MonitorState {
  id: string;
  tenantId: string;
  phase: 'armed' | 'firing';
  lastFiredAt?: string;
  lastAlertId?: string;
  /** When the condition was first seen false again while firing (hysteresis). */
  clearSince?: string;
  /** An alert decided but not yet recorded and published: finished by the next tick after a crash. */
  pendingAlert?: FiredAlert;
}

export type MonitorStateView = Pick<MonitorState, 'phase' | 'lastFiredAt' | 'lastAlertId' | 'clearSince'>;

export type DeliveryState =
  | { status: 'pending'; attempts: number }
  | { status: 'delivered' | 'failed' | 'skipped'; attempts: number; statusCode?: number; error?: string; completedAt: string };

/** A fired alert as listed at GET /v1/alerts. */
export interface AlertRecord extends FiredAlert {
  tenantId: string;
  /** What happened to the webhook call. */
  webhook: DeliveryState;
}

export const MONITORS: CollectionDefinition = { name: 'explorer_monitors', indexes: [['status', 'id'], ['savedSearchId', 'status']] };
export const MONITOR_STATES: CollectionDefinition = { name: 'explorer_monitor_states', indexes: [] };
export const ALERTS: CollectionDefinition = { name: 'explorer_alerts', indexes: [['monitorId', 'id']] };

export function toMonitorView(monitor: Monitor, state?: MonitorState): MonitorView {
  const { webhookUrl, status, requestFingerprint, ...view } = monitor;
  void status;
  void requestFingerprint;
  const stateView = state && { phase: state.phase, lastFiredAt: state.lastFiredAt, lastAlertId: state.lastAlertId, clearSince: state.clearSince };
  return { ...view, webhookOrigin: webhookUrl ? new URL(webhookUrl).origin : undefined, state: stateView };
}
