/**
 * Proof that a speed-up changed no output: writes `classifyText(text)` for a fixed corpus as
 * NDJSON (one `{text, result}` line per text) and prints its SHA-256, or compares against a
 * file written before the change and lists every text whose result differs.
 *
 *   node -r ./scripts/register.js scripts/eval/classify-fingerprint.ts --write /tmp/before.ndjson
 *   (change the code)
 *   node -r ./scripts/register.js scripts/eval/classify-fingerprint.ts --compare /tmp/before.ndjson
 *
 * Corpus (deterministic): the labelled dev set, the benchmark's 2,000 demo texts and 10,000
 * more demo texts from other seeds, the language-ID fixtures (social posts, held-out posts,
 * decorated UDHR clauses, Norwegian/Malay guards), and hand-written edge cases (empty,
 * whitespace, emoji only, times like "10 am" that wink's tokenizer keeps whole, emoticons,
 * negations, 2-grams, enormous input). Every text is classified twice, the second time in
 * reverse order, so results that depend on cache state or call order are caught too.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { classifyText } from '@cxm/classification';
import { languageSamples, neighbourSamples } from '../../libs/classification/src/language/fixtures';
import { BENCH_SEED, demoTextsFor, devSetTexts } from './classify-workload';

/** The benchmark's seed first (scripts/bench/classify-throughput.ts), then others. */
const DEMO_SEEDS: Array<[seed: number, count: number]> = [
  [BENCH_SEED, 2_000],
  [1, 5_000],
  [2, 5_000],
];

const EDGE_CASES: readonly string[] = [
  '',
  '   ',
  '\n\t',
  '😡😡😡',
  '🙏',
  ':) :( :-D <3',
  'Meeting at 10 am, delivery in 5 hours, call me at 3pm',
  'waited 2 hrs and 10 a.m. came and went :(',
  'not bad at all',
  "I don't like this, it isn't good",
  'never ever buying again, no fun',
  'cool stuff, does not work, dont like it',
  'no way!! green wash',
  'right direction? self deluded',
  '#love #fail #NotGood #awesome',
  'LOL ok thx',
  'This is SO GOOD!!! 😍😍',
  'stopped working after the update, worst app ever',
  'Thanks for losing my bag again, great service 🙃',
  'Заказ не пришёл, order still missing 😡',
  'ขอบคุณมากครับ บริการดีมาก',
  'Harika bir hizmet, teşekkürler!',
  "C'est nul, je ne suis pas content 😠",
  'الخدمة سيئة جدا ولم يصل الطلب',
  '配送が遅すぎる。最悪です',
  'यह सेवा बहुत अच्छी है',
  'a'.repeat(10_000),
  'great '.repeat(2_000),
  'not good, '.repeat(1_000),
  '\uD83D lone surrogate \uDC00 text',
];

export function fingerprintCorpus(): string[] {
  const demo = DEMO_SEEDS.flatMap(([seed, count]) => demoTextsFor(seed, count));
  const lid = [...languageSamples(), ...neighbourSamples()].map((sample) => sample.text);
  return [...devSetTexts(), ...demo, ...lid, ...EDGE_CASES];
}

function classifyAll(texts: readonly string[]): string[] {
  const forward = texts.map((text) => JSON.stringify(classifyText(text)));
  for (let i = texts.length - 1; i >= 0; i--) {
    const again = JSON.stringify(classifyText(texts[i]));
    if (again !== forward[i]) throw new Error(`classifyText is not deterministic for ${JSON.stringify(texts[i].slice(0, 80))}`);
  }
  return texts.map((text, i) => JSON.stringify({ text, result: JSON.parse(forward[i]) as unknown }));
}

function main(): void {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== '--write' && mode !== '--compare') || !file) {
    throw new Error('usage: classify-fingerprint.ts --write <file> | --compare <file>');
  }
  const texts = fingerprintCorpus();
  const lines = classifyAll(texts);
  const output = `${lines.join('\n')}\n`;
  const sha = createHash('sha256').update(output).digest('hex');
  if (mode === '--write') {
    writeFileSync(file, output);
    console.log(`${lines.length} texts classified, sha256 ${sha}, written to ${file}`);
    return;
  }
  const before = readFileSync(file, 'utf8');
  const beforeLines = before.split('\n').filter((line) => line);
  const differing = lines.filter((line, i) => line !== beforeLines[i]);
  const beforeSha = createHash('sha256').update(before).digest('hex');
  console.log(`${lines.length} texts classified (before: ${beforeLines.length}); sha256 now ${sha}, before ${beforeSha}`);
  for (const line of differing.slice(0, 20)) console.log(`DIFFERS: ${line.slice(0, 300)}`);
  if (differing.length > 0 || lines.length !== beforeLines.length) {
    console.log(`${differing.length} results differ`);
    process.exitCode = 1;
  } else {
    console.log('byte-identical');
  }
}

main();
