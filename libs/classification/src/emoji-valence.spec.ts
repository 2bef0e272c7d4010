import { EMOJI_SCORES, scoreEmoji, type ValenceTally } from './emoji-valence';
import { variedTexts } from './fixtures/varied-texts';

/** The code the scanner replaced: every `\p{Extended_Pictographic}` match, looked up in the table. */
function referenceTally(text: string): ValenceTally {
  const tally: ValenceTally = { sum: 0, hits: 0 };
  for (const match of text.matchAll(/\p{Extended_Pictographic}/gu)) {
    const valence = EMOJI_SCORES[match[0]];
    if (valence !== undefined) {
      tally.sum += valence;
      tally.hits += 1;
    }
  }
  return tally;
}

describe('scoreEmoji (code-point scan)', () => {
  it('finds the same pictographs with the same valences as the regex scan, on multilingual text with emoji sequences', () => {
    const texts = [
      ...variedTexts(2_000),
      Object.keys(EMOJI_SCORES).join(' '),
      Object.keys(EMOJI_SCORES).join('\uFE0F'),
      '😡😡😡', '👍🏽👍🏿', '❤️‍🔥', '👨‍👩‍👧 👎', '#️⃣ 1️⃣', '🇹🇷🇯🇵', '© ® ™ ‼', 'Спасибо ❤ 🙏', 'ขอบคุณ 😍', 'شكرا 🤬', 'बहुत बढ़िया 👌',
      '\uD83D\uDE21\uD83D', '\uDE21😡', 'x😡y😠z', '😀'.repeat(500),
    ];
    const differing = texts.filter((text) => {
      const fast = scoreEmoji(text);
      const reference = referenceTally(text);
      return fast.sum !== reference.sum || fast.hits !== reference.hits;
    });
    expect(differing).toEqual([]);
  });

  it('scores anger as negative and love as positive, whatever the script around them', () => {
    expect(scoreEmoji('Заказ не пришёл 😡😡').sum).toBe(-6);
    expect(scoreEmoji('ขอบคุณมาก 😍').sum).toBe(3);
    expect(scoreEmoji('plain ascii :)')).toEqual({ sum: 0, hits: 0 });
  });
});
