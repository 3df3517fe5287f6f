// A one-deletion neighbourhood index (the SymSpell idea): every key is filed
// under itself and under each string made by deleting one of its characters
// but the first. A query probes the same way, so keys within one substitution,
// insertion, deletion or transposition (and some two-edit pairs) share a
// bucket with it, as long as the first character is the same: a different
// first sound is a different word far more often than a mishearing ("Martha"
// / "Pārtha"), so no caller wants those, and leaving the first character in
// place saves a probe per query and a filing per key.
// Buckets are keyed by a 30-bit hash of the string, computed without building
// the deleted strings: no allocation per probe. A hash collision only adds a
// candidate, which the caller's edit-distance check rejects. A bucket shared
// by more than MAX_BUCKET keys (a crowded neighbourhood in a huge lexicon of
// short names) is dropped when the index is sealed: it would make one probe's
// cost grow with the lexicon, and a match among so many near-identical keys
// could not beat its runner-up by a margin anyway. For the same reasons a
// query stops after MAX_NEAR keys.
//
// A big lexicon has millions of buckets, and a probe's cost is its cache
// misses, so the sealed index is flat typed arrays rather than a Map of
// millions of entries: an open-addressing table of (hash, bucket) pairs, a
// bucket of one key holding the key's id inline and a larger one pointing into
// one array of ids. Most probes find an empty bucket; a filter answers those
// first. A query's strings would each read another line of a filter of
// megabytes, so the filter is blocked by groups its strings share: a string
// of length n is filed in the line of its prefix group (its first ceil(n/2)
// characters and n) and in that of its suffix group (its first character, its
// last floor(n/2) and n). Deleting a character past the first half keeps the
// query's prefix group, deleting one in it keeps the suffix group: a query of
// any length reads three lines (its own string's, and one per group of its
// deletions), not one per character.

import { fnv1a } from "../fnv.js";
import { LineBits } from "./bloom.js";

const HASH_MASK = 0x3fffffff;
/** The shipped pack's neighbourhoods hold one or two keys; a synthetic 100k-entry lexicon's short ones hold dozens. */
export const MAX_BUCKET = 4;
/** A query stops collecting once it has this many keys (a neighbourhood that full is crowded the same way). */
export const MAX_NEAR = 4;
/** Filter bits per filing (each bucket's string is filed in two lines), bits set per filing. */
const FILTER_BITS_PER_FILING = 10;
const FILTER_HASHES = 3;
/** Table slots per filed hash at most (a table at most this full keeps linear probes short). */
const MAX_LOAD = 0.7;
/** A slot's value is (payload << COUNT_BITS) | count: count 0 marks a crowded bucket (filed, never reported). */
const COUNT_BITS = 3;
const COUNT_MASK = (1 << COUNT_BITS) - 1;

/** The bucket hash of `s` with the character at `skip` left out (skip = -1: the whole string). */
export function hashWithout(s: string, skip: number): number {
  return fnv1a(s, skip) & HASH_MASK;
}

/** Characters in a string's prefix group: the first half, rounded up (the rest, but for the first character, is the suffix group's). */
function prefixLength(n: number): number {
  return (n + 1) >> 1;
}

/** FNV-1a, from `h` on, over positions [from, to) of s with the character at `skip` left out (positions counted after the deletion; skip -1: none). */
function rangeHash(s: string, skip: number, from: number, to: number, h: number): number {
  for (let v = from; v < to; v++) h = Math.imul(h ^ s.charCodeAt(skip >= 0 && v >= skip ? v + 1 : v), 0x01000193);
  return h;
}

/** The prefix group of s without its character at `skip` (n characters long): the first prefixLength(n) characters, and n. */
export function prefixGroup(s: string, skip: number, n: number): number {
  return rangeHash(s, skip, 0, prefixLength(n), Math.imul(0x811c9dc5 ^ n, 0x01000193)) >>> 0;
}

/** The suffix group of s without its character at `skip` (n characters long): the first character, the last n - prefixLength(n), and n. */
export function suffixGroup(s: string, skip: number, n: number): number {
  const h = Math.imul(Math.imul(0x050c5d1f ^ n, 0x01000193) ^ s.charCodeAt(0), 0x01000193);
  return rangeHash(s, skip, prefixLength(n), n, h) >>> 0;
}

/**
 * Whether deleting character i of s gives the same string as deleting i - 1
 * (a doubled letter): that string is filed or probed once. Character 0 is
 * never deleted, so a doubled first letter is deleted at 1.
 */
function repeatsPrevious(s: string, i: number): boolean {
  return i > 1 && s.charCodeAt(i) === s.charCodeAt(i - 1);
}

/** A string's length and first character in one number (length past 32767 wraps: only a cheap inequality test). */
function shapeOf(s: string): number {
  return ((s.length & 0x7fff) << 16) | (s.length === 0 ? 0 : s.charCodeAt(0));
}

/** A growable list of 32-bit integers (the (hash, id) pairs filed while building). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

export class DeletionIndex {
  private readonly keys: string[] = [];
  private readonly known = new Set<string>();
  /** While building: the filed (hash, key id) pairs, in key id order, and each filed string's prefix and suffix groups (id -1: a string whose hash another string of the key filed already, for the filter only). */
  private hashes = new IntList();
  private ids = new IntList();
  private prefixGroups = new IntList();
  private suffixGroups = new IntList();
  /** Sealed: slot i holds hash + 1 at 2i (0: empty) and its bucket at 2i + 1 (see COUNT_BITS). */
  private table = new Int32Array(0);
  private slotMask = 0;
  /** Sealed: the ids of buckets of more than one key, each bucket's ids together, ascending. */
  private bucketIds = new Int32Array(0);
  private filter = new LineBits(0, FILTER_BITS_PER_FILING, FILTER_HASHES);
  private buckets = 0;
  private sealed = false;
  private query = 0;
  /**
   * Sealed: per key id, at 2 id its visit mark (the number of the last query
   * that reported it, so a key is reported once per query) and at 2 id + 1
   * its length and first character (shapeOf): side by side, so reporting a
   * key reads one cache line, not two.
   */
  private marksAndShapes = new Int32Array(0);
  /** One query's string hashes and their filter lines (scratch, reused). */
  private probes = new Int32Array(64);
  private probeLines = new Int32Array(64);
  /** Queries answered and keys handed back, for benchmarks (evidence that a probe's work does not grow with the lexicon). */
  queries = 0;
  candidates = 0;

  /** Keys shorter than this are not filed (too many short keys are one edit apart). */
  constructor(readonly minLength: number) {}

  get size(): number {
    return this.keys.length;
  }

  /** Buckets a query may find (crowded ones dropped), once sealed. */
  get bucketCount(): number {
    return this.buckets;
  }

  /** Bytes of the sealed table, filter and id arrays (typed arrays live outside the JS heap). */
  get flatBytes(): number {
    return this.table.byteLength + this.bucketIds.byteLength + this.filter.byteLength + this.marksAndShapes.byteLength;
  }

  add(key: string): void {
    if (this.sealed) throw new Error("DeletionIndex: add after seal");
    if (key.length < this.minLength || this.known.has(key)) return;
    this.known.add(key);
    const id = this.keys.length;
    this.keys.push(key);
    const first = this.hashes.length;
    this.file(key, -1, id, first);
    for (let i = 1; i < key.length; i++) {
      if (repeatsPrevious(key, i)) continue;
      this.file(key, i, id, first);
    }
  }

  /** Files the key under the hash of its string without character `skip`, unless one of its other strings (filed from `first` on) has that hash already (a collision: then only the filter learns the string's groups). */
  private file(key: string, skip: number, id: number, first: number): void {
    const h = hashWithout(key, skip);
    const n = skip < 0 ? key.length : key.length - 1;
    let repeat = false;
    for (let p = first; p < this.hashes.length && !repeat; p++) repeat = this.hashes.data[p] === h && this.ids.data[p] !== -1;
    this.hashes.push(h);
    this.ids.push(repeat ? -1 : id);
    this.prefixGroups.push(prefixGroup(key, skip, n));
    this.suffixGroups.push(suffixGroup(key, skip, n));
  }

  /** The slot holding hash `h`, or the empty slot where it would go. */
  private slotOf(h: number): number {
    let s = Math.imul(h, 0x9e3779b1) & this.slotMask;
    while (this.table[2 * s] !== 0 && this.table[2 * s] !== h + 1) s = (s + 1) & this.slotMask;
    return s;
  }

  /** The filed keys other than `query` sharing a bucket and the first character with it (unverified), appended to `out`. */
  near(query: string, out: string[]): string[] {
    for (const id of this.nearIds(query, [])) out.push(this.keys[id]!);
    return out;
  }

  /** The filed key with this id (from nearIds). */
  keyOf(id: number): string {
    return this.keys[id]!;
  }

  /** near(), as key ids (appended to `out`): a caller that files data by key id need not read the keys. */
  nearIds(query: string, out: number[]): number[] {
    if (!this.sealed) throw new Error("DeletionIndex: near before seal");
    this.query = (this.query + 1) & 0x7fffffff || 1;
    this.queries++;
    // The query's strings' hashes first, then every filter word they read, then the buckets: the filter
    // reads do not wait on one another, so the CPU overlaps their cache misses.
    if (this.probes.length <= query.length) {
      this.probes = new Int32Array(2 * query.length + 2);
      this.probeLines = new Int32Array(2 * query.length + 2);
    }
    const probes = this.probes;
    const lines = this.probeLines;
    const filter = this.filter;
    const length = query.length;
    let count = 0;
    lines[count] = filter.lineOf(prefixGroup(query, -1, length));
    probes[count++] = hashWithout(query, -1);
    if (length > 1) {
      // A deletion past the prefix keeps the prefix group; one inside it (never the first character) keeps the suffix group.
      const half = prefixLength(length - 1);
      const prefixLine = filter.lineOf(prefixGroup(query, -1, length - 1));
      const suffixLine = half > 1 ? filter.lineOf(suffixGroup(query, 1, length - 1)) : prefixLine;
      for (let i = 1; i < length; i++) {
        if (repeatsPrevious(query, i)) continue;
        lines[count] = i >= half ? prefixLine : suffixLine;
        probes[count++] = hashWithout(query, i);
      }
    }
    let passed = 0;
    for (let j = 0; j < count; j++) {
      // A hash the filter turns away becomes -1 (hashes are 30-bit, never negative).
      if (filter.mayHave(lines[j]!, probes[j]!)) passed++;
      else probes[j] = -1;
    }
    const before = out.length;
    const limit = before + MAX_NEAR;
    const shape = shapeOf(query);
    for (let j = 0; j < count && passed > 0 && (j === 0 || out.length < limit); j++) {
      if (probes[j] === -1) continue;
      passed--;
      this.visit(probes[j]!, query, shape, out);
    }
    this.candidates += out.length - before;
    return out;
  }

  private visit(h: number, query: string, shape: number, out: number[]): void {
    const s = this.slotOf(h);
    const bucket = this.table[2 * s + 1]!;
    const count = bucket & COUNT_MASK;
    // An empty slot and a crowded bucket both read as count 0.
    if (count === 1) this.report(bucket >>> COUNT_BITS, query, shape, out);
    else for (let i = bucket >>> COUNT_BITS, end = i + count; i < end; i++) this.report(this.bucketIds[i]!, query, shape, out);
  }

  private report(id: number, query: string, shape: number, out: number[]): void {
    const at = 2 * id;
    const seen = this.marksAndShapes;
    if (seen[at] === this.query) return;
    seen[at] = this.query;
    const keyShape = seen[at + 1]!;
    // A hash collision may bring a key with another first character: not a neighbour.
    if ((keyShape & 0xffff) !== (shape & 0xffff)) return;
    // The query itself is not its own neighbour (a key of another length is not the query: no string read).
    if (keyShape === shape && this.keys[id] === query) return;
    out.push(id);
  }

  /** Lays the filed pairs out flat, drops the crowded buckets (never visited) and what only building needed, and builds the filter. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    this.known.clear();
    this.marksAndShapes = new Int32Array(2 * this.keys.length);
    this.keys.forEach((key, id) => (this.marksAndShapes[2 * id + 1] = shapeOf(key)));
    const pairs = this.hashes.length;
    const hashes = this.hashes.data;
    const ids = this.ids.data;
    let slots = 16;
    while (slots * MAX_LOAD < pairs) slots *= 2;
    const table = (this.table = new Int32Array(2 * slots));
    this.slotMask = slots - 1;
    // Pass 1: the buckets' slots, each counting its keys (a key files a hash once: see file()).
    const slotOfPair = new Int32Array(pairs);
    for (let p = 0; p < pairs; p++) {
      const s = this.slotOf(hashes[p]!);
      table[2 * s] = hashes[p]! + 1;
      if (ids[p] !== -1) table[2 * s + 1]!++;
      slotOfPair[p] = s;
    }
    // Pass 2: a crowd becomes count 0; a bucket of a few keys gets its range of bucketIds.
    let total = 0;
    for (let s = 0; s < slots; s++) {
      const c = table[2 * s + 1]!;
      if (c === 0) continue;
      if (c > MAX_BUCKET) {
        table[2 * s + 1] = 0;
        continue;
      }
      this.buckets++;
      if (c > 1) {
        table[2 * s + 1] = (total << COUNT_BITS) | c;
        total += c;
      }
    }
    this.bucketIds = new Int32Array(total);
    const filter = (this.filter = new LineBits(2 * this.buckets, FILTER_BITS_PER_FILING, FILTER_HASHES));
    // Pass 3: ids into their buckets in key id order, the payload serving as the write cursor meanwhile.
    for (let p = 0; p < pairs; p++) {
      const s = slotOfPair[p]!;
      const bucket = table[2 * s + 1]!;
      const c = bucket & COUNT_MASK;
      if (c === 0) continue;
      filter.add(filter.lineOf(this.prefixGroups.data[p]!), hashes[p]!);
      filter.add(filter.lineOf(this.suffixGroups.data[p]!), hashes[p]!);
      if (ids[p] === -1) continue;
      if (c === 1) table[2 * s + 1] = (ids[p]! << COUNT_BITS) | 1;
      else {
        this.bucketIds[bucket >>> COUNT_BITS] = ids[p]!;
        table[2 * s + 1] = bucket + (1 << COUNT_BITS);
      }
    }
    // The cursors stand one bucket past their start: back to the start.
    for (let s = 0; s < slots; s++) {
      const c = table[2 * s + 1]! & COUNT_MASK;
      if (c > 1) table[2 * s + 1]! -= c << COUNT_BITS;
    }
    this.hashes = new IntList();
    this.ids = new IntList();
    this.prefixGroups = new IntList();
    this.suffixGroups = new IntList();
  }
}
