import type { IntentGuess, IntentLabel, MentionEntities } from '@cxm/contracts';
import { COMPLAINT_KEYWORDS, PURCHASE_KEYWORDS } from '../intent-keywords';
import { analyseIntents, compileKeywordMatcher, compileKeywords, compileKeywordScreen, type IntentResult } from '../intent-rules';
import type { SentimentResult } from '../sentiment-scoring';
import { CRISIS_KEYWORDS, LEAD_CONTEXT, LEAD_NEED, LEAD_STRONG, SPAM_KEYWORDS, TARGET_MARKERS } from './flag-keywords';
import { detectToxicity } from './toxicity';

/**
 * Multi-label intents. `primary` is the routing intent (question / complaint / praise /
 * purchase_intent / other, by intent-rules.ts precedence), with two overrides: a crisis
 * (legal threat, safety incident, outage) is always a complaint, and a toxic post that is
 * not positive is a complaint ("great job idiots, broken again 🙄"); a lead whose primary
 * would be other/question is purchase_intent (routed to sales). `all` lists every
 * intent that holds, the primary first, then the base intents that also fire, then the
 * flags lead / spam / toxic / crisis. Confidences are fixed per rule, not calibrated.
 */

export interface IntentsResult {
  primary: IntentResult;
  all: IntentGuess[];
}

const LEAD_CONTEXT_RE = compileKeywordMatcher(LEAD_CONTEXT);
const LEAD_STRONG_RE = compileKeywordMatcher(LEAD_STRONG);
const LEAD_NEED_RE = compileKeywordMatcher(LEAD_NEED);
const CRISIS_RE = compileKeywordMatcher(CRISIS_KEYWORDS);
const TARGET_RE = compileKeywordMatcher(TARGET_MARKERS);
const SPAM_RE = new RegExp(compileKeywords(SPAM_KEYWORDS).source, 'giu');
const SPAM_ANY = compileKeywordMatcher(SPAM_KEYWORDS);
/** Rules out, in one scan, every keyword set that most texts do not contain (see compileKeywordScreen). */
const RARE_KEYWORDS = compileKeywordScreen([COMPLAINT_KEYWORDS, PURCHASE_KEYWORDS, CRISIS_KEYWORDS, SPAM_KEYWORDS, LEAD_STRONG, LEAD_CONTEXT]);
const MONEY = /(?:[$€£₽¥]\s?\d[\d,.]*\s?[kK]?|\d[\d,.]*\s?(?:usd|eur|dollars|рублей|руб|euros?|reais|lira|tl))/iu;

/** `rawText` has URLs/handles (for spam); `ruleText` is the cleaned text for keywords. */
export function detectIntents(
  rawText: string, ruleText: string, sentiment: SentimentResult, languageCode: string, entities: MentionEntities,
): IntentsResult {
  const text = ruleText.replace(/[’‘`´]/gu, "'");
  const rare = RARE_KEYWORDS.test(text);
  const base = analyseIntents(text, sentiment, languageCode, rare);
  let primary = base.primary;
  const flags: IntentGuess[] = [];

  const crisis = rare && CRISIS_RE.test(text);
  if (crisis) flags.push({ label: 'crisis', confidence: 0.7 });

  const toxic = toxicity(text, languageCode, sentiment);
  if (toxic > 0) flags.push({ label: 'toxic', confidence: toxic });

  const spam = spamScore(rawText, text, entities, rare);
  if (spam >= 0.6) flags.push({ label: 'spam', confidence: round(Math.min(0.95, spam)) });

  const lead = rare ? leadScore(text) : 0;
  if (lead > 0 && spam < 0.6) flags.push({ label: 'lead', confidence: lead });

  // A business prospect is a sales conversation: route it like purchase intent.
  if (lead > 0 && spam < 0.6 && (primary.label === 'other' || primary.label === 'question')) {
    primary = { label: 'purchase_intent', confidence: 0.6 };
  }
  if (crisis && primary.label !== 'complaint') primary = { label: 'complaint', confidence: 0.7 };
  if (toxic > 0 && sentiment.label !== 'positive' && (primary.label === 'praise' || primary.label === 'other')) {
    primary = { label: 'complaint', confidence: 0.55 };
  }

  const all = new Map<IntentLabel, number>([[primary.label, primary.confidence]]);
  for (const signal of base.signals) {
    // Praise next to a complaint or an insult is sarcasm or mixed; keep only the primary.
    if (signal.label === 'praise' && (primary.label === 'complaint' || toxic > 0)) continue;
    if (!all.has(signal.label)) all.set(signal.label, signal.confidence);
  }
  if ((crisis || toxic > 0) && !all.has('complaint') && sentiment.label !== 'positive') all.set('complaint', 0.55);
  for (const flag of flags) all.set(flag.label, flag.confidence);
  return { primary, all: [...all].map(([label, confidence]) => ({ label, confidence })) };
}

/** 0 = not toxic; insults score higher than profanity, and aimed ones ("you …") higher still. */
function toxicity(text: string, languageCode: string, sentiment: SentimentResult): number {
  const hits = detectToxicity(text, languageCode);
  if (!hits.insult && !hits.profanity) return 0;
  const aimed = TARGET_RE.test(text);
  if (hits.insult) return aimed ? 0.85 : 0.7;
  if (aimed) return 0.7;
  // Profanity with nobody as target: "this is fucking great" is not for hiding.
  return sentiment.label === 'positive' ? 0 : 0.5;
}

function spamScore(rawText: string, text: string, entities: MentionEntities, keywordsPossible: boolean): number {
  let score = 0;
  const keywords = new Set<string>();
  if (keywordsPossible && SPAM_ANY.test(text)) {
    for (const match of text.matchAll(SPAM_RE)) {
      keywords.add(match[0].toLowerCase());
      if (keywords.size >= 3) break;
    }
  }
  score += 0.35 * keywords.size;
  const urls = entities.urls.length;
  const rawUrlCount = (rawText.match(/https?:\/\/|www\./giu) ?? []).length;
  if (rawUrlCount > urls && urls > 0) score += 0.4; // the same link repeated
  if (rawUrlCount >= 3) score += 0.3;
  if (urls > 0 && keywords.size > 0) score += 0.2;
  if (entities.hashtags.length >= 6) score += 0.2;
  if (keywords.size > 0 && MONEY.test(text)) score += 0.2;
  if (entities.mentions.length >= 5) score += 0.2;
  return score;
}

function leadScore(text: string): number {
  if (LEAD_STRONG_RE.test(text)) return 0.75;
  if (LEAD_CONTEXT_RE.test(text) && LEAD_NEED_RE.test(text)) return 0.65;
  return 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
