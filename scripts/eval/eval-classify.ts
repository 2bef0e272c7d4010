/**
 * `node -r ./scripts/register.js scripts/eval/eval-classify.ts <labelled.ndjson> [--json] [--errors]`
 *
 * Runs `classifyText` from @cxm/classification over a labelled NDJSON file (one object per line:
 * `{"id", "text", "lang", "sentiment", "intents": [...], "state"?, "tags"?}`, see
 * libs/classification/dev-set/README.md) and prints, overall first and then per language:
 * accuracy and macro-F1 per task (language, sentiment, primary intent, customer state), each
 * intent label as a binary task, and confusion matrices for sentiment and primary intent.
 *
 * - Gold primary intent: the first of complaint, purchase_intent, question, praise, other present
 *   in the line's `intents` (`other` when only flags such as spam are present).
 * - Predicted intents: `intents` when the classifier emits it; otherwise only the primary
 *   `intent.label` is known, so the flag labels (lead, spam, toxic, crisis) are reported as
 *   "not produced". Customer state likewise, when no result carries `customerState`.
 * - `--json` prints the whole report as JSON instead; `--errors` also lists every line whose
 *   sentiment or primary intent is wrong.
 */
import { readFileSync } from 'node:fs';
import { classifyText } from '@cxm/classification';
import { CUSTOMER_STATES, INTENT_LABELS, SENTIMENT_LABELS, type Classification } from '@cxm/contracts';
import {
  PRIMARY_INTENT_PRECEDENCE,
  evaluateBinary,
  evaluateMulticlass,
  formatConfusion,
  primaryIntent,
  type BinaryReport,
  type MulticlassReport,
} from '../../tools/eval/src/classification-metrics';

interface LabelledLine {
  id: string;
  text: string;
  lang: string;
  sentiment: string;
  intents: string[];
  state?: string;
  tags?: string[];
}

interface Scored {
  gold: LabelledLine;
  result: Classification;
}

const FLAG_LABELS = ['lead', 'spam', 'toxic', 'crisis'] as const;
const SENTIMENT_ORDER = ['positive', 'neutral', 'negative', 'unsupported'];
const NOT_PRODUCED = 'not produced';
/** Stands in for a prediction the classifier did not make, in a task it does produce elsewhere. */
const MISSING = '(missing)';

function parseLines(path: string): LabelledLine[] {
  const errors: string[] = [];
  const lines: LabelledLine[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.trim();
      if (!line || line.startsWith('//')) return;
      const where = `line ${index + 1}`;
      let row: Partial<LabelledLine>;
      try {
        row = JSON.parse(line) as Partial<LabelledLine>;
      } catch {
        errors.push(`${where}: not JSON`);
        return;
      }
      if (typeof row.id !== 'string' || typeof row.text !== 'string' || typeof row.lang !== 'string') {
        errors.push(`${where}: id, text and lang must be strings`);
      } else if (!SENTIMENT_LABELS.includes(row.sentiment as never)) {
        errors.push(`${where} (${row.id}): unknown sentiment ${JSON.stringify(row.sentiment)}`);
      } else if (!Array.isArray(row.intents) || row.intents.length === 0 || row.intents.some((i) => !INTENT_LABELS.includes(i as never))) {
        errors.push(`${where} (${row.id}): intents must be a non-empty list of ${INTENT_LABELS.join('|')}`);
      } else if (row.state !== undefined && !CUSTOMER_STATES.includes(row.state as never)) {
        errors.push(`${where} (${row.id}): unknown state ${JSON.stringify(row.state)}`);
      } else {
        lines.push(row as LabelledLine);
      }
    });
  if (errors.length > 0) {
    console.error(`${path}: ${errors.length} malformed line(s)\n  ${errors.slice(0, 20).join('\n  ')}`);
    process.exit(2);
  }
  return lines;
}

function predictedIntents(result: Classification): string[] {
  return result.intents?.map((i) => i.label) ?? [result.intent.label];
}

interface SliceReport {
  n: number;
  language: MulticlassReport;
  sentiment: MulticlassReport;
  primaryIntent: MulticlassReport;
  /** Each intent label as a yes/no task; flags are "not produced" while the classifier emits no `intents`. */
  intents: Record<string, BinaryReport | typeof NOT_PRODUCED>;
  /** The four flags pooled (micro-averaged) into one yes/no task. */
  flagsPooled: BinaryReport | typeof NOT_PRODUCED;
  /** Only the lines that carry a gold `state`. */
  customerState: MulticlassReport | typeof NOT_PRODUCED;
  /** Lines whose predicted sentiment is `unsupported`. */
  sentimentUnsupported: number;
}

function evaluateSlice(items: readonly Scored[], produced: { intents: boolean; customerState: boolean }): SliceReport {
  const intents: SliceReport['intents'] = {};
  for (const label of INTENT_LABELS) {
    const isFlag = (FLAG_LABELS as readonly string[]).includes(label);
    intents[label] =
      isFlag && !produced.intents
        ? NOT_PRODUCED
        : evaluateBinary(
            label,
            items.map((s) => s.gold.intents.includes(label)),
            items.map((s) => predictedIntents(s.result).includes(label)),
          );
  }
  const flagGold = items.flatMap((s) => FLAG_LABELS.map((f) => s.gold.intents.includes(f)));
  const flagPred = items.flatMap((s) => FLAG_LABELS.map((f) => predictedIntents(s.result).includes(f)));
  const withState = items.filter((s) => s.gold.state !== undefined);
  return {
    n: items.length,
    language: evaluateMulticlass(
      items.map((s) => s.gold.lang),
      items.map((s) => s.result.language.code),
    ),
    sentiment: evaluateMulticlass(
      items.map((s) => s.gold.sentiment),
      items.map((s) => s.result.sentiment.label),
      SENTIMENT_ORDER,
    ),
    primaryIntent: evaluateMulticlass(
      items.map((s) => primaryIntent(s.gold.intents)),
      items.map((s) => s.result.intent.label),
      PRIMARY_INTENT_PRECEDENCE,
    ),
    intents,
    flagsPooled: produced.intents ? evaluateBinary('flags', flagGold, flagPred) : NOT_PRODUCED,
    customerState: produced.customerState
      ? evaluateMulticlass(
          withState.map((s) => s.gold.state as string),
          withState.map((s) => s.result.customerState?.label ?? MISSING),
          CUSTOMER_STATES,
        )
      : NOT_PRODUCED,
    sentimentUnsupported: items.filter((s) => s.result.sentiment.label === 'unsupported').length,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const k of key(item)) {
      const group = groups.get(k) ?? [];
      group.push(item);
      groups.set(k, group);
    }
  }
  return groups;
}

const f3 = (x: number) => x.toFixed(3);
const cell = (x: number | undefined, width = 7) => (x === undefined ? 'n/a' : f3(x)).padStart(width);

function printMulticlass(title: string, report: MulticlassReport, withConfusion: boolean): void {
  console.log(`\n${title}: accuracy ${f3(report.accuracy)}  macro-F1 ${f3(report.macroF1)}  (n=${report.n})`);
  console.log(`  ${'class'.padEnd(16)}${'prec'.padStart(7)}${'recall'.padStart(7)}${'F1'.padStart(7)}${'gold'.padStart(6)}${'pred'.padStart(6)}`);
  for (const c of report.perClass) {
    console.log(`  ${c.label.padEnd(16)}${cell(c.precision)}${cell(c.recall)}${cell(c.f1)}${String(c.support).padStart(6)}${String(c.predicted).padStart(6)}`);
  }
  if (withConfusion) console.log(`\n${formatConfusion(report.confusion).replace(/^/gm, '  ')}`);
}

function printBinaryTable(slice: SliceReport): void {
  console.log(`\nIntent labels as binary tasks (gold = label in "intents"; predicted = label in result.intents, else intent.label):`);
  console.log(`  ${'label'.padEnd(16)}${'prec'.padStart(7)}${'recall'.padStart(7)}${'F1'.padStart(7)}${'acc'.padStart(7)}${'gold+'.padStart(7)}${'pred+'.padStart(7)}`);
  const rows: [string, BinaryReport | typeof NOT_PRODUCED][] = [...Object.entries(slice.intents), ['flags pooled', slice.flagsPooled]];
  for (const [label, r] of rows) {
    if (r === NOT_PRODUCED) {
      console.log(`  ${label.padEnd(16)}${NOT_PRODUCED.padStart(21)}`);
      continue;
    }
    const goldPos = r.truePositives + r.falseNegatives;
    const predPos = r.truePositives + r.falsePositives;
    console.log(`  ${label.padEnd(16)}${cell(r.precision)}${cell(r.recall)}${cell(r.f1)}${cell(r.accuracy)}${String(goldPos).padStart(7)}${String(predPos).padStart(7)}`);
  }
}

function printSliceTable(title: string, slices: Map<string, SliceReport>): void {
  console.log(`\n${title}`);
  const head = ['', 'n', 'lang acc', 'sent acc', 'sent F1', 'int acc', 'int F1', 'state acc', 'flags F1', 'unsup'];
  const widths = [14, 5, 9, 9, 8, 8, 8, 10, 9, 6];
  console.log(`  ${head.map((h, i) => (i === 0 ? h.padEnd(widths[i]) : h.padStart(widths[i]))).join('')}`);
  for (const [key, s] of slices) {
    const state = s.customerState === NOT_PRODUCED ? '—' : s.customerState.n === 0 ? 'n/a' : f3(s.customerState.accuracy);
    const flags = s.flagsPooled === NOT_PRODUCED ? '—' : f3(s.flagsPooled.f1);
    const values = [key, String(s.n), f3(s.language.accuracy), f3(s.sentiment.accuracy), f3(s.sentiment.macroF1), f3(s.primaryIntent.accuracy), f3(s.primaryIntent.macroF1), state, flags, String(s.sentimentUnsupported)];
    console.log(`  ${values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('')}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  // Without a file, the development set that ships with the repo.
  const path = args.find((a) => !a.startsWith('--')) ?? 'libs/classification/dev-set/dev-set.ndjson';
  const lines = parseLines(path);
  const scored: Scored[] = lines.map((gold) => ({ gold, result: classifyText(gold.text) }));
  const produced = {
    intents: scored.some((s) => Array.isArray(s.result.intents)),
    customerState: scored.some((s) => s.result.customerState !== undefined),
  };
  const modelVersions = [...new Set(scored.map((s) => s.result.modelVersion))];
  const overall = evaluateSlice(scored, produced);
  const byLanguage = new Map(
    [...groupBy(scored, (s) => [s.gold.lang]).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([lang, items]) => [lang, evaluateSlice(items, produced)]),
  );
  const byTag = new Map([...groupBy(scored, (s) => s.gold.tags ?? []).entries()].map(([tag, items]) => [tag, evaluateSlice(items, produced)]));
  const errors = scored
    .filter((s) => s.result.sentiment.label !== s.gold.sentiment || s.result.intent.label !== primaryIntent(s.gold.intents))
    .map((s) => ({
      id: s.gold.id,
      text: s.gold.text,
      sentiment: `${s.gold.sentiment} → ${s.result.sentiment.label} (${s.result.sentiment.score.toFixed(2)})`,
      intent: `${primaryIntent(s.gold.intents)} → ${s.result.intent.label}`,
    }));

  if (args.includes('--json')) {
    const report = {
      file: path,
      n: scored.length,
      modelVersions,
      produced,
      overall,
      perLanguage: Object.fromEntries(byLanguage),
      perTag: Object.fromEntries(byTag),
      ...(args.includes('--errors') ? { errors } : {}),
    };
    console.log(JSON.stringify(report, null, 2));
    return;
  }

  console.log(`${path}: ${scored.length} labelled lines, model ${modelVersions.join(', ')}`);
  console.log(
    `result.intents: ${produced.intents ? 'produced' : NOT_PRODUCED}; result.customerState: ${produced.customerState ? 'produced' : NOT_PRODUCED}; sentiment "unsupported": ${overall.sentimentUnsupported} of ${overall.n}`,
  );
  console.log('\n=== Overall ===');
  console.log(`\nlanguage: accuracy ${f3(overall.language.accuracy)}  macro-F1 ${f3(overall.language.macroF1)}  (n=${overall.n})`);
  const wrongLanguages = overall.language.perClass.filter((c) => c.recall < 1 && c.support > 0).map((c) => `${c.label} ${c.support - Math.round(c.recall * c.support)}/${c.support} missed`);
  if (wrongLanguages.length > 0) console.log(`  ${wrongLanguages.join(', ')}`);
  const foreign = overall.language.perClass.filter((c) => c.support === 0).map((c) => `${c.label}×${c.predicted}`);
  if (foreign.length > 0) console.log(`  predicted codes absent from gold: ${foreign.join(', ')}`);
  printMulticlass('sentiment', overall.sentiment, true);
  printMulticlass('primary intent (gold = first of complaint > purchase_intent > question > praise > other)', overall.primaryIntent, true);
  printBinaryTable(overall);
  if (overall.customerState === NOT_PRODUCED) console.log(`\ncustomer state: ${NOT_PRODUCED}`);
  else printMulticlass('customer state (lines with a gold state)', overall.customerState, true);

  printSliceTable('=== Per language (gold lang) ===', byLanguage);
  printSliceTable('=== Per tag ===', byTag);

  if (args.includes('--errors')) {
    console.log(`\n=== Errors (sentiment or primary intent wrong): ${errors.length} ===`);
    for (const e of errors) console.log(`  ${e.id.padEnd(16)} sent ${e.sentiment.padEnd(34)} intent ${e.intent.padEnd(30)} ${e.text.replace(/\s+/g, ' ').slice(0, 90)}`);
  }
}

main();
