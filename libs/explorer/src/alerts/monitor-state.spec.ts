import { Monitor, MonitorState } from './monitor';
import { transition } from './monitor-state';

const monitor = { id: 'm1', tenantId: 'demo', cooldownSeconds: 600, rearmAfterSeconds: 120 } as Monitor;
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, 0) + seconds * 1_000);

/** Runs the state machine over a series of (second, met) observations; answers when it fired. */
function firings(series: [number, boolean][]): number[] {
  let state: MonitorState | undefined;
  const fired: number[] = [];
  for (const [second, met] of series) {
    const step = transition(monitor, state, met, at(second));
    if (step.fire) fired.push(second);
    state = step.next;
  }
  return fired;
}

describe('transition', () => {
  it('fires when the rule is first met, and not again while it stays met', () => {
    const series: [number, boolean][] = Array.from({ length: 200 }, (_, i) => [i * 15, i >= 4]);
    expect(firings(series)).toEqual([60]);
  });

  it('does not flap when the condition flickers: it must stay false for rearmAfterSeconds', () => {
    // Met, then alternating false/true every 15 s for an hour: never false for 120 s in a row.
    const series: [number, boolean][] = Array.from({ length: 240 }, (_, i) => [i * 15, i === 0 || i % 2 === 0]);
    expect(firings(series)).toEqual([0]);
  });

  it('re-arms after the condition stayed false long enough, but fires again only after the cooldown', () => {
    const series: [number, boolean][] = [
      [0, true], // fires
      [15, false], [150, false], // false for 135 s ≥ 120 s: re-armed
      [165, true], // met again but within the 600 s cooldown: quiet
      [300, false], [450, false], // still armed
      [615, true], // cooldown over: fires
    ];
    expect(firings(series)).toEqual([0, 615]);
  });

  it('writes the state only when something changed', () => {
    const quiet = transition(monitor, undefined, false, at(0));
    expect(quiet).toMatchObject({ changed: false, fire: false, next: { phase: 'armed' } });
    const fired = transition(monitor, quiet.next, true, at(15));
    expect(fired).toMatchObject({ changed: true, fire: true, next: { phase: 'firing', lastFiredAt: at(15).toISOString() } });
    expect(transition(monitor, fired.next, true, at(30)).changed).toBe(false);
  });
});
