// Bloom filters that turn most probes away before they touch a big map. A
// probe of a map with hundreds of thousands of keys misses the CPU caches;
// these bits mostly stay in them, so the per-probe cost stays flat as a
// lexicon grows. A false positive only costs the map probe it would have made
// anyway. Blocked: all of an item's bits lie in one 32-bit word, so a probe
// reads one cache line however many bits it tests.
import { fnv1a } from "../fnv.js";

/** MurmurHash3's finaliser: spreads every input bit over the whole word (FNV's low bits are weak). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A blocked Bloom filter over 32-bit hashes. */
export class BlockedBits {
  private readonly words: Uint32Array;

  /** Sized for `expected` items at `bitsPerItem` bits each, `hashes` (at most 6) bits set per item. */
  constructor(
    expected: number,
    bitsPerItem: number,
    private readonly hashes: number,
  ) {
    this.words = new Uint32Array(Math.max(32, Math.ceil((expected * bitsPerItem) / 32)));
  }

  get byteLength(): number {
    return this.words.byteLength;
  }

  /** The item's word: the top 21 bits of the mixed hash scaled to the word count (exact in a double; no power-of-two rounding of the size). */
  private wordOf(mixed: number): number {
    return Math.floor(((mixed >>> 11) * this.words.length) / 0x200000);
  }

  /** The item's bits in its word: five bits of the mixed hash per bit set. */
  private maskOf(mixed: number): number {
    let mask = 0;
    for (let k = 0; k < this.hashes; k++) mask |= 1 << ((mixed >>> (5 * k)) & 31);
    return mask;
  }

  add(hash: number): void {
    const m = mix(hash);
    this.words[this.wordOf(m)]! |= this.maskOf(m);
  }

  /** False when the hash was certainly never added. */
  mayHave(hash: number): boolean {
    const m = mix(hash);
    const mask = this.maskOf(m);
    return (this.words[this.wordOf(m)]! & mask) === mask;
  }
}

/** Words per line: 16 words of 32 bits, 64 bytes, one cache line. */
const LINE_WORDS = 16;

/**
 * A Bloom filter whose caller picks the line: items probed together (the
 * strings of one neighbourhood query) go in one 64-byte line, chosen by a
 * hash they share (`group`), so the probes read one or two cache lines
 * rather than one each. Within the line, an item's hash picks a word and the
 * bits in it, as in BlockedBits. The lines get uneven loads (a group's items
 * land together), so the filter wants more bits per item than BlockedBits for
 * the same false positives.
 */
export class LineBits {
  private readonly words: Uint32Array;
  private readonly lines: number;

  /** Sized for `expected` items (filings: an item filed in two groups counts twice) at `bitsPerItem` bits each, `hashes` (at most 3: nine bits of one mixed hash each) bits set per item, anywhere in its line. */
  constructor(
    expected: number,
    bitsPerItem: number,
    private readonly hashes: number,
  ) {
    this.lines = Math.max(1, Math.ceil((expected * bitsPerItem) / (32 * LINE_WORDS)));
    this.words = new Uint32Array(this.lines * LINE_WORDS);
  }

  get byteLength(): number {
    return this.words.byteLength;
  }

  /** The first word of the line for a group hash (the top 21 bits of the mixed hash scaled to the line count). */
  lineOf(group: number): number {
    return Math.floor(((mix(group) >>> 11) * this.lines) / 0x200000) * LINE_WORDS;
  }

  add(line: number, hash: number): void {
    let m = mix(hash);
    for (let k = 0; k < this.hashes; k++, m >>>= 9) this.words[line + ((m >>> 5) & 15)]! |= 1 << (m & 31);
  }

  /** False when the hash was certainly never added to this line. */
  mayHave(line: number, hash: number): boolean {
    let m = mix(hash);
    for (let k = 0; k < this.hashes; k++, m >>>= 9) if ((this.words[line + ((m >>> 5) & 15)]! & (1 << (m & 31))) === 0) return false;
    return true;
  }
}

/** Bits per word: with three bits set per word, about 1.5% false positives. */
const BITS_PER_ITEM = 16;
const HASHES = 3;

/** A Bloom filter over words (or any strings: keys of a map). */
export class WordFilter {
  private readonly bits: BlockedBits;

  /** Sized for `expected` words. */
  constructor(expected: number) {
    this.bits = new BlockedBits(expected, BITS_PER_ITEM, HASHES);
  }

  get byteLength(): number {
    return this.bits.byteLength;
  }

  add(word: string): void {
    this.bits.add(fnv1a(word));
  }

  /** add() for a word whose fnv1a() the caller has already. */
  addHash(hash: number): void {
    this.bits.add(hash);
  }

  /** mayHave() for a word whose fnv1a() the caller has already. */
  mayHaveHash(hash: number): boolean {
    return this.bits.mayHave(hash);
  }

  /** False when the word was certainly never added. */
  mayHave(word: string): boolean {
    return this.bits.mayHave(fnv1a(word));
  }
}
