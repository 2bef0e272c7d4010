/**
 * Unicode-script rules for language identification. The script of the letters decides some
 * languages outright (Thai, Hangul, kana, Greek, …) and narrows the others (Cyrillic, Arabic,
 * Devanagari, Han, Latin, …) to the fastText labels written in that script.
 */

export type Script =
  | 'latin' | 'cyrillic' | 'greek' | 'armenian' | 'hebrew' | 'arabic' | 'thaana' | 'devanagari'
  | 'bengali' | 'gurmukhi' | 'gujarati' | 'oriya' | 'tamil' | 'telugu' | 'kannada' | 'malayalam'
  | 'sinhala' | 'thai' | 'lao' | 'tibetan' | 'myanmar' | 'georgian' | 'hangul' | 'ethiopic'
  | 'khmer' | 'kana' | 'han' | 'other';

import { LETTERS, codePointAt } from '../code-points';

/** [first code point, last code point, script], sorted by first code point. */
const RANGES: Array<[number, number, Script]> = [
  [0x0041, 0x024f, 'latin'],
  [0x0370, 0x03ff, 'greek'],
  [0x0400, 0x052f, 'cyrillic'],
  [0x0531, 0x058f, 'armenian'],
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x0780, 0x07bf, 'thaana'],
  [0x08a0, 0x08ff, 'arabic'],
  [0x0900, 0x097f, 'devanagari'],
  [0x0980, 0x09ff, 'bengali'],
  [0x0a00, 0x0a7f, 'gurmukhi'],
  [0x0a80, 0x0aff, 'gujarati'],
  [0x0b00, 0x0b7f, 'oriya'],
  [0x0b80, 0x0bff, 'tamil'],
  [0x0c00, 0x0c7f, 'telugu'],
  [0x0c80, 0x0cff, 'kannada'],
  [0x0d00, 0x0d7f, 'malayalam'],
  [0x0d80, 0x0dff, 'sinhala'],
  [0x0e00, 0x0e7f, 'thai'],
  [0x0e80, 0x0eff, 'lao'],
  [0x0f00, 0x0fff, 'tibetan'],
  [0x1000, 0x109f, 'myanmar'],
  [0x10a0, 0x10ff, 'georgian'],
  [0x1100, 0x11ff, 'hangul'],
  [0x1200, 0x139f, 'ethiopic'],
  [0x1780, 0x17ff, 'khmer'],
  [0x1c80, 0x1c8f, 'cyrillic'],
  [0x1c90, 0x1cbf, 'georgian'],
  [0x1e00, 0x1eff, 'latin'],
  [0x1f00, 0x1fff, 'greek'],
  [0x2de0, 0x2dff, 'cyrillic'],
  [0x3040, 0x30ff, 'kana'],
  [0x3130, 0x318f, 'hangul'],
  [0x31f0, 0x31ff, 'kana'],
  [0x3400, 0x4dbf, 'han'],
  [0x4e00, 0x9fff, 'han'],
  [0xa640, 0xa69f, 'cyrillic'],
  [0xa960, 0xa97f, 'hangul'],
  [0xac00, 0xd7ff, 'hangul'],
  [0xf900, 0xfaff, 'han'],
  [0xfb1d, 0xfb4f, 'hebrew'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
  [0xff66, 0xff9f, 'kana'],
  [0x20000, 0x3134f, 'han'],
];

/** Scripts that name one language (fastText lid.176 label). */
export const SINGLE_LANGUAGE_SCRIPTS: Partial<Record<Script, string>> = {
  greek: 'el', armenian: 'hy', thaana: 'dv', gurmukhi: 'pa', gujarati: 'gu', oriya: 'or',
  tamil: 'ta', telugu: 'te', kannada: 'kn', malayalam: 'ml', sinhala: 'si', thai: 'th', lao: 'lo',
  tibetan: 'bo', myanmar: 'my', hangul: 'ko', ethiopic: 'am', khmer: 'km', kana: 'ja',
};

/** lid.176 labels written in a script shared by several languages. Latin is "everything else". */
export const SCRIPT_CANDIDATES: Partial<Record<Script, readonly string[]>> = {
  cyrillic: [
    'ru', 'uk', 'be', 'bg', 'mk', 'sr', 'kk', 'ky', 'tg', 'tt', 'ba', 'cv', 'ce', 'os', 'sah', 'mn',
    'mhr', 'mrj', 'myv', 'xal', 'krc', 'kv', 'av', 'lez', 'tyv', 'bxr', 'rue',
  ],
  arabic: ['ar', 'arz', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug', 'azb', 'mzn', 'pnb', 'lrc'],
  devanagari: ['hi', 'mr', 'ne', 'sa', 'mai', 'bh', 'new', 'gom', 'dty'],
  // Han with no kana at all: Japanese social text virtually always has kana, so not 'ja'.
  han: ['zh', 'yue', 'wuu'],
  hebrew: ['he', 'yi'],
  bengali: ['bn', 'as', 'bpy'],
  georgian: ['ka', 'xmf'],
};

export interface ScriptProfile {
  /** the script with most letters ('other' when there are none) */
  dominant: Script;
  /** letters in the dominant script ÷ all letters */
  share: number;
  letters: number;
  /** letters weighted by information: a Han, kana, Hangul or Thai letter counts as 3 */
  weightedLetters: number;
  kana: number;
  hangul: number;
}

const DENSE_SCRIPTS = new Set<Script>(['han', 'kana', 'hangul', 'thai', 'lao', 'khmer', 'myanmar', 'tibetan']);

export function scriptOf(codePoint: number): Script {
  let low = 0;
  let high = RANGES.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [first, last, script] = RANGES[mid];
    if (codePoint < first) high = mid - 1;
    else if (codePoint > last) low = mid + 1;
    else return script;
  }
  return 'other';
}

/** Every script, in one array, so that per-text counts are a small typed array. */
const SCRIPTS: readonly Script[] = [...new Set<Script>([...RANGES.map(([, , script]) => script), 'other'])];
const SCRIPT_INDEX = new Map(SCRIPTS.map((script, i) => [script, i]));
const DENSE = Uint8Array.from(SCRIPTS, (script) => (DENSE_SCRIPTS.has(script) ? 1 : 0));

/** Per BMP code point: 0 = not looked up yet, 1 = not a letter, 2 + i = a letter of SCRIPTS[i]. */
const BMP_LETTER_SCRIPT = new Uint8Array(0x10000);
const ASTRAL_LETTER_SCRIPT = new Map<number, number>();

/** 1 + the index of the code point's script if it is a letter (\p{L}; marks are not), else 0. */
function letterScript(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = BMP_LETTER_SCRIPT[codePoint];
    if (known !== 0) return known - 1;
    const value = lookUpLetterScript(codePoint);
    BMP_LETTER_SCRIPT[codePoint] = value + 1;
    return value;
  }
  let value = ASTRAL_LETTER_SCRIPT.get(codePoint);
  if (value === undefined) {
    value = lookUpLetterScript(codePoint);
    ASTRAL_LETTER_SCRIPT.set(codePoint, value);
  }
  return value;
}

function lookUpLetterScript(codePoint: number): number {
  // The ASCII letters of \p{L} are exactly A–Z and a–z.
  const isLetter = codePoint < 0x80
    ? (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a)
    : LETTERS.has(codePoint);
  return isLetter ? 1 + (SCRIPT_INDEX.get(scriptOf(codePoint)) as number) : 0;
}

/**
 * Letters per script, over the code points of the text. The dominant script is the one with
 * most letters; on a tie, the one whose first letter comes first in the text.
 */
export function scriptProfile(text: string): ScriptProfile {
  const counts = new Int32Array(SCRIPTS.length);
  /** script indexes in the order their first letter appears (the tie-break) */
  const order: number[] = [];
  let letters = 0;
  let weightedLetters = 0;
  for (let i = 0; i < text.length; ) {
    const codePoint = codePointAt(text, i);
    i += codePoint > 0xffff ? 2 : 1;
    const letter = letterScript(codePoint);
    if (letter === 0) continue;
    const script = letter - 1;
    if (counts[script]++ === 0) order.push(script);
    letters++;
    weightedLetters += DENSE[script] ? 3 : 1;
  }
  let dominant: Script = 'other';
  let best = 0;
  for (const script of order) {
    if (counts[script] > best) {
      dominant = SCRIPTS[script];
      best = counts[script];
    }
  }
  const count = (script: Script) => counts[SCRIPT_INDEX.get(script) as number];
  const kana = count('kana');
  const hangul = count('hangul');
  // Japanese mixes Han and kana, Korean sometimes Han and Hangul: the phonetic script decides.
  if (dominant === 'han' && kana > 0) dominant = 'kana';
  if (dominant === 'han' && hangul > 0) dominant = 'hangul';
  const share = letters === 0 ? 0 : count(dominant) / letters;
  const cjkShare = letters === 0 ? 0 : (count('han') + kana + hangul) / letters;
  return {
    dominant,
    share: dominant === 'kana' || dominant === 'hangul' ? cjkShare : share,
    letters,
    weightedLetters,
    kana,
    hangul,
  };
}
