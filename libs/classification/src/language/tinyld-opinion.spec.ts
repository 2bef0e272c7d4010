import { detectAll } from 'tinyld';
import { variedTexts } from '../fixtures/varied-texts';
import { tinyldDetectAll, tinyldFastPathActive } from './tinyld-opinion';

const TEXTS = variedTexts(2_500);

/** Equal arrays with every accuracy the same double (Object.is, not toBeCloseTo). */
function sameGuesses(a: ReturnType<typeof detectAll>, b: ReturnType<typeof detectAll>): boolean {
  return a.length === b.length && a.every((guess, i) => guess.lang === b[i].lang && Object.is(guess.accuracy, b[i].accuracy));
}

describe('tinyldDetectAll (tinyld scoring over its own profiles)', () => {
  it('uses the fast path with the installed tinyld (an upgrade that changes its internals fails here)', () => {
    expect(tinyldFastPathActive()).toBe(true);
  });

  it("gives exactly detectAll's languages, order and accuracies on multilingual, noisy and edge-case texts", () => {
    const differing = TEXTS.filter((text) => !sameGuesses(tinyldDetectAll(text), detectAll(text)));
    expect(differing).toEqual([]);
  });

  it('gives the same answers when its per-word cache is warm (second pass, reverse order)', () => {
    const first = TEXTS.map((text) => tinyldDetectAll(text));
    const differing = [...TEXTS.keys()].reverse().filter((i) => !sameGuesses(tinyldDetectAll(TEXTS[i]), first[i]));
    expect(differing).toEqual([]);
  });

  it('still tells close languages apart the way tinyld does (sv vs da, pt vs es)', () => {
    expect(tinyldDetectAll('Jag har inte fått min beställning än')[0].lang).toBe(detectAll('Jag har inte fått min beställning än')[0].lang);
    expect(tinyldDetectAll('Ainda não recebi o meu pedido')[0].lang).toBe('pt');
  });
});
