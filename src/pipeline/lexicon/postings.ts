// Key -> entry ids, the lexicon index's maps (spelling, phonetic key, coarse
// key, canonical). In a big lexicon a probe of such a map misses the CPU
// caches several times over, and most probes are for keys no entry has (an
// English word's key): a map that is mostly probed in vain gets a Bloom
// filter in front (bloom.ts), which answers those from a line that mostly
// stays in the cache.
// A probe that passes is a hit, mostly, and a hit in a JS Map of a few
// hundred thousand keys reads its bucket, then each key of the bucket's chain
// (their hashes are stored in the key strings) and the entry: a cache miss
// each. Sealed, the keys live in a flat open-addressing table instead, each
// slot holding the key's hash, where its characters are (one array of them
// all) and its posting: a hit reads the slot and the characters, no more.
import { fnv1a } from "../fnv.js";
import { WordFilter } from "./bloom.js";

/** One id or several, so the common case (one entry per key) allocates no array. */
export type Posting = number | number[];

/** Ints per slot: the hash tag (0: empty), the key's first character in `chars`, its length, its posting (an id, or -1 - its index in `lists`). */
const SLOT = 4;
/** Slots per key at least (a table at most half full keeps probe runs short: most hits read one slot). */
const SLOTS_PER_KEY = 2;

/** A slot's tag for a hash: never 0 (the empty slot). */
function tagOf(hash: number): number {
  return hash | 1;
}

export class Postings {
  /** While building: the postings by key (insertion order). */
  private map: Map<string, Posting> | null = new Map();
  private filter: WordFilter | null = null;
  /** Sealed: the keys in insertion order (for keys()), and the flat table (see SLOT). */
  private keyList: string[] = [];
  private slots = new Int32Array(0);
  private chars = new Uint16Array(0);
  private lists: number[][] = [];
  private shift = 32;

  /** `filtered`: whether seal() puts a filter in front (for a map mostly probed for keys it lacks). */
  constructor(private readonly filtered: boolean) {}

  get size(): number {
    return this.map !== null ? this.map.size : this.keyList.length;
  }

  keys(): IterableIterator<string> {
    return this.map !== null ? this.map.keys() : this.keyList.values();
  }

  /** Bytes of the sealed table and characters (typed arrays live outside the JS heap). */
  get flatBytes(): number {
    return this.slots.byteLength + this.chars.byteLength + (this.filter?.byteLength ?? 0);
  }

  /** Files entry `id` under `key` (ids come in ascending order; a repeat is ignored). */
  add(key: string, id: number): void {
    if (this.map === null) throw new Error("Postings: add after seal");
    const cur = this.map.get(key);
    if (cur === undefined) this.map.set(key, id);
    else if (typeof cur === "number") {
      if (cur !== id) this.map.set(key, [cur, id]);
    } else if (cur[cur.length - 1] !== id) cur.push(id);
  }

  /** Lays the keys out in the flat table and builds the filter, once every key is filed. */
  seal(): void {
    const map = this.map;
    if (map === null) return;
    this.map = null;
    let bits = 4;
    while (1 << bits < SLOTS_PER_KEY * map.size) bits++;
    this.shift = 32 - bits;
    const slots = (this.slots = new Int32Array(SLOT << bits));
    const mask = (1 << bits) - 1;
    let length = 0;
    for (const key of map.keys()) length += key.length;
    const chars = (this.chars = new Uint16Array(length));
    const filter = this.filtered ? new WordFilter(map.size) : null;
    let at = 0;
    for (const [key, posting] of map) {
      const hash = fnv1a(key);
      filter?.addHash(hash);
      let s = this.home(hash);
      while (slots[SLOT * s] !== 0) s = (s + 1) & mask;
      slots[SLOT * s] = tagOf(hash);
      slots[SLOT * s + 1] = at;
      slots[SLOT * s + 2] = key.length;
      if (typeof posting === "number") slots[SLOT * s + 3] = posting;
      else {
        slots[SLOT * s + 3] = -1 - this.lists.length;
        this.lists.push(posting);
      }
      for (let i = 0; i < key.length; i++) chars[at++] = key.charCodeAt(i);
      this.keyList.push(key);
    }
    this.filter = filter;
  }

  /** The slot a hash starts its probe run at (the top bits of a multiplicative hash: FNV's low bits are weak). */
  private home(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }

  /** The posting of `key` (hash `hash`) in the sealed table. */
  private find(key: string, hash: number): Posting | undefined {
    const slots = this.slots;
    const mask = (slots.length / SLOT - 1) | 0;
    const tag = tagOf(hash);
    for (let s = this.home(hash); slots[SLOT * s] !== 0; s = (s + 1) & mask) {
      if (slots[SLOT * s] !== tag || slots[SLOT * s + 2] !== key.length || !this.charsAre(key, slots[SLOT * s + 1]!)) continue;
      const p = slots[SLOT * s + 3]!;
      return p >= 0 ? p : this.lists[-1 - p];
    }
    return undefined;
  }

  private charsAre(key: string, at: number): boolean {
    const chars = this.chars;
    for (let i = 0; i < key.length; i++) if (chars[at + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  get(key: string): Posting | undefined {
    if (this.map !== null) return this.map.get(key);
    const hash = fnv1a(key);
    if (this.filter !== null && !this.filter.mayHaveHash(hash)) return undefined;
    return this.find(key, hash);
  }

  /** For a key known to be filed (one a neighbourhood index handed back): no filter to pass. */
  getFiled(key: string): Posting | undefined {
    return this.map !== null ? this.map.get(key) : this.find(key, fnv1a(key));
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Whether the filter (if any) lets `key` through: a test's view of it. */
  mayHave(key: string): boolean {
    return this.filter === null || this.filter.mayHave(key);
  }
}
