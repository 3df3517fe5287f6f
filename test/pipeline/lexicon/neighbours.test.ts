import { describe, expect, it } from "vitest";

import { buildLexiconIndex } from "../../../src/pipeline/lexicon/lexicon-index.js";
import { DeletionIndex, MAX_BUCKET, MAX_NEAR, prefixGroup, suffixGroup } from "../../../src/pipeline/lexicon/neighbours.js";
import { fnv1a } from "../../../src/pipeline/fnv.js";
import { BlockedBits, LineBits, WordFilter } from "../../../src/pipeline/lexicon/bloom.js";
import { packOf } from "./helpers.js";

/** `count` distinct pseudo-random lower-case strings of `length` letters (a fixed seed: the same every run). */
function randomWords(count: number, length: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const out = new Set<string>();
  while (out.size < count) out.add(Array.from({ length }, () => String.fromCharCode(97 + ((next() >>> 16) % 26))).join(""));
  return [...out];
}

describe("one-deletion neighbourhood index: flat storage", () => {
  it("keeps a bucket of exactly MAX_BUCKET keys, reported in the order they were filed", () => {
    const index = new DeletionIndex(3);
    // Filed out of alphabetical order: the report follows filing, not sorting.
    const keys = "zmbd".split("").map((c) => `kal${c}`);
    expect(keys.length).toBe(MAX_BUCKET);
    for (const k of keys) index.add(k);
    index.seal();
    expect(index.near("kal", [])).toEqual(keys.slice(0, MAX_NEAR));
  });

  it("counts only the buckets a query can find (a crowded one is dropped)", () => {
    const index = new DeletionIndex(3);
    // Each key is filed under itself and two deletions of its own ("klb", "kab"; the first letter stays), and all share "kal".
    for (const c of "bcdfghjmnprstvz") index.add(`kal${c}`);
    index.seal();
    expect(index.bucketCount).toBe(15 * 3);
  });

  it("finds every key from a query one edit away among 20 000 keys, and rarely anything for a random query", () => {
    const keys = randomWords(20_000, 8, 1);
    const index = new DeletionIndex(6);
    for (const k of keys) index.add(k);
    index.seal();
    for (const k of keys) expect(index.near(`${k.slice(0, 3)}${k.slice(4)}`, [])).toContain(k);
    const filed = new Set(keys);
    const strangers = randomWords(2_000, 8, 2).filter((w) => !filed.has(w));
    const answered = strangers.filter((w) => index.near(w, []).length > 0);
    expect(answered.length / strangers.length).toBeLessThan(0.01);
  });

  it("hands back key ids, the same neighbours near() names", () => {
    const index = new DeletionIndex(5);
    for (const k of ["pranayam", "pranayama", "pranaayam", "yogasana"]) index.add(k);
    index.seal();
    const ids = index.nearIds("pranayam", []);
    expect(ids.map((id) => index.keyOf(id))).toEqual(index.near("pranayam", []));
    expect(ids.map((id) => index.keyOf(id)).sort()).toEqual(["pranaayam", "pranayama"]);
  });

  it("keeps the first character: a key that differs there is no neighbour", () => {
    const index = new DeletionIndex(4);
    for (const k of ["branayam", "ranayam", "apranayam", "ppranayam"]) index.add(k);
    index.seal();
    // A substitution, a deletion and an insertion at the first character; a doubled first letter is a neighbour.
    expect(index.near("pranayam", [])).toEqual(["ppranayam"]);
    // The same keys are neighbours of words that start as they do.
    expect(index.near("branayama", [])).toEqual(["branayam"]);
    expect(index.near("ranayama", [])).toEqual(["ranayam"]);
  });

  it("finds a key from a query with one letter deleted, inserted or changed at any position, at every length", () => {
    // A query's deletions are probed in two filter lines (the prefix group's and the suffix group's): each position must reach the key.
    for (let length = 2; length <= 14; length++) {
      const key = "pranayamadhyanasamadhi".slice(0, length);
      const index = new DeletionIndex(2);
      index.add(key);
      index.seal();
      for (let i = 1; i < length; i++) {
        const deleted = key.slice(0, i) + key.slice(i + 1);
        const inserted = `${key.slice(0, i)}x${key.slice(i)}`;
        const changed = `${key.slice(0, i)}x${key.slice(i + 1)}`;
        for (const query of [inserted, changed, ...(deleted.length >= 2 ? [deleted] : [])]) expect(index.near(query, []), `${key} / ${query}`).toEqual([key]);
      }
    }
  });

  it("groups a string by its first half and length, and by its first character, second half and length", () => {
    // Deleting a character past the first half keeps the prefix group; deleting one inside it keeps the suffix group.
    const q = "vedanta";
    const n = q.length - 1;
    expect(prefixGroup(q, 5, n)).toBe(prefixGroup(q, -1, n));
    expect(prefixGroup(q, 6, n)).toBe(prefixGroup("vedant", -1, n));
    expect(suffixGroup(q, 1, n)).toBe(suffixGroup(q, 2, n));
    expect(suffixGroup(q, 1, n)).toBe(suffixGroup("vdanta", -1, n));
    expect(prefixGroup("vedant", -1, 6)).not.toBe(prefixGroup("vedant", -1, 5));
  });

  it("is built once: no key after seal(), no query before it", () => {
    const index = new DeletionIndex(3);
    index.add("yoga");
    expect(() => index.near("yoga", [])).toThrow(/before seal/);
    index.seal();
    expect(() => index.add("yogi")).toThrow(/after seal/);
  });
});

describe("blocked bloom filters", () => {
  it("never forgets a hash, and turns away about 95% of others at 8 bits per item", () => {
    const bits = new BlockedBits(50_000, 8, 2);
    const added = Array.from({ length: 50_000 }, (_, i) => fnv1a(`in${i}`) & 0x3fffffff);
    for (const h of added) bits.add(h);
    expect(added.every((h) => bits.mayHave(h))).toBe(true);
    const others = Array.from({ length: 50_000 }, (_, i) => fnv1a(`out${i}`) & 0x3fffffff);
    expect(others.filter((h) => bits.mayHave(h)).length / others.length).toBeLessThan(0.08);
  });

  it("line-blocked: never forgets a hash in its line, and turns away most hashes in other lines or never added", () => {
    const bits = new LineBits(40_000, 10, 3);
    const items = Array.from({ length: 40_000 }, (_, i) => ({ line: bits.lineOf(fnv1a(`group${i % 5_000}`)), hash: fnv1a(`in${i}`) & 0x3fffffff }));
    for (const { line, hash } of items) bits.add(line, hash);
    expect(items.every(({ line, hash }) => bits.mayHave(line, hash))).toBe(true);
    const others = Array.from({ length: 40_000 }, (_, i) => ({ line: bits.lineOf(fnv1a(`group${i % 5_000}`)), hash: fnv1a(`out${i}`) & 0x3fffffff }));
    expect(others.filter(({ line, hash }) => bits.mayHave(line, hash)).length / others.length).toBeLessThan(0.05);
    const moved = items.map(({ line, hash }) => ({ line: (line + 16) % (bits.byteLength / 4), hash }));
    expect(moved.filter(({ line, hash }) => bits.mayHave(line, hash)).length / moved.length).toBeLessThan(0.05);
  });

  it("keeps its size to the items (no rounding up to a power of two)", () => {
    expect(new BlockedBits(100_000, 8, 2).byteLength).toBe(100_000);
    expect(new WordFilter(100_000).byteLength).toBe(200_000);
  });

  it("turns away all but a few percent of words never added, among many", () => {
    const words = randomWords(40_000, 7, 3);
    const filter = new WordFilter(20_000);
    for (const w of words.slice(0, 20_000)) filter.add(w);
    expect(words.slice(0, 20_000).every((w) => filter.mayHave(w))).toBe(true);
    const absent = words.slice(20_000);
    expect(absent.filter((w) => filter.mayHave(w)).length / absent.length).toBeLessThan(0.03);
  });
});

describe("lexicon index key filters", () => {
  const index = buildLexiconIndex([
    packOf("test", [
      "  - {id: bhagavad-gita, canonical: Bhagavad Gītā, kind: proper_noun, category: text, variants: [bhagavad geeta, bhagwat gita]}",
      "  - {id: pranayama, canonical: prāṇāyāma, kind: term, category: breath, variants: [pranayam]}",
      "  - {id: hatha-yoga, canonical: Haṭha Yoga, kind: term, category: school, variants: [hathayoga]}",
    ]),
  ]);

  it("finds every phonetic key, coarse key and canonical the index holds (a filter may only turn away what no entry has)", () => {
    for (const k of index.phonetic.keys()) expect(index.phonetic.get(k)).toBeDefined();
    for (const k of index.coarse.keys()) expect(index.coarse.get(k)).toBeDefined();
    for (const k of index.canonical.keys()) expect(index.canonical.has(k)).toBe(true);
    for (const k of index.exact.keys()) expect(index.exact.get(k)).toBeDefined();
    for (const k of index.stems.keys()) expect(index.stems.get(k)).toBeDefined();
  });

  it("files each neighbour's entries under its neighbourhood id, as the key maps do", () => {
    for (const [near, byId, postings] of [
      [index.coarseNear, index.coarseByNearId, index.coarse],
      [index.spellingNear, index.spellingByNearId, index.spelling],
    ] as const) {
      expect(near.size).toBeGreaterThan(0);
      for (let id = 0; id < near.size; id++) expect(byId[id]).toEqual(postings.get(near.keyOf(id)));
    }
  });

  it("turns away the keys of ordinary English words", () => {
    const english = ["temple", "brothers", "dedicated", "morning", "kingdom", "practice", "window", "garden"];
    expect(english.filter((w) => index.phonetic.mayHave(w)).length).toBeLessThanOrEqual(1);
    expect(english.filter((w) => index.canonical.mayHave(w)).length).toBeLessThanOrEqual(1);
    expect(english.filter((w) => index.exact.mayHave(w)).length).toBeLessThanOrEqual(1);
    expect(english.filter((w) => index.stems.mayHave(w)).length).toBeLessThanOrEqual(1);
  });
});
