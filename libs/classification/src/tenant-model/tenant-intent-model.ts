import { INTENT_LABELS, IntentLabel } from '@cxm/contracts';
import { tokenizeText } from '@cxm/query';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNaiveBayes = require('wink-naive-bayes-text-classifier') as () => NaiveBayes;

interface NaiveBayes {
  definePrepTasks(tasks: ((input: string) => string[])[]): void;
  defineConfig(config: { considerOnlyPresence: boolean; smoothingFactor: number }): void;
  learn(text: string, label: string): void;
  consolidate(): void;
  computeOdds(text: string): [string, number][];
  exportJSON(): string;
  importJSON(json: string): void;
}

/**
 * A tenant's own intent model: naive Bayes over the same multilingual tokens the search uses,
 * learned from the corrections its agents made. Small, pure JS, serialisable to JSON so it lives
 * in the store and every replica can load it.
 */
export class TenantIntentModel {
  private constructor(private readonly nb: NaiveBayes) {}

  static train(examples: { text: string; intent: IntentLabel }[]): TenantIntentModel {
    const model = new TenantIntentModel(newClassifier());
    for (const example of examples) model.nb.learn(example.text, example.intent);
    model.nb.consolidate();
    return model;
  }

  static fromJSON(json: string): TenantIntentModel {
    const nb = newClassifier();
    nb.importJSON(json);
    nb.consolidate();
    return new TenantIntentModel(nb);
  }

  /** The most likely intent and its share of the probability mass; undefined when no token is known. */
  predict(text: string): { label: IntentLabel; confidence: number } | undefined {
    if (tokenizeText(text).length === 0) return undefined;
    const odds = this.nb.computeOdds(text);
    if (odds.length === 0) return undefined;
    // The odds are log-scale scores; a softmax turns them into shares that sum to one.
    const max = Math.max(...odds.map(([, o]) => o));
    const weights = odds.map(([label, o]) => [label, Math.exp(o - max)] as const);
    const total = weights.reduce((sum, [, w]) => sum + w, 0);
    const [label, weight] = weights.reduce((best, w) => (w[1] > best[1] ? w : best));
    // wink answers 'unknown' when no word of the text was ever learned: no opinion, then.
    if (!(INTENT_LABELS as readonly string[]).includes(label)) return undefined;
    return { label: label as IntentLabel, confidence: weight / total };
  }

  toJSON(): string {
    return this.nb.exportJSON();
  }
}

function newClassifier(): NaiveBayes {
  const nb = createNaiveBayes();
  nb.definePrepTasks([tokenizeText]);
  nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  return nb;
}
