import type { Classification } from '@cxm/contracts';
import { detectIntent } from './intent-rules';
import { detectLanguage } from './language-detection';
import { MODEL_VERSION } from './model-version';
import { scoreSentiment } from './sentiment-scoring';
import { textForRules, truncateForAnalysis } from './text-cleaning';

/**
 * Classifies one mention: language, sentiment and intent. Synchronous and pure (no I/O,
 * no state besides lazily compiled lexicons), so callers can run it inline per event.
 * Never throws on odd input: empty text gives 'und' / neutral / other.
 */
export function classifyText(text: string): Classification {
  const input = truncateForAnalysis(typeof text === 'string' ? text : '');
  const language = detectLanguage(input);
  const ruleText = textForRules(input);
  const sentiment = scoreSentiment(ruleText, language.code);
  const intent = detectIntent(ruleText, sentiment, language.code);
  return { language, sentiment, intent, modelVersion: MODEL_VERSION };
}
