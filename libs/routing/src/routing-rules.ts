import { Classification, Queue } from '@cxm/contracts';

export interface RoutingDecision {
  queue: Queue;
  /** 1 (most urgent) … 5 */
  priority: number;
  rule: string;
}

interface Rule {
  name: string;
  intents: string[];
  queue: Queue;
  basePriority: number;
}

/** The default rule table; the first rule whose intent matches decides. Tenants get their own later. */
export const DEFAULT_ROUTING_RULES: Rule[] = [
  { name: 'complaint-to-care', intents: ['complaint'], queue: 'care', basePriority: 2 },
  { name: 'question-to-care', intents: ['question'], queue: 'care', basePriority: 3 },
  { name: 'purchase-intent-to-sales', intents: ['purchase_intent'], queue: 'sales', basePriority: 3 },
  { name: 'praise-to-engagement', intents: ['praise'], queue: 'engagement', basePriority: 4 },
];

const FALLBACK: Rule = { name: 'everything-else-to-triage', intents: [], queue: 'triage', basePriority: 5 };

/** Authors with this many followers are louder: their mention moves up one priority step. */
export const HIGH_REACH_FOLLOWERS = 10_000;

/** A crisis (legal threat, safety, outage) goes to care at the top, whatever the primary intent. */
const CRISIS: Rule = { name: 'crisis-to-care', intents: ['crisis'], queue: 'care', basePriority: 1 };

export function decideRoute(classification: Classification, followers = 0, rules: Rule[] = DEFAULT_ROUTING_RULES): RoutingDecision {
  const flags = (classification.intents ?? []).map((i) => i.label);
  if (flags.includes('crisis')) return { queue: CRISIS.queue, priority: CRISIS.basePriority, rule: CRISIS.name };
  const rule = rules.find((r) => r.intents.includes(classification.intent.label)) ?? FALLBACK;
  return { queue: rule.queue, priority: casePriority(rule, classification, followers), rule: rule.name };
}

/**
 * 1 (most urgent) … 5. With the classifier's explainable 0–100 score, the case takes its band;
 * without one (older events), the rule's base priority adjusted for anger and reach.
 */
function casePriority(rule: Rule, classification: Classification, followers: number): number {
  const score = classification.priority?.score;
  if (score !== undefined) return score >= 70 ? 1 : score >= 50 ? 2 : score >= 30 ? 3 : score >= 15 ? 4 : 5;
  let priority = rule.basePriority;
  if (classification.sentiment.label === 'negative' && classification.sentiment.score <= -0.5) priority -= 1;
  if (followers >= HIGH_REACH_FOLLOWERS) priority -= 1;
  return Math.min(5, Math.max(1, priority));
}
