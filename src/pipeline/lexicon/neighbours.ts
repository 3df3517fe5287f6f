// A one-deletion neighbourhood index (the SymSpell idea): every key is filed
// under itself and under each string made by deleting one of its characters.
// A query probes the same way, so keys within one substitution, insertion,
// deletion or transposition (and some two-edit pairs) share a bucket with it.
// Buckets are keyed by a 30-bit hash of the string, computed without building
// the deleted strings: no allocation per probe, and a number-keyed map is far
// smaller than a string-keyed one. A hash collision only adds a candidate,
// which the caller's edit-distance check rejects. A bucket shared by more than
// MAX_BUCKET keys (a crowded neighbourhood in a huge lexicon of short names)
// is skipped at query time: it would make one probe cost grow with the lexicon,
// and a match among so many near-identical keys could not beat its runner-up
// by a margin anyway.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const HASH_MASK = 0x3fffffff;
export const MAX_BUCKET = 32;

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
    this.visit(hashWithout(query, -1), query, out);
    for (let i = 0; i < query.length; i++) {
      if (i > 0 && query.charCodeAt(i) === query.charCodeAt(i - 1)) continue;
      this.visit(hashWithout(query, i), query, out);
    }
    this.candidates += out.length - before;
    return out;
  }

  private visit(h: number, query: string, out: string[]): void {
    const b = this.buckets.get(h);
    if (b === undefined) return;
    if (typeof b === "number") this.report(b, query, out);
    else if (b.length <= MAX_BUCKET) for (const id of b) this.report(id, query, out);
  }

  private report(id: number, query: string, out: string[]): void {
    if (this.marks[id] === this.query) return;
    this.marks[id] = this.query;
    const key = this.keys[id]!;
    if (key !== query) out.push(key);
  }

  /** Drops what only building needed. */
  seal(): void {
    this.known.clear();
    this.marks = new Int32Array(this.keys.length);
  }
}
