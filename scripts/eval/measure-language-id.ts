/**
 * Language-ID evaluation: per-language accuracy on the labelled tweet-length fixture set
 * (libs/classification/src/language/fixtures) and µs per call, for the chosen detector and
 * the alternatives it was compared with.
 *
 *   node -r ./scripts/register.js scripts/eval/measure-language-id.ts
 *
 * Alternatives that are not dependencies of the repo (eld, cld3-asm, franc-all) are loaded
 * from LID_COMPARE_DIR (a folder with its own node_modules, e.g. `npm i eld@2.1.0
 * cld3-asm@4.0.0 franc-all@7.2.0` in /tmp/lid) and skipped when absent. Every detector gets
 * the same cleaned text (URLs, handles, hashtags and emoji removed).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { detectLanguage } from '../../libs/classification/src/language-detection';
import { getLid176 } from '../../libs/classification/src/language/fasttext-lid';
import { REQUIRED_LANGUAGES, languageSamples, neighbourSamples } from '../../libs/classification/src/language/fixtures';
import { textForLanguageDetection } from '../../libs/classification/src/text-cleaning';

type Detect = (text: string) => string;
interface Detector {
  name: string;
  detect: Detect;
  /** whether it gets the raw post (our detector cleans the text itself) */
  raw?: boolean;
}

const ISO3_TO_1: Record<string, string> = {
  eng: 'en', rus: 'ru', tha: 'th', tur: 'tr', fra: 'fr', arb: 'ar', ara: 'ar', hin: 'hi', jpn: 'ja',
  cmn: 'zh', kor: 'ko', heb: 'he', pes: 'fa', fas: 'fa', vie: 'vi', ind: 'id', deu: 'de', spa: 'es',
  por: 'pt', ita: 'it', nld: 'nl', pol: 'pl', ukr: 'uk', swe: 'sv', ces: 'cs', ron: 'ro', ell: 'el',
  hun: 'hu', fin: 'fi', dan: 'da', zsm: 'ms',
};
const CLD3_ALIASES: Record<string, string> = { iw: 'he', 'zh-Latn': 'zh' };

async function loadDetectors(): Promise<Detector[]> {
  const detectors: Detector[] = [
    { name: 'chosen: script rules + lid.176 (sync TS port)', detect: (t) => detectLanguage(t).code, raw: true },
    { name: 'lid.176 alone (sync TS port)', detect: (t) => getLid176().predict(t, 1)[0]?.label ?? 'und' },
  ];
  const tinyld = await import('tinyld');
  detectors.push({ name: 'tinyld 1.3.4 (normal)', detect: (t) => tinyld.detect(t) || 'und' });
  const heavy = await import('tinyld/heavy');
  detectors.push({ name: 'tinyld 1.3.4 (heavy)', detect: (t) => heavy.detect(t) || 'und' });

  const compareDir = process.env['LID_COMPARE_DIR'];
  if (compareDir) {
    const modules = join(compareDir, 'node_modules');
    const esm = (path: string): Promise<Record<string, unknown>> =>
      import(pathToFileURL(join(modules, path)).href) as Promise<Record<string, unknown>>;
    try {
      const { eld } = (await esm('eld/src/entries/static.medium.js')) as {
        eld: { detect(t: string): { language: string } };
      };
      detectors.push({ name: 'eld 2.1.0 (medium, ESM only)', detect: (t) => eld.detect(t).language || 'und' });
    } catch (error) {
      console.warn('eld skipped:', (error as Error).message);
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cld3 = require(join(modules, 'cld3-asm')) as {
        loadModule(): Promise<{
          create(min: number, max: number): { findLanguage(t: string): { language: string; is_reliable: boolean } };
        }>;
      };
      const identifier = (await cld3.loadModule()).create(0, 1000);
      detectors.push({
        name: 'cld3-asm 4.0.0 (async wasm load)',
        detect: (t) => {
          const language = identifier.findLanguage(t).language;
          return CLD3_ALIASES[language] ?? language;
        },
      });
    } catch (error) {
      console.warn('cld3-asm skipped:', (error as Error).message);
    }
    try {
      const { franc } = (await esm('franc-all/index.js')) as { franc(t: string, o?: object): string };
      detectors.push({
        name: 'franc-all 7.2.0 (ESM only)',
        detect: (t) => {
          const code = franc(t, { minLength: 3 });
          return ISO3_TO_1[code] ?? code;
        },
      });
    } catch (error) {
      console.warn('franc-all skipped:', (error as Error).message);
    }
  }
  return detectors;
}

async function main(): Promise<void> {
  const samples = languageSamples();
  const detectors = await loadDetectors();
  const cleaned = samples.map((s) => textForLanguageDetection(s.text));
  detectLanguage('warm up the model');

  const header = ['lang', ...detectors.map((_, i) => `#${i + 1}`)];
  const rows: string[][] = [];
  const correct = detectors.map(() => new Map<string, number>());
  const totals = new Map<string, number>();
  const errors = new Map<string, string[]>();
  samples.forEach((sample, index) => {
    totals.set(sample.lang, (totals.get(sample.lang) ?? 0) + 1);
    detectors.forEach((detector, d) => {
      const code = detector.detect(detector.raw ? sample.text : cleaned[index]);
      if (code === sample.lang) correct[d].set(sample.lang, (correct[d].get(sample.lang) ?? 0) + 1);
      else if (d === 0) errors.set(sample.lang, [...(errors.get(sample.lang) ?? []), `${code} ← ${sample.text}`]);
    });
  });
  for (const lang of REQUIRED_LANGUAGES) {
    const total = totals.get(lang) ?? 0;
    rows.push([lang, ...correct.map((c) => pct((c.get(lang) ?? 0) / total))]);
  }
  const all = samples.length;
  rows.push(['ALL', ...correct.map((c) => pct([...c.values()].reduce((a, b) => a + b, 0) / all))]);
  rows.push(['min', ...correct.map((c) => pct(Math.min(...REQUIRED_LANGUAGES.map((l) => (c.get(l) ?? 0) / (totals.get(l) ?? 1)))))]);

  // Throughput: every sample, one warm-up round then 20 timed rounds, one thread.
  const timing: string[] = ['µs/call'];
  for (const detector of detectors) {
    const inputs = detector.raw ? samples.map((s) => s.text) : cleaned;
    for (const text of inputs) detector.detect(text);
    const rounds = 20;
    const start = performance.now();
    for (let r = 0; r < rounds; r++) for (const text of inputs) detector.detect(text);
    timing.push(((performance.now() - start) * 1000 / (rounds * inputs.length)).toFixed(1));
  }
  rows.push(timing);

  console.log(`${samples.length} samples, ${REQUIRED_LANGUAGES.length} languages (30 hand-written posts — 50 for id and da, 10 of them held out — + 15 noisy UDHR snippets each)\n`);
  detectors.forEach((d, i) => console.log(`#${i + 1} ${d.name}`));
  console.log('');
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  // Posts kept out of tuning the close-language tie-breakers, and the Norwegian/Malay guard.
  console.log('\nChosen detector on posts kept out of tuning:');
  const heldOut = samples.filter((s) => s.source === 'held-out');
  for (const lang of new Set(heldOut.map((s) => s.lang))) {
    const own = heldOut.filter((s) => s.lang === lang);
    const codes = own.map((s) => detectLanguage(s.text).code);
    console.log(`  ${lang} held-out: ${codes.filter((c) => c === lang).length}/${own.length} (${codes.join(' ')})`);
  }
  const neighbours = neighbourSamples();
  for (const lang of new Set(neighbours.map((s) => s.lang))) {
    const own = neighbours.filter((s) => s.lang === lang);
    const codes = own.map((s) => detectLanguage(s.text).code);
    console.log(`  ${lang} guard: ${codes.filter((c) => c === lang).length}/${own.length} (${codes.join(' ')})`);
  }
  console.log('\nErrors of the chosen detector:');
  for (const [lang, list] of errors) for (const error of list) console.log(`  ${lang}: ${error}`);
  console.log(`\nlid.176 labels: ${getLid176().labels.length}`);
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

void main();
