import type { Classification } from '@cxm/contracts';
import { extractEntities } from './entities/extract-entities';
import { detectIntents } from './intents/detect-intents';
import { detectLanguage } from './language-detection';
import { MODEL_VERSION } from './model-version';
import { scoreSentiment } from './sentiment-scoring';
import { customerState } from './state/customer-state';
import { textForRules, truncateForAnalysis } from './text-cleaning';

/**
 * Classifies one mention: language, sentiment, primary intent plus every intent that holds
 * (lead / spam / toxic / crisis flags included), customer state and entities. Synchronous
 * and pure (no I/O, no state besides lazily compiled lexicons), so callers can run it inline
 * per event. Never throws on odd input: empty text gives 'und' / neutral / other.
 */
export function classifyText(text: string): Classification {
  const input = truncateForAnalysis(typeof text === 'string' ? text : '');
  const language = detectLanguage(input);
  const ruleText = textForRules(input);
  const sentiment = scoreSentiment(ruleText, language.code);
  const entities = extractEntities(input);
  const intents = detectIntents(input, ruleText, sentiment, language.code, entities);
  return {
    language,
    sentiment,
    intent: intents.primary,
    modelVersion: MODEL_VERSION,
    intents: intents.all,
    customerState: customerState(ruleText, sentiment, intents.all),
    entities,
  };
}
