// A Bloom filter over the words the packs use, so that most spans of an
// English transcript are turned away without probing the big maps. A probe
// of a map with hundreds of thousands of keys misses the CPU caches; these
// bits (about two bytes per word) mostly stay in them, so the per-word cost
// stays flat as a lexicon grows. A false positive only costs the map probe
// it would have made anyway.

const BITS_PER_ITEM = 16;
const HASHES = 3;

function fnv1a(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class WordFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** Sized for `expected` words (rounded up to a power of two bits). */
  constructor(expected: number) {
    let size = 1024;
    while (size < expected * BITS_PER_ITEM) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  add(word: string): void {
    const h1 = fnv1a(word, 0);
    const h2 = fnv1a(word, 0x5bd1e995) | 1;
    for (let k = 0; k < HASHES; k++) {
      const bit = (h1 + Math.imul(k, h2)) & this.mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** False when the word was certainly never added. */
  mayHave(word: string): boolean {
    const h1 = fnv1a(word, 0);
    const h2 = fnv1a(word, 0x5bd1e995) | 1;
    for (let k = 0; k < HASHES; k++) {
      const bit = (h1 + Math.imul(k, h2)) & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}
