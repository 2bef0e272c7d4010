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

export function decideRoute(classification: Classification, followers = 0, rules: Rule[] = DEFAULT_ROUTING_RULES): RoutingDecision {
  const rule = rules.find((r) => r.intents.includes(classification.intent.label)) ?? FALLBACK;
  let priority = rule.basePriority;
  if (classification.sentiment.label === 'negative' && classification.sentiment.score <= -0.5) priority -= 1;
  if (followers >= HIGH_REACH_FOLLOWERS) priority -= 1;
  return { queue: rule.queue, priority: Math.min(5, Math.max(1, priority)), rule: rule.name };
}
