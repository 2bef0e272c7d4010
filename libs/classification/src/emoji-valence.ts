/**
 * Emoji valence, on the same -3..+3 scale as the word lexicons. Emoji carry tone in every
 * language, so this table is applied whatever language was detected. Hand-picked from the
 * commonest emoji in customer posts; values follow the direction of the Emoji Sentiment
 * Ranking (Kralj Novak et al. 2015) with anger/crying made clearly negative, because in
 * customer care "😭" and "🤬" are rarely happy. Unknown emoji are neutral.
 */
const EMOJI_SCORES: Readonly<Record<string, number>> = {
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

const PICTOGRAPH_PATTERN = /\p{Extended_Pictographic}/gu;
const ASCII_ONLY = /^[\x00-\x7F]*$/;

/** Scores every pictograph; variation selectors and skin tones do not change the base emoji. */
export function scoreEmoji(text: string): ValenceTally {
  const tally: ValenceTally = { sum: 0, hits: 0 };
  if (ASCII_ONLY.test(text)) return tally; // every pictograph is outside ASCII (the first is ©)
  for (const match of text.matchAll(PICTOGRAPH_PATTERN)) {
    const valence = EMOJI_SCORES[match[0]];
    if (valence !== undefined) {
      tally.sum += valence;
      tally.hits += 1;
    }
  }
  return tally;
}
