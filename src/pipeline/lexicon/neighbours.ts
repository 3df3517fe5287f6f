// A one-deletion neighbourhood index (the SymSpell idea): every key is filed
// under itself and under each string made by deleting one of its characters.
// A query probes the same way, so keys within one substitution, insertion,
// deletion or transposition (and some two-edit pairs) share a bucket with it.
// Buckets are keyed by a 30-bit hash of the string, computed without building
// the deleted strings: no allocation per probe, and a number-keyed map is far
// smaller than a string-keyed one. A hash collision only adds a candidate,
// which the caller's edit-distance check rejects. A bucket shared by more than
// MAX_BUCKET keys (a crowded neighbourhood in a huge lexicon of short names)
// is dropped when the index is sealed: it would make one probe's cost grow
// with the lexicon, and a match among so many near-identical keys could not
// beat its runner-up by a margin anyway. For the same reasons a query stops
// after MAX_NEAR keys. Most probes find an empty bucket; a one-bit-per-bucket
// filter answers those without touching the (huge) bucket map.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const HASH_MASK = 0x3fffffff;
/** The shipped pack's neighbourhoods hold one or two keys; a synthetic 100k-entry lexicon's short ones hold dozens. */
export const MAX_BUCKET = 4;
/** A query stops collecting once it has this many keys (a neighbourhood that full is crowded the same way). */
export const MAX_NEAR = 4;
/** Bits of the bucket filter per bucket (one hash: about 6% false positives). */
const FILTER_BITS_PER_BUCKET = 16;

/** FNV-1a of `s` with the character at `skip` left out (skip = -1: the whole string). */
export function hashWithout(s: string, skip: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  }
  return h & HASH_MASK;
}

export class DeletionIndex {
  private readonly keys: string[] = [];
  private readonly buckets = new Map<number, number | number[]>();
  private readonly known = new Set<string>();
  /**
   * One bit per bucket hash (modulo its size), set in seal(): a probe of an
   * empty neighbourhood (most probes) is answered from these few megabytes
   * instead of a cache miss in a map of millions of buckets.
   */
  private filter: Uint32Array = new Uint32Array(0);
  private filterMask = 0;
  /** Per-query visit marks (query number per key id), so a key is reported once. */
  private marks: Int32Array = new Int32Array(0);
  private query = 0;
  /** Queries answered and keys handed back, for benchmarks (evidence that a probe's work does not grow with the lexicon). */
  queries = 0;
  candidates = 0;

  /** Keys shorter than this are not filed (too many short keys are one edit apart). */
  constructor(readonly minLength: number) {}

  get size(): number {
    return this.keys.length;
  }

  get bucketCount(): number {
    return this.buckets.size;
  }

  add(key: string): void {
    if (key.length < this.minLength || this.known.has(key)) return;
    this.known.add(key);
    const id = this.keys.length;
    this.keys.push(key);
    this.file(hashWithout(key, -1), id);
    for (let i = 0; i < key.length; i++) {
      if (i > 0 && key.charCodeAt(i) === key.charCodeAt(i - 1)) continue;
      this.file(hashWithout(key, i), id);
    }
  }

  private file(h: number, id: number): void {
    const cur = this.buckets.get(h);
    if (cur === undefined) this.buckets.set(h, id);
    else if (typeof cur === "number") {
      if (cur !== id) this.buckets.set(h, [cur, id]);
    } else if (cur[cur.length - 1] !== id) cur.push(id);
  }

  /** The filed keys other than `query` sharing a bucket with it (unverified), appended to `out`. */
  near(query: string, out: string[]): string[] {
    if (this.marks.length !== this.keys.length) this.marks = new Int32Array(this.keys.length);
    this.query = (this.query + 1) & 0x7fffffff || 1;
    this.queries++;
    const before = out.length;
    const limit = before + MAX_NEAR;
    this.visit(hashWithout(query, -1), query, out);
    for (let i = 0; i < query.length && out.length < limit; i++) {
      if (i > 0 && query.charCodeAt(i) === query.charCodeAt(i - 1)) continue;
      this.visit(hashWithout(query, i), query, out);
    }
    this.candidates += out.length - before;
    return out;
  }

  private visit(h: number, query: string, out: string[]): void {
    const bit = h & this.filterMask;
    if (this.filterMask !== 0 && (this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return;
    const b = this.buckets.get(h);
    if (b === undefined) return;
    if (typeof b === "number") this.report(b, query, out);
    // A crowded bucket is dropped at seal(); one still here while building is skipped the same way.
    else if (b.length <= MAX_BUCKET) for (const id of b) this.report(id, query, out);
  }

  private report(id: number, query: string, out: string[]): void {
    if (this.marks[id] === this.query) return;
    this.marks[id] = this.query;
    const key = this.keys[id]!;
    if (key !== query) out.push(key);
  }

  /** Drops what only building needed and the crowded buckets (never visited), and builds the bucket filter. */
  seal(): void {
    this.known.clear();
    this.marks = new Int32Array(this.keys.length);
    for (const [h, b] of this.buckets) if (typeof b !== "number" && b.length > MAX_BUCKET) this.buckets.delete(h);
    let bits = 1024;
    while (bits < this.buckets.size * FILTER_BITS_PER_BUCKET) bits *= 2;
    this.filter = new Uint32Array(bits / 32);
    this.filterMask = bits - 1;
    for (const h of this.buckets.keys()) {
      const bit = h & this.filterMask;
      this.filter[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
}
