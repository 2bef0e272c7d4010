import { Classification, PriorityReason, PriorityScore } from '@cxm/contracts';

export interface PriorityInputs {
  classification: Classification;
  followers?: number;
  /** The author has written to the brand before (a known customer). */
  knownCustomer: boolean;
}

const INTENT_POINTS: Record<string, number> = {
  crisis: 40,
  complaint: 25,
  lead: 20,
  purchase_intent: 18,
  question: 15,
  toxic: 10,
  praise: 5,
};

/**
 * An explainable 0–100 priority: each factor adds points and says why, so an agent can see what
 * put a mention at the top. Tuned by hand on the dev set; the weights are the product's opinion,
 * kept in one table so they can be changed in one place.
 */
export function scorePriority({ classification, followers = 0, knownCustomer }: PriorityInputs): PriorityScore {
  const reasons: PriorityReason[] = [];
  const add = (factor: string, points: number, detail: string) => points !== 0 && reasons.push({ factor, points, detail });

  const intents = classification.intents ?? [classification.intent];
  for (const intent of intents) {
    const points = INTENT_POINTS[intent.label];
    if (points) add(intent.label === 'crisis' ? 'crisis' : 'intent', Math.round(points * Math.max(0.5, intent.confidence)), `${intent.label} (confidence ${intent.confidence.toFixed(2)})`);
  }
  if (intents.some((i) => i.label === 'spam')) add('spam', -30, 'looks like spam');
  const { sentiment } = classification;
  if (sentiment.label === 'negative') add('sentiment', Math.round(20 * Math.min(1, Math.abs(sentiment.score) + 0.25)), `negative sentiment (${sentiment.score.toFixed(2)})`);
  if (followers >= 1_000) add('reach', Math.min(20, Math.round(5 * Math.log10(followers / 100))), `${followers.toLocaleString('en')} followers`);
  if (knownCustomer) add('known-customer', 10, 'has written to the brand before');
  const state = classification.customerState;
  if (state?.label === 'frustrated') add('customer-state', 5, 'frustrated');

  const score = Math.max(0, Math.min(100, reasons.reduce((sum, r) => sum + r.points, 0)));
  return { score, reasons };
}
