// The punctuation model's features as numbers. featuresAt() spells each
// feature as a string ("p1w0=so|we"), which is what training writes and the
// model file stores; building and hashing 24 fresh strings per word made the
// stage the pipeline's most expensive. Here a feature is its template plus its
// parts, each part's hash computed once per word, folded into a 53-bit key: the
// model file's strings are folded the same way at load (featureStringKey), so
// both sides meet in one Map<number, offset>. Two features of the model
// sharing a key would need a 53-bit collision (about 1 in 10^6 for the whole
// model); the test suite checks the two spellings agree slot for slot.
import { WRITTEN_PREFIX, type History, type PunctuationStyle } from "./features.js";

const A_SEED = 0x811c9dc5;
const B_SEED = 0x01000193;

/** Two independent 32-bit FNV-1a-style hashes of a string, as [a, b]. */
function hashPart(s: string): [number, number] {
  let a = A_SEED;
  let b = B_SEED ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, b >>> 0];
}

type Hash = readonly [number, number];

/** Folds the parts' hashes into the template's: 26 bits from the a-chain, 27 from the b-chain. */
function fold(template: Hash, parts: readonly Hash[]): number {
  let a = template[0];
  let b = template[1];
  for (const [pa, pb] of parts) {
    a = step(a, pa);
    b = stepB(b, pb);
  }
  return key53(a, b);
}

const step = (a: number, pa: number) => Math.imul(a ^ pa, 0x01000193) ^ (a >>> 13);
const stepB = (b: number, pb: number) => Math.imul(b ^ pb, 0x5bd1e995) ^ (b >>> 11);
const key53 = (a: number, b: number) => ((a >>> 6) & 0x3ffffff) * 0x8000000 + ((b >>> 5) & 0x7ffffff);

// fold() for one, two and three parts without an array per feature (the stage folds 24 per word).
const fold1 = (t: Hash, x: Hash) => key53(step(t[0], x[0]), stepB(t[1], x[1]));
const fold2 = (t: Hash, x: Hash, y: Hash) => key53(step(step(t[0], x[0]), y[0]), stepB(stepB(t[1], x[1]), y[1]));
const fold3 = (t: Hash, x: Hash, y: Hash, z: Hash) =>
  key53(step(step(step(t[0], x[0]), y[0]), z[0]), stepB(stepB(stepB(t[1], x[1]), y[1]), z[1]));

const templateHashes = new Map<string, [number, number]>();
function template(name: string): [number, number] {
  let h = templateHashes.get(name);
  if (!h) templateHashes.set(name, (h = hashPart(`#${name}`)));
  return h;
}

/** The key of a feature as featuresAt() spells it: "template=part|part…", or a bare template ("b"). */
export function featureStringKey(feature: string): number {
  const eq = feature.indexOf("=");
  if (eq < 0) return fold(template(feature), []);
  return fold(template(feature.slice(0, eq)), feature.slice(eq + 1).split("|").map(hashPart));
}

const AFTER_END = "</s>";
const BUCKETS = ["0", "1", "2", "3-5", "6-9", "10-15", "16-24", "25+"].map(hashPart);
function bucketHash(n: number): [number, number] {
  if (n < 3) return BUCKETS[n]!;
  if (n < 6) return BUCKETS[3]!;
  if (n < 10) return BUCKETS[4]!;
  if (n < 16) return BUCKETS[5]!;
  if (n < 25) return BUCKETS[6]!;
  return BUCKETS[7]!;
}

function suffix(key: string): string {
  return key.length > 4 ? key.slice(-3) : key;
}

const TEMPLATES = [
  "b", "w0", "w1", "w2", "p1", "p2", "w0w1", "p1w0", "w1w2", "p1w0w1", "p2p1w0", "dEnd", "dMark", "dEndw1", "dEndw0", "dMarkw1",
  "f1", "f12", "f1w1", "s0", "s1", "s0w1", "w0w1w2", "w1w2w3",
] as const;
type Templates = Record<(typeof TEMPLATES)[number], [number, number]>;
const templatesFor = (prefix: string) => Object.fromEntries(TEMPLATES.map((t) => [t, template(`${prefix}${t}`)])) as Templates;
/** Each style's templates: the written model's features are spelt "Ww0=…" (features.ts). */
const STYLE_TEMPLATES: Record<PunctuationStyle, Templates> = { spoken: templatesFor(""), written: templatesFor(WRITTEN_PREFIX) };

/** A segment's words hashed once: word and suffix hashes per position. */
export interface HashedWords {
  words: Array<[number, number]>;
  suffixes: Array<[number, number]>;
}

export function hashWords(keys: readonly string[]): HashedWords {
  return { words: keys.map(hashPart), suffixes: keys.map((k) => hashPart(suffix(k))) };
}

const END = hashPart(AFTER_END);
const B_KEYS: Record<PunctuationStyle, number> = { spoken: fold(STYLE_TEMPLATES.spoken.b, []), written: fold(STYLE_TEMPLATES.written.b, []) };
const END_SUFFIX = hashPart(suffix(AFTER_END));

/** The keys of featuresAt(keys, i, h, style) — the same features, as numbers — written into `out`; returns the count. */
export function featureKeysAt(keys: readonly string[], hashed: HashedWords, i: number, h: Readonly<History>, style: PunctuationStyle, out: Float64Array): number {
  const w0 = hashed.words[i]!;
  const w1 = i + 1 < keys.length ? hashed.words[i + 1]! : END;
  const w2 = i + 2 < keys.length ? hashed.words[i + 2]! : END;
  const w3 = i + 3 < keys.length ? hashed.words[i + 3]! : END;
  const s0 = hashed.suffixes[i]!;
  const s1 = i + 1 < keys.length ? hashed.suffixes[i + 1]! : END_SUFFIX;
  const p1 = hashPart(h.prev1);
  const p2 = hashPart(h.prev2);
  const dEnd = bucketHash(h.sinceEnd);
  const dMark = bucketHash(h.sinceMark);
  const first = h.sinceEnd === 0 ? w0 : hashPart(h.first1);
  const second = h.sinceEnd === 0 ? w1 : h.sinceEnd === 1 ? w0 : hashPart(h.first2);
  const T = STYLE_TEMPLATES[style];
  let n = 0;
  out[n++] = B_KEYS[style];
  out[n++] = fold1(T.w0, w0);
  out[n++] = fold1(T.w1, w1);
  out[n++] = fold1(T.w2, w2);
  out[n++] = fold1(T.p1, p1);
  out[n++] = fold1(T.p2, p2);
  out[n++] = fold2(T.w0w1, w0, w1);
  out[n++] = fold2(T.p1w0, p1, w0);
  out[n++] = fold2(T.w1w2, w1, w2);
  out[n++] = fold3(T.p1w0w1, p1, w0, w1);
  out[n++] = fold3(T.p2p1w0, p2, p1, w0);
  out[n++] = fold1(T.dEnd, dEnd);
  out[n++] = fold1(T.dMark, dMark);
  out[n++] = fold2(T.dEndw1, dEnd, w1);
  out[n++] = fold2(T.dEndw0, dEnd, w0);
  out[n++] = fold2(T.dMarkw1, dMark, w1);
  out[n++] = fold1(T.f1, first);
  out[n++] = fold2(T.f12, first, second);
  out[n++] = fold2(T.f1w1, first, w1);
  out[n++] = fold1(T.s0, s0);
  out[n++] = fold1(T.s1, s1);
  out[n++] = fold2(T.s0w1, s0, w1);
  out[n++] = fold3(T.w0w1w2, w0, w1, w2);
  out[n++] = fold3(T.w1w2w3, w1, w2, w3);
  return n;
}

/**
 * Feature key → weight offset, open addressing over typed arrays. A Map keyed
 * by 53-bit numbers boxes every key (they are not small integers) and was
 * most of the stage's time; this table probes two flat arrays.
 */
export class FeatureTable {
  private readonly keys: Float64Array;
  private readonly offsets: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Float64Array(capacity);
    this.offsets = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  private slot(key: number): number {
    const lo = key % 0x8000000;
    const hi = (key - lo) / 0x8000000;
    return (Math.imul(hi, 0x9e3779b1) ^ lo) & this.mask;
  }

  /** Adds a key; false when it is already there (a collision of two features, kept as the first). */
  set(key: number, offset: number): boolean {
    for (let i = this.slot(key); ; i = (i + 1) & this.mask) {
      if (this.offsets[i] === -1) {
        this.keys[i] = key;
        this.offsets[i] = offset;
        this.size++;
        return true;
      }
      if (this.keys[i] === key) return false;
    }
  }

  /** The key's offset, or -1. */
  get(key: number): number {
    for (let i = this.slot(key); ; i = (i + 1) & this.mask) {
      const offset = this.offsets[i]!;
      if (offset === -1 || this.keys[i] === key) return offset;
    }
  }
}
