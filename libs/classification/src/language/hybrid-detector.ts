import { getLid176 } from './fasttext-lid';
import { CLOSE_GROUPS as LEXICAL_GROUPS, groupEvidence, pullsIn, wordsOf, type CloseGroup } from './close-languages';
import { SCRIPT_CANDIDATES, SINGLE_LANGUAGE_SCRIPTS, scriptProfile, type Script } from './script-rules';
import { tinyldDetectAll } from './tinyld-opinion';

/**
 * Script rules first, then fastText lid.176 restricted to the labels of the text's script.
 * Returns the raw guess; the `und` policy lives in ../language-detection.ts.
 */
export interface LanguageGuess {
  code: string;
  /** 0..1, before the `und` threshold */
  confidence: number;
}

/** Constructed / classical languages lid.176 knows but customers do not write in. On slang
 * ("lol", "hmm") they win by accident, so they are never returned. */
const IGNORED_LABELS = new Set(['eo', 'vo', 'jbo', 'ia', 'ie', 'io', 'la']);
/** Below this renormalised lid.176 probability, tinyld is asked for a second opinion. */
const SECOND_OPINION_BELOW = 0.8;
/** Below this share of letters in the dominant script, the text counts as mixed-script. */
const MIXED_SCRIPT_SHARE = 0.8;
/** Weight of lid.176 in the blend with tinyld (tinyld gets the rest). */
const LID_WEIGHT = 0.5;

/** Near-identical written languages: the winner is kept, but the confidence (and so the
 * `und` decision) counts the whole group, because "Danish or Norwegian" is still an answer.
 * id/ms and da/no/nn are further resolved by the word lists of ./close-languages.ts. */
const CLOSE_GROUPS: string[][] = [['da', 'no', 'nn'], ['id', 'ms'], ['hr', 'bs', 'sr', 'sh'], ['cs', 'sk']];
/** Prior against Malay: Indonesian social text outnumbers Malay several times over, and
 * lid.176 leans to `ms` on informal Indonesian. */
const LABEL_PRIOR: Record<string, number> = { ms: 0.5 };

/** fastText labels that are not ISO 639-1/-3 codes of their own. */
const LABEL_TO_CODE: Record<string, string> = { bh: 'bho', sh: 'hbs' };

let latinMask: Uint8Array | undefined;
const scriptMasks = new Map<Script, Uint8Array>();

const maskIndices = new WeakMap<Uint8Array, Int32Array>();

/** The label indices a mask allows, ascending (loops over them add in the same order as over all). */
function indicesOf(mask: Uint8Array): Int32Array {
  let indices = maskIndices.get(mask);
  if (!indices) {
    indices = Int32Array.from(Array.from(mask).flatMap((allowed, i) => (allowed ? [i] : [])));
    maskIndices.set(mask, indices);
  }
  return indices;
}

/** Per script, a 0/1 mask over lid.176's label indices (Latin = labels of no other script). */
function maskFor(script: Script): Uint8Array {
  const labels = getLid176().labels;
  if (script === 'other' && !scriptMasks.has(script)) {
    scriptMasks.set(script, Uint8Array.from(labels, (label) => (IGNORED_LABELS.has(label) ? 0 : 1)));
  }
  if (script === 'latin' || (!SCRIPT_CANDIDATES[script] && script !== 'other')) {
    if (!latinMask) {
      const nonLatin = new Set<string>([
        ...Object.values(SCRIPT_CANDIDATES).flat(),
        ...Object.values(SINGLE_LANGUAGE_SCRIPTS),
        ...IGNORED_LABELS,
      ]);
      latinMask = Uint8Array.from(labels, (label) => (nonLatin.has(label) ? 0 : 1));
    }
    return latinMask;
  }
  let mask = scriptMasks.get(script);
  if (!mask) {
    const allowed = new Set(SCRIPT_CANDIDATES[script]);
    mask = Uint8Array.from(labels, (label) => (allowed.has(label) ? 1 : 0));
    scriptMasks.set(script, mask);
  }
  return mask;
}

export function guessLanguage(
  text: string,
  /** fewer letters than this: 'und' without running any model */
  minLetters = 1,
): LanguageGuess & { weightedLetters: number; tokens: number; letters: number } {
  const profile = scriptProfile(text);
  const base = { weightedLetters: profile.weightedLetters, tokens: countTokens(text), letters: profile.letters };
  if (profile.letters === 0 || profile.letters < minLetters) return { code: 'und', confidence: 0, ...base };

  const single = SINGLE_LANGUAGE_SCRIPTS[profile.dominant];
  if (single) return { code: single, confidence: profile.share, ...base };

  const model = getLid176();
  // Clearly mixed scripts ("Заказ не пришёл, order still missing"): let every label compete.
  const mask = maskFor(profile.share < MIXED_SCRIPT_SHARE ? 'other' : profile.dominant);
  // Only the mask's labels are read below, so only they are computed.
  const probabilities = model.predictAll(text, mask);
  let total = 0;
  let best = -1;
  for (const [i, prior] of labelPriors()) if (mask[i]) probabilities[i] *= prior;
  const allowed = indicesOf(mask);
  for (let k = 0; k < allowed.length; k++) {
    const i = allowed[k];
    total += probabilities[i];
    if (best < 0 || probabilities[i] > probabilities[best]) best = i;
  }
  if (best < 0 || total <= 0) return { code: 'und', confidence: 0, ...base };
  let top = probabilities[best] / total;

  // Indonesian/Malay and Danish/Norwegian: word lists, then lid.176's mass over the group.
  // They replace tinyld's second opinion for these groups (and so skip its cost).
  // When another language is also in the running (Swedish vs Danish), tinyld is asked first.
  const lexical =
    profile.dominant === 'latin' ? resolveCloseGroup(text, model.labels[best], probabilities, total, mask, true) : undefined;
  if (lexical) return { ...lexical, confidence: lexical.confidence * (0.5 + 0.5 * profile.share), ...base };

  if (top < SECOND_OPINION_BELOW) {
    // lid.176 is unsure (sv/da, hi/mr, pt/es …): blend in tinyld's opinion, over the
    // same script's labels. tinyld's scores are unnormalised, so they are renormalised here.
    const index = labelIndex();
    const opinions = tinyldDetectAll(text).filter((guess) => {
      const i = index.get(guess.lang);
      return i !== undefined && mask[i] === 1;
    });
    const opinionTotal = opinions.reduce((sum, guess) => sum + guess.accuracy, 0);
    const blended = new Map<number, number>();
    for (let k = 0; k < allowed.length; k++) {
      const i = allowed[k];
      if (probabilities[i] > 0.01 * total) blended.set(i, (LID_WEIGHT * probabilities[i]) / total);
    }
    if (opinionTotal > 0) {
      for (const guess of opinions) {
        const i = index.get(guess.lang) as number;
        blended.set(i, (blended.get(i) ?? 0) + ((1 - LID_WEIGHT) * guess.accuracy) / opinionTotal);
      }
    } else {
      for (const [i, value] of blended) blended.set(i, value / LID_WEIGHT);
    }
    top = 0;
    for (const [i, value] of blended) {
      if (value > top) {
        top = value;
        best = i;
      }
    }
    const blendedLexical =
      profile.dominant === 'latin' ? resolveCloseGroup(text, model.labels[best], probabilities, total, mask) : undefined;
    if (blendedLexical) {
      return { ...blendedLexical, confidence: blendedLexical.confidence * (0.5 + 0.5 * profile.share), ...base };
    }
  }
  const label = model.labels[best];
  const group = CLOSE_GROUPS.find((members) => members.includes(label));
  if (group && top < 0.9) top = Math.max(top, Math.min(0.9, groupMass(group, probabilities, total, mask)));
  // Damped when letters of other scripts are mixed in.
  const confidence = top * (0.5 + 0.5 * profile.share);
  return { code: LABEL_TO_CODE[label] ?? label, confidence, ...base };
}

/** Words separated by single spaces (the cleaned text has its whitespace collapsed). */
function countTokens(text: string): number {
  let tokens = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) tokens++;
  return tokens;
}

function groupMass(members: readonly string[], probabilities: Float64Array, total: number, mask: Uint8Array): number {
  const index = labelIndex();
  let mass = 0;
  for (const member of members) {
    const i = index.get(member);
    if (i !== undefined && mask[i]) mass += probabilities[i] / total;
  }
  return mass;
}

/**
 * When the statistical answer is a member of a lexical close group (or, for Indonesian/Malay,
 * when enough of the words are the group's), the group's word lists pick the member; if they
 * are silent or tied, the member lid.176 finds most probable wins. The confidence counts the
 * group's probability mass and the lexical evidence.
 */
function resolveCloseGroup(
  text: string,
  label: string,
  probabilities: Float64Array,
  total: number,
  mask: Uint8Array,
  /** before tinyld: the group must hold SECOND_OPINION_BELOW of lid.176's mass */
  beforeSecondOpinion = false,
): LanguageGuess | undefined {
  let words: string[] | undefined;
  for (const group of LEXICAL_GROUPS) {
    const inGroup = group.members.includes(label);
    if (!inGroup && !group.pullIn) continue;
    const mass = groupMass(group.members, probabilities, total, mask);
    if (inGroup && beforeSecondOpinion && mass < SECOND_OPINION_BELOW) continue;
    words ??= wordsOf(text);
    const evidence = groupEvidence(group, words);
    if (!inGroup && !pullsIn(evidence)) continue;
    const candidates: readonly string[] =
      evidence.first > evidence.second ? group.members.slice(0, 1) : evidence.second > evidence.first ? group.secondMembers : group.members;
    const code = mostProbable(candidates, probabilities, mask) ?? label;
    return { code: LABEL_TO_CODE[code] ?? code, confidence: Math.max(Math.min(0.9, mass), lexicalFloor(group, evidence)) };
  }
  return undefined;
}

/** Confidence the word lists alone justify: each group word adds 0.1 above 0.45, up to 0.85. */
function lexicalFloor(_group: CloseGroup, evidence: { first: number; second: number; shared: number }): number {
  const words = evidence.first + evidence.second + evidence.shared;
  return words === 0 ? 0 : Math.min(0.85, 0.45 + 0.1 * words);
}

function mostProbable(candidates: readonly string[], probabilities: Float64Array, mask: Uint8Array): string | undefined {
  const index = labelIndex();
  let best: string | undefined;
  let bestValue = -1;
  for (const candidate of candidates) {
    const i = index.get(candidate);
    if (i !== undefined && mask[i] && probabilities[i] > bestValue) {
      bestValue = probabilities[i];
      best = candidate;
    }
  }
  return best;
}

let priorsByIndex: Array<[index: number, prior: number]> | undefined;
/** LABEL_PRIOR by label index (one look-up per prior, not one per label and text). */
function labelPriors(): Array<[index: number, prior: number]> {
  priorsByIndex ??= Object.entries(LABEL_PRIOR).flatMap(([label, prior]) => {
    const i = labelIndex().get(label);
    return i === undefined ? [] : [[i, prior] as [number, number]];
  });
  return priorsByIndex;
}

let labelIndexes: Map<string, number> | undefined;
function labelIndex(): Map<string, number> {
  labelIndexes ??= new Map(getLid176().labels.map((label, i) => [label, i]));
  return labelIndexes;
}
