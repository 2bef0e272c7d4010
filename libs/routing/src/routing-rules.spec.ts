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
