import { isPrefixedToken } from '@cxm/query';

/** One term's posting list: the ordinals of the documents holding it, ascending, without repeats. */
interface PostingList {
  ordinals: Int32Array;
  length: number;
}

const UTF8 = new TextEncoder();

/**
 * The text side of the inverted index: a dictionary of terms (each document token, and for a
 * `#tag` / `@handle` also its bare word, so the query `battery` finds `#battery` as the matcher
 * says) with one posting list per term, plus a lazily sorted copy of the dictionary for trailing
 * wildcards (the terms starting with a prefix are one contiguous range of it).
 *
 * Ordinals only ever grow (a document whose text changes gets a new ordinal), so adding a
 * document appends to the end of its terms' lists and every list stays sorted for free.
 */
export class Postings {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly lists: PostingList[] = [];
  private sorted: number[] = [];
  private unsortedFrom = 0;

  /** The term id of every token (interning the tokens), and the document added to each term's list. */
  add(ordinal: number, tokens: readonly string[]): Uint32Array {
    const ids = new Uint32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      ids[i] = this.post(token, ordinal);
      if (isPrefixedToken(token)) this.post(token.slice(1), ordinal);
    }
    return ids;
  }

  term(id: number): string {
    return this.terms[id];
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** The posting list of a term (`undefined`: no document holds it). */
  list(term: string): PostingList | undefined {
    const id = this.ids.get(term);
    return id === undefined ? undefined : this.lists[id];
  }

  /**
   * The posting lists of every term a wildcard reaches: terms starting with `prefix` that are
   * hashtags/handles exactly when the prefix is one, within the byte limit of wildcards.
   */
  listsWithPrefix(prefix: string, maxBytes: number): PostingList[] {
    const sorted = this.sortedTerms();
    const prefixed = isPrefixedToken(prefix);
    const found: PostingList[] = [];
    for (let i = lowerBound(sorted, this.terms, prefix); i < sorted.length; i++) {
      const term = this.terms[sorted[i]];
      if (!term.startsWith(prefix)) break;
      if (isPrefixedToken(term) !== prefixed) continue;
      if (term.length * 3 > maxBytes && UTF8.encode(term).length > maxBytes) continue;
      found.push(this.lists[sorted[i]]);
    }
    return found;
  }

  /** Distinct terms and posted ordinals, for the memory estimate. */
  stats(): { terms: number; postings: number; termChars: number } {
    let postings = 0;
    let termChars = 0;
    for (let i = 0; i < this.terms.length; i++) {
      postings += this.lists[i].length;
      termChars += this.terms[i].length;
    }
    return { terms: this.terms.length, postings, termChars };
  }

  private post(term: string, ordinal: number): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.lists.push({ ordinals: new Int32Array(2), length: 0 });
    }
    const list = this.lists[id];
    if (list.length > 0 && list.ordinals[list.length - 1] === ordinal) return id; // repeated token
    if (list.length === list.ordinals.length) {
      const grown = new Int32Array(list.ordinals.length * 2);
      grown.set(list.ordinals);
      list.ordinals = grown;
    }
    list.ordinals[list.length++] = ordinal;
    return id;
  }

  /** Term ids in code-unit order; new terms are sorted in and merged only when a wildcard needs them. */
  private sortedTerms(): number[] {
    if (this.unsortedFrom < this.terms.length) {
      const byTerm = (a: number, b: number) => (this.terms[a] < this.terms[b] ? -1 : this.terms[a] > this.terms[b] ? 1 : 0);
      const added = Array.from({ length: this.terms.length - this.unsortedFrom }, (_, i) => this.unsortedFrom + i).sort(byTerm);
      this.sorted = mergeSorted(this.sorted, added, byTerm);
      this.unsortedFrom = this.terms.length;
    }
    return this.sorted;
  }
}

function lowerBound(sorted: number[], terms: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[sorted[mid]] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSorted(a: number[], b: number[], compare: (x: number, y: number) => number): number[] {
  if (a.length === 0) return b;
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
