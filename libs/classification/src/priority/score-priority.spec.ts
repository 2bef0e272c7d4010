import { aClassification } from '@cxm/testing';
import { scorePriority } from './score-priority';

describe('scorePriority', () => {
  it('ranks an angry complaint from a loud, known customer far above neutral chatter, and says why', () => {
    const angry = scorePriority({
      classification: aClassification({ intent: { label: 'complaint', confidence: 0.9 }, sentiment: { label: 'negative', score: -0.8 } }),
      followers: 250_000,
      knownCustomer: true,
    });
    const chatter = scorePriority({
      classification: aClassification({ intent: { label: 'other', confidence: 0.5 }, sentiment: { label: 'neutral', score: 0 } }),
      knownCustomer: false,
    });
    expect(angry.score).toBeGreaterThan(60);
    expect(chatter.score).toBe(0);
    expect(angry.reasons.map((r) => r.factor)).toEqual(['intent', 'sentiment', 'reach', 'known-customer']);
    expect(angry.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(angry.score);
  });

  it('puts a crisis first and pushes spam down', () => {
    const crisis = scorePriority({
      classification: aClassification({
        intent: { label: 'complaint', confidence: 0.8 },
        intents: [
          { label: 'complaint', confidence: 0.8 },
          { label: 'crisis', confidence: 0.9 },
        ],
      }),
      knownCustomer: false,
    });
    const spam = scorePriority({
      classification: aClassification({ intent: { label: 'other', confidence: 0.5 }, sentiment: { label: 'neutral', score: 0 }, intents: [{ label: 'spam', confidence: 0.9 }] }),
      knownCustomer: false,
    });
    expect(crisis.reasons.some((r) => r.factor === 'crisis')).toBe(true);
    expect(crisis.score).toBeGreaterThan(70);
    expect(spam.score).toBe(0);
  });

  it('stays within 0–100', () => {
    const everything = scorePriority({
      classification: aClassification({
        sentiment: { label: 'negative', score: -1 },
        intents: ['crisis', 'complaint', 'lead', 'purchase_intent', 'question'].map((label) => ({ label: label as never, confidence: 1 })),
        customerState: { label: 'frustrated', confidence: 1 },
      }),
      followers: 10_000_000,
      knownCustomer: true,
    });
    expect(everything.score).toBe(100);
  });
});
