import { normalizeText, QueryNode, tokenizeText } from '@cxm/query';
import { createdAtMs } from '../aggregations/aggregate-documents';
import { MentionDocument, searchFieldValues } from '../mention-index.port';
import { Bitset, clearBit, emptyBitset, forEachBit, grownBitset, hasBit, popcount, setBit, bitsetWords } from './bitset';
import { Postings } from './postings';
import { evaluateQuery } from './segment-query';
import { TimeOrder } from './time-order';

/** A single-valued keyword column: per ordinal a code into `values` (-1: the document has none). */
export interface DictionaryColumn {
  readonly codes: Int32Array;
  /** The values as written on the documents (not normalised), by code. */
  readonly values: readonly string[];
}

/**
 * Read-only column views of a segment, for aggregations over many matches without touching the
 * documents: iterate a match set's ordinals (`forEachBit`) and read the columns at them. Arrays
 * are indexed by ordinal and may be longer than `size`; dead ordinals are not in any match set.
 */
export interface SegmentColumns {
  /** Ordinals in use (live and dead): valid indexes are `0 … size-1`. */
  readonly size: number;
  /** createdAt as epoch milliseconds. */
  readonly createdAt: Float64Array;
  /**
   * Ordinals whose createdAt the aggregations read differently from `createdAt` above (which is
   * `Date.parse`): a string not in the `toISOString()` form that `createdAtMs` reads digit by
   * digit but `Date.parse` reads otherwise or rejects. Empty for documents ingest wrote.
   */
  readonly aggregationTimes: ReadonlyMap<number, number>;
  /** authorFollowers; NaN when unknown. */
  readonly followers: Float64Array;
  /** priorityScore (0–100); NaN when unknown. */
  readonly priorityScore: Float64Array;
  /** sentimentScore; NaN when unknown. */
  readonly sentimentScore: Float64Array;
  readonly lang: DictionaryColumn;
  readonly sentiment: DictionaryColumn;
  readonly channel: DictionaryColumn;
  /** The primary intent. */
  readonly intent: DictionaryColumn;
  readonly authorHandle: DictionaryColumn;
  /**
   * The set of documents holding each value of a (possibly multi-valued) query field
   * (`lang`, `sentiment`, `intent` — every intent —, `channel`, `topic`), keyed by the
   * normalised value (NFKC, lowercase) as filters compare them. Count a value within matches
   * with `popcount(and(matches, set))`.
   */
  valueSets(field: string): ReadonlyMap<string, Bitset>;
}

/** The result of evaluating a query on a segment: exactly the live documents that match. */
export interface MatchSet {
  readonly bits: Bitset;
  readonly count: number;
}

const NUMERIC_COLUMNS = { followers: 'authorFollowers', priorityScore: 'priorityScore', sentimentScore: 'sentimentScore' } as const;
const DICTIONARY_COLUMNS = { lang: 'lang', sentiment: 'sentiment', channel: 'channel', intent: 'intent', authorHandle: 'authorHandle' } as const;

class GrowableDictionary {
  codes = new Int32Array(1024).fill(-1);
  readonly values: string[] = [];
  private readonly byValue = new Map<string, number>();

  set(ordinal: number, value: string | undefined): void {
    if (ordinal >= this.codes.length) {
      const grown = new Int32Array(Math.max(ordinal + 1, this.codes.length * 2)).fill(-1);
      grown.set(this.codes);
      this.codes = grown;
    }
    if (value === undefined) {
      this.codes[ordinal] = -1;
      return;
    }
    let code = this.byValue.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.byValue.set(value, code);
    }
    this.codes[ordinal] = code;
  }
}

/**
 * One tenant's mentions, indexed for search at a million documents: every document has an
 * ordinal; text tokens go to an inverted index ({@link Postings}), field values to one bitset per
 * value, numbers and instants to typed columns, and ordinals are kept in time order. Queries are
 * evaluated to a bitset of ordinals ({@link evaluateQuery}); the reference semantics stay those
 * of `libs/query/src/query-matcher.ts`, which candidates are verified with where the structures
 * alone cannot decide (phrases, NEAR).
 *
 * A new version of a document updates its ordinal in place when its text and createdAt are
 * unchanged (the usual case: the classification or the case arrived); otherwise the old ordinal
 * dies and the document gets a new one, so posting lists only ever append.
 */
export class TenantSegment {
  private readonly byId = new Map<string, number>();
  private docs: (MentionDocument | undefined)[] = [];
  /** Ordinal → id, kept after an ordinal dies (the time order still compares it until merged out). */
  private readonly ids: string[] = [];
  private liveBits: Bitset = new Uint32Array(32);
  private liveCount = 0;
  readonly postings = new Postings();
  /** Flat store of every ordinal's token ids; `tokenStart[o] … tokenStart[o] + tokenCount[o]`. */
  private tokenStore = new Uint32Array(1 << 14);
  private tokenStoreLength = 0;
  private tokenStart = new Int32Array(1024);
  private tokenCount = new Int32Array(1024);
  private readonly valueBits = new Map<string, Map<string, Bitset>>();
  /** Field values repeat endlessly (a few languages, sentiments, channels): normalise each once. */
  private readonly normalized = new Map<string, string>();
  private createdAtMs = new Float64Array(1024);
  private readonly aggregationTimes = new Map<number, number>();
  private readonly numeric: Record<keyof typeof NUMERIC_COLUMNS, Float64Array> = {
    followers: new Float64Array(1024),
    priorityScore: new Float64Array(1024),
    sentimentScore: new Float64Array(1024),
  };
  private readonly dictionaries: Record<keyof typeof DICTIONARY_COLUMNS, GrowableDictionary> = {
    lang: new GrowableDictionary(),
    sentiment: new GrowableDictionary(),
    channel: new GrowableDictionary(),
    intent: new GrowableDictionary(),
    authorHandle: new GrowableDictionary(),
  };
  private readonly order = new TimeOrder(
    (a, b) => this.compareOrdinals(a, b),
    (o) => hasBit(this.liveBits, o),
  );

  /** Live documents. */
  get size(): number {
    return this.liveCount;
  }

  /** Ordinals in use, live and dead. */
  get ordinals(): number {
    return this.docs.length;
  }

  get live(): Bitset {
    return this.liveBits;
  }

  get(id: string): MentionDocument | undefined {
    const ordinal = this.byId.get(id);
    return ordinal === undefined ? undefined : this.docs[ordinal];
  }

  doc(ordinal: number): MentionDocument {
    return this.docs[ordinal]!;
  }

  version(id: string): number | undefined {
    return this.get(id)?.version;
  }

  /**
   * Holds `doc` (the caller has checked it is newer), tokenising its text only when it changed
   * (unless `tokens` are given: a journal replay). Returns the tokens of a newly indexed text,
   * `undefined` when the document was updated in place.
   */
  put(doc: MentionDocument, tokens?: readonly string[]): readonly string[] | undefined {
    const held = this.byId.get(doc.id);
    const previous = held === undefined ? undefined : this.docs[held];
    if (held !== undefined && previous && previous.text === doc.text && previous.createdAt === doc.createdAt) {
      this.unindexValues(held, previous);
      this.docs[held] = doc;
      this.indexValues(held, doc);
      return undefined;
    }
    if (held !== undefined) this.kill(held);
    const ordinal = this.docs.length;
    this.docs.push(doc);
    this.ids.push(doc.id);
    this.byId.set(doc.id, ordinal);
    this.ensureCapacity(ordinal + 1);
    setBit(this.liveBits, ordinal);
    this.liveCount++;
    const textTokens = tokens ?? tokenizeText(doc.text);
    this.storeTokens(ordinal, this.postings.add(ordinal, textTokens));
    this.createdAtMs[ordinal] = Date.parse(doc.createdAt);
    const aggregated = createdAtMs(doc);
    if (!Object.is(aggregated, this.createdAtMs[ordinal])) this.aggregationTimes.set(ordinal, aggregated);
    this.indexValues(ordinal, doc);
    this.order.insert(ordinal);
    return textTokens;
  }

  /** Forgets a document (erasure); says whether it was held. */
  remove(id: string): boolean {
    const ordinal = this.byId.get(id);
    if (ordinal === undefined) return false;
    this.kill(ordinal);
    this.byId.delete(id);
    return true;
  }

  /** The live documents matching `query`, exactly as the reference matcher decides. */
  match(query: QueryNode): MatchSet {
    const bits = evaluateQuery(this, query) ?? Uint32Array.from(this.liveBits);
    return { bits, count: popcount(bits) };
  }

  /**
   * The matches newest first (createdAt instant, then id, descending), starting strictly after
   * `after` when given, until `visit` returns false. Walks the time order: no sort of the matches.
   */
  newestFirst(matches: Bitset, visit: (doc: MentionDocument) => boolean, after?: { createdAt: string; id: string }): void {
    const afterMs = after && timeKey(Date.parse(after.createdAt));
    const isBefore =
      after && ((o: number) => timeKey(this.createdAtMs[o]) < afterMs! || (timeKey(this.createdAtMs[o]) === afterMs && this.ids[o] < after.id));
    // Few matches: sorting them is cheaper than walking the whole time order to find them.
    if (popcount(matches) * 32 < this.docs.length) {
      const sorted: number[] = [];
      forEachBit(matches, (o) => {
        if (!isBefore || isBefore(o)) sorted.push(o);
      });
      sorted.sort((a, b) => this.compareOrdinals(b, a));
      for (const o of sorted) if (!visit(this.docs[o]!)) return;
      return;
    }
    this.order.walkNewestFirst((o) => !hasBit(matches, o) || visit(this.docs[o]!), isBefore);
  }

  /**
   * The flat token store: the term ids of ordinal `o`'s text are `store[start[o] … start[o] +
   * count[o] - 1]`, in text order (for verifying phrases and NEAR without building strings).
   */
  get tokenIds(): { readonly store: Uint32Array; readonly start: Int32Array; readonly count: Int32Array } {
    return { store: this.tokenStore, start: this.tokenStart, count: this.tokenCount };
  }

  /** The tokens of an ordinal's text (interned strings), for verifying candidates. */
  tokensOf(ordinal: number): string[] {
    const start = this.tokenStart[ordinal];
    const tokens = new Array<string>(this.tokenCount[ordinal]);
    for (let i = 0; i < tokens.length; i++) tokens[i] = this.postings.term(this.tokenStore[start + i]);
    return tokens;
  }

  valueSet(field: string, normalizedValue: string): Bitset | undefined {
    return this.valueBits.get(field)?.get(normalizedValue);
  }

  get columns(): SegmentColumns {
    const valueBits = this.valueBits;
    const empty = new Map<string, Bitset>();
    return {
      size: this.docs.length,
      createdAt: this.createdAtMs,
      aggregationTimes: this.aggregationTimes,
      followers: this.numeric.followers,
      priorityScore: this.numeric.priorityScore,
      sentimentScore: this.numeric.sentimentScore,
      lang: this.dictionaries.lang,
      sentiment: this.dictionaries.sentiment,
      channel: this.dictionaries.channel,
      intent: this.dictionaries.intent,
      authorHandle: this.dictionaries.authorHandle,
      valueSets: (field) => valueBits.get(field) ?? empty,
    };
  }

  /** Every live document with its text's tokens (for compaction), in ordinal order. */
  liveEntries(): [MentionDocument, string[]][] {
    const entries: [MentionDocument, string[]][] = [];
    this.docs.forEach((doc, ordinal) => doc && entries.push([doc, this.tokensOf(ordinal)]));
    return entries;
  }

  /** Rough bytes held by the index structures (not the documents themselves). */
  estimateIndexBytes(): { structures: number; terms: number; postings: number } {
    const stats = this.postings.stats();
    const words = this.liveBits.length;
    let valueSets = 0;
    for (const values of this.valueBits.values()) valueSets += values.size;
    const structures =
      this.tokenStore.byteLength +
      this.tokenStart.byteLength * 2 +
      this.createdAtMs.byteLength * 4 +
      this.dictionaries.lang.codes.byteLength * 5 +
      (valueSets + 1) * words * 4 +
      // time order (Int32 per ordinal) and the id map (~80 B per entry)
      this.docs.length * (4 + 80 + 8);
    // A V8 Map entry + string header ≈ 60 B per term; each posting an Int32 (lists grow by doubling: ×1.5 on average).
    return { structures, terms: stats.terms * 60 + stats.termChars * 2, postings: Math.round(stats.postings * 4 * 1.5) };
  }

  /** Merges pending time-order inserts (after a bulk load). */
  settle(): void {
    this.order.compact();
  }

  private kill(ordinal: number): void {
    const doc = this.docs[ordinal];
    if (!doc) return;
    this.unindexValues(ordinal, doc);
    this.aggregationTimes.delete(ordinal);
    this.docs[ordinal] = undefined;
    clearBit(this.liveBits, ordinal);
    this.liveCount--;
  }

  private indexValues(ordinal: number, doc: MentionDocument): void {
    for (const [field, value] of Object.entries(searchFieldValues(doc))) {
      if (value === undefined) continue;
      let values = this.valueBits.get(field);
      if (!values) {
        values = new Map();
        this.valueBits.set(field, values);
      }
      for (const v of Array.isArray(value) ? value : [value]) {
        const key = this.normalize(String(v));
        let set = values.get(key);
        if (!set) {
          set = emptyBitset(this.liveBits.length * 32);
          values.set(key, set);
        }
        setBit(set, ordinal);
      }
    }
    for (const [column, key] of Object.entries(NUMERIC_COLUMNS) as [keyof typeof NUMERIC_COLUMNS, keyof MentionDocument][]) {
      const value = doc[key];
      this.numeric[column][ordinal] = value === undefined ? NaN : Number(value);
    }
    for (const [column, key] of Object.entries(DICTIONARY_COLUMNS) as [keyof typeof DICTIONARY_COLUMNS, keyof MentionDocument][]) {
      const value = doc[key];
      this.dictionaries[column].set(ordinal, value === undefined ? undefined : String(value));
    }
  }

  private unindexValues(ordinal: number, doc: MentionDocument): void {
    for (const [field, value] of Object.entries(searchFieldValues(doc))) {
      if (value === undefined) continue;
      const values = this.valueBits.get(field);
      for (const v of Array.isArray(value) ? value : [value]) {
        const set = values?.get(this.normalize(String(v)));
        if (set) clearBit(set, ordinal);
      }
    }
  }

  private normalize(value: string): string {
    let normalized = this.normalized.get(value);
    if (normalized === undefined) {
      normalized = normalizeText(value);
      // Bounded: free-text-like values (rare) are normalised each time instead of filling the map.
      if (this.normalized.size < 100_000) this.normalized.set(value, normalized);
    }
    return normalized;
  }

  private storeTokens(ordinal: number, ids: Uint32Array): void {
    if (this.tokenStoreLength + ids.length > this.tokenStore.length) {
      const grown = new Uint32Array(Math.max(this.tokenStore.length * 2, this.tokenStoreLength + ids.length));
      grown.set(this.tokenStore);
      this.tokenStore = grown;
    }
    this.tokenStore.set(ids, this.tokenStoreLength);
    this.tokenStart[ordinal] = this.tokenStoreLength;
    this.tokenCount[ordinal] = ids.length;
    this.tokenStoreLength += ids.length;
  }

  /** Grows every per-ordinal array (and every value bitset) to hold `size` ordinals. */
  private ensureCapacity(size: number): void {
    if (size > this.tokenStart.length) {
      const capacity = Math.max(size, this.tokenStart.length * 2);
      this.tokenStart = grownInt32(this.tokenStart, capacity);
      this.tokenCount = grownInt32(this.tokenCount, capacity);
      this.createdAtMs = grownFloat64(this.createdAtMs, capacity);
      for (const column of Object.keys(this.numeric) as (keyof typeof NUMERIC_COLUMNS)[]) this.numeric[column] = grownFloat64(this.numeric[column], capacity);
    }
    const words = bitsetWords(size);
    if (words > this.liveBits.length) {
      this.liveBits = grownBitset(this.liveBits, words);
      const all = this.liveBits.length;
      for (const values of this.valueBits.values()) for (const [key, set] of values) values.set(key, grownBitset(set, all));
    }
  }

  private compareOrdinals(a: number, b: number): number {
    const ta = timeKey(this.createdAtMs[a]);
    const tb = timeKey(this.createdAtMs[b]);
    if (ta !== tb) return ta < tb ? -1 : 1;
    const ia = this.ids[a];
    const ib = this.ids[b];
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  }

  /** Calls `visit` for every live ordinal in `set` (helper for query evaluation). */
  forEach(set: Bitset, visit: (ordinal: number) => void): void {
    forEachBit(set, visit);
  }

  numericColumn(field: 'followers' | 'date'): Float64Array {
    return field === 'date' ? this.createdAtMs : this.numeric.followers;
  }
}

/** An unparsable createdAt sorts as the oldest. */
function timeKey(ms: number): number {
  return Number.isNaN(ms) ? -Infinity : ms;
}

function grownInt32(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(capacity);
  grown.set(array);
  return grown;
}

function grownFloat64(array: Float64Array, capacity: number): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(capacity);
  grown.set(array);
  return grown;
}
