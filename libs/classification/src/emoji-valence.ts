import { CodePointClass, codePointAt } from './code-points';

/**
 * Emoji valence, on the same -3..+3 scale as the word lexicons. Emoji carry tone in every
 * language, so this table is applied whatever language was detected. Hand-picked from the
 * commonest emoji in customer posts; values follow the direction of the Emoji Sentiment
 * Ranking (Kralj Novak et al. 2015) with anger/crying made clearly negative, because in
 * customer care "😭" and "🤬" are rarely happy. Unknown emoji are neutral.
 */
export const EMOJI_SCORES: Readonly<Record<string, number>> = {
  // positive
  '😍': 3, '🥰': 3, '😘': 2, '❤': 3, '💕': 3, '💖': 3, '💯': 2, '🙌': 2, '👏': 2, '👍': 2,
  '🙏': 1, '😊': 2, '🙂': 1, '😀': 2, '😃': 2, '😄': 2, '😁': 2, '😆': 1, '😂': 1, '🤣': 1,
  '🥳': 3, '🎉': 2, '✨': 1, '🔥': 1, '⭐': 2, '🌟': 2, '👌': 2, '💪': 1, '🤩': 3, '😎': 1,
  '😇': 2, '🤗': 2, '💚': 2, '💙': 2, '💜': 2, '🧡': 2, '💛': 2, '✅': 1, '🏆': 2, '☺': 2,
  // negative
  '😡': -3, '🤬': -3, '😠': -3, '👎': -2, '😤': -2, '😭': -2, '😢': -2, '😞': -2, '😔': -2,
  '😟': -2, '😩': -2, '😫': -2, '🙄': -2, '😒': -2, '💩': -2, '🤮': -3, '🤢': -2, '😑': -1,
  '😐': -1, '😕': -1, '🙁': -2, '☹': -2, '💔': -3, '😖': -2, '😣': -2, '😱': -2, '😰': -2,
  '😨': -2, '🤡': -2, '❌': -1, '🚫': -1, '😬': -1, '🤦': -2, '😪': -1, '🥲': -1, '🤯': -1,
};

export interface ValenceTally {
  /** Sum of the valences found. */
  sum: number;
  /** How many valence-bearing items were found (for averaging). */
  hits: number;
}

/** `/\p{Extended_Pictographic}/u` asked once per code point (see code-points.ts). */
const PICTOGRAPHS = new CodePointClass(/\p{Extended_Pictographic}/u);
/** The first pictograph is © (U+00A9): below it no look-up is needed. */
const FIRST_PICTOGRAPH = 0xa9;

/**
 * Scores every pictograph; variation selectors and skin tones do not change the base emoji.
 * The same pictographs, in the same order, as `text.matchAll(/\p{Extended_Pictographic}/gu)`
 * (each match is one code point), by a scan that allocates nothing when there are none.
 */
export function scoreEmoji(text: string): ValenceTally {
  const tally: ValenceTally = { sum: 0, hits: 0 };
  for (let i = 0; i < text.length; ) {
    const cp = codePointAt(text, i);
    if (cp >= FIRST_PICTOGRAPH && PICTOGRAPHS.has(cp)) {
      const valence = EMOJI_SCORES[String.fromCodePoint(cp)];
      if (valence !== undefined) {
        tally.sum += valence;
        tally.hits += 1;
      }
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return tally;
}
