import { Monitor, MonitorState } from './monitor';

export interface Transition {
  next: MonitorState;
  /** The state changed and must be written (most ticks change nothing and write nothing). */
  changed: boolean;
  fire: boolean;
}

/**
 * The monitor's state machine. armed → firing when the rule is met and the cooldown since the
 * last firing is over; firing → armed only after the rule has been continuously unmet for
 * `rearmAfterSeconds`. So a spike that lingers, or flickers around the threshold, fires once.
 */
export function transition(monitor: Monitor, state: MonitorState | undefined, met: boolean, now: Date): Transition {
  const current: MonitorState = state ?? { id: monitor.id, tenantId: monitor.tenantId, phase: 'armed' };
  const at = now.getTime();
  if (current.phase === 'armed') {
    const cooledDown = !current.lastFiredAt || at - Date.parse(current.lastFiredAt) >= monitor.cooldownSeconds * 1_000;
    if (!met || !cooledDown) return { next: current, changed: false, fire: false };
    return { next: { ...current, phase: 'firing', lastFiredAt: now.toISOString(), clearSince: undefined }, changed: true, fire: true };
  }
  if (met) return current.clearSince ? { next: { ...current, clearSince: undefined }, changed: true, fire: false } : { next: current, changed: false, fire: false };
  if (!current.clearSince) return { next: { ...current, clearSince: now.toISOString() }, changed: true, fire: false };
  if (at - Date.parse(current.clearSince) < monitor.rearmAfterSeconds * 1_000) return { next: current, changed: false, fire: false };
  return { next: { ...current, phase: 'armed', clearSince: undefined }, changed: true, fire: false };
}
