import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { variedTexts } from '../fixtures/varied-texts';

const ROOT = join(__dirname, '..', '..', '..', '..');
const REGISTER = join(ROOT, 'scripts', 'register.js');
const TEXTS = [
  ...variedTexts(600),
  'see https://example.com/a?b=1 and www.test.org, #sale @acme $AAPL',
  'mail me at a.b@example.co.uk or visit example.com.',
  'Заказ #12345 @магазин https://t.co/abc ＃テスト ＠サポート',
];

/**
 * Runs `code` in a fresh Node process (the RegExp species protector is per process), with the
 * texts on stdin and `%RegExpSpeciesProtector()` available; returns what it prints as JSON.
 */
function inFreshProcess(code: string, withRegister: boolean): { protectorIntact: boolean; entities: unknown; nativeSplitKept: boolean } {
  const args = ['--allow-natives-syntax', ...(withRegister ? ['-r', REGISTER] : []), '-e', code];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, input: JSON.stringify(TEXTS), maxBuffer: 64 * 1024 * 1024 }).toString());
}

const PROBE = String.raw`
  const texts = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const split = String.prototype.split, symbolSplit = RegExp.prototype[Symbol.split];
  const twitterText = LOAD;
  const entities = texts.map((text) => twitterText.extractEntitiesWithIndices(text));
  const nativeSplitKept = split === String.prototype.split && symbolSplit === RegExp.prototype[Symbol.split];
  process.stdout.write(JSON.stringify({ protectorIntact: %RegExpSpeciesProtector(), entities, nativeSplitKept }));
`;

describe('twitter-text loaded without core-js es6.regexp.split (extract-entities.ts)', () => {
  const plain = inFreshProcess(PROBE.replace('LOAD', "require('twitter-text')"), false);
  const ours = inFreshProcess(
    PROBE.replace('LOAD', "(require('./libs/classification/src/entities/extract-entities'), require('twitter-text'))") +
      "; require('./libs/classification/src/classify-text').classifyText('ok https://x.co #a @b'); if (!%RegExpSpeciesProtector()) process.exit(3);",
    true,
  );

  it('loaded as usual, twitter-text invalidates V8 RegExp species protector (what the loader avoids) but installs no polyfill', () => {
    expect(plain.protectorIntact).toBe(false);
    expect(plain.nativeSplitKept).toBe(true);
  });

  it('loaded by extract-entities.ts, the protector stays intact, also after classifying', () => {
    expect(ours.protectorIntact).toBe(true);
  });

  it('extracts exactly the same entities (hashtags, handles, URLs, cashtags, indices) from multilingual texts either way', () => {
    expect(ours.entities).toEqual(plain.entities);
  });
});
