// Key -> entry ids, the lexicon index's maps (spelling, phonetic key, coarse
// key, canonical). In a big lexicon a probe of such a map misses the CPU
// caches several times over, and most probes are for keys no entry has (an
// English word's key): a map that is mostly probed in vain gets a Bloom
// filter in front (bloom.ts), which answers those from a line that mostly
// stays in the cache.
import { WordFilter } from "./bloom.js";

/** One id or several, so the common case (one entry per key) allocates no array. */
export type Posting = number | number[];

export class Postings {
  private readonly map = new Map<string, Posting>();
  private filter: WordFilter | null = null;

  /** `filtered`: whether seal() puts a filter in front (for a map mostly probed for keys it lacks). */
  constructor(private readonly filtered: boolean) {}

  get size(): number {
    return this.map.size;
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  /** Files entry `id` under `key` (ids come in ascending order; a repeat is ignored). */
  add(key: string, id: number): void {
    if (this.filter !== null) throw new Error("Postings: add after seal");
    const cur = this.map.get(key);
    if (cur === undefined) this.map.set(key, id);
    else if (typeof cur === "number") {
      if (cur !== id) this.map.set(key, [cur, id]);
    } else if (cur[cur.length - 1] !== id) cur.push(id);
  }

  /** Builds the filter, once every key is filed. */
  seal(): void {
    if (!this.filtered || this.filter !== null) return;
    const filter = new WordFilter(this.map.size);
    for (const key of this.map.keys()) filter.add(key);
    this.filter = filter;
  }

  get(key: string): Posting | undefined {
    if (this.filter !== null && !this.filter.mayHave(key)) return undefined;
    return this.map.get(key);
  }

  /** For a key known to be filed (one a neighbourhood index handed back): no filter to pass. */
  getFiled(key: string): Posting | undefined {
    return this.map.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Whether the filter (if any) lets `key` through: a test's view of it. */
  mayHave(key: string): boolean {
    return this.filter === null || this.filter.mayHave(key);
  }
}
