import { aClassification } from '@cxm/testing';
import { decideRoute } from './routing-rules';

describe('decideRoute', () => {
  it('routes a complaint to care and an angry one from a loud author to the top priority', () => {
    expect(decideRoute(aClassification({ intent: { label: 'complaint', confidence: 0.9 }, sentiment: { label: 'negative', score: -0.2 } }))).toEqual({
      queue: 'care',
      priority: 2,
      rule: 'complaint-to-care',
    });
    const angryAndLoud = decideRoute(aClassification({ intent: { label: 'complaint', confidence: 0.9 }, sentiment: { label: 'negative', score: -0.8 } }), 50_000);
    expect(angryAndLoud).toMatchObject({ queue: 'care', priority: 1 });
  });

  it('sends a crisis to care at the top priority whatever the primary intent', () => {
    const crisis = aClassification({ intent: { label: 'question', confidence: 0.6 }, intents: [{ label: 'question', confidence: 0.6 }, { label: 'crisis', confidence: 0.9 }] });
    expect(decideRoute(crisis)).toEqual({ queue: 'care', priority: 1, rule: 'crisis-to-care' });
  });

  it("takes the case priority from the classifier's score when there is one", () => {
    const scored = (score: number) => decideRoute(aClassification({ intent: { label: 'question', confidence: 0.7 }, priority: { score, reasons: [] } })).priority;
    expect([scored(85), scored(55), scored(35), scored(20), scored(3)]).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    ['question', 'care', 3],
    ['praise', 'engagement', 4],
    ['purchase_intent', 'sales', 3],
    ['other', 'triage', 5],
  ] as const)('routes %s to %s at priority %d', (intent, queue, priority) => {
    const decision = decideRoute(aClassification({ intent: { label: intent, confidence: 0.7 }, sentiment: { label: 'neutral', score: 0 } }));
    expect(decision).toMatchObject({ queue, priority });
  });
});
