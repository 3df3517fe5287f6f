import { describe, expect, it } from "vitest";

import { Postings } from "../../../src/pipeline/lexicon/postings.js";

/** `count` distinct pseudo-random lower-case strings of 3 to 12 letters (a fixed seed: the same every run). */
function randomKeys(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const out = new Set<string>();
  while (out.size < count) out.add(Array.from({ length: 3 + ((next() >>> 16) % 10) }, () => String.fromCharCode(97 + ((next() >>> 16) % 26))).join(""));
  return [...out];
}

describe("postings: key -> entry ids in a flat table once sealed", () => {
  it("finds every filed key with its ids after sealing, one id as a number and several as a list", () => {
    const postings = new Postings(true);
    const keys = randomKeys(20_000, 1);
    keys.forEach((k, i) => postings.add(k, i));
    postings.add(keys[7]!, 20_001);
    postings.add(keys[7]!, 20_002);
    postings.seal();
    keys.forEach((k, i) => expect(postings.get(k)).toEqual(i === 7 ? [7, 20_001, 20_002] : i));
    expect(postings.getFiled(keys[123]!)).toBe(123);
  });

  it("tells apart keys that share a prefix, differ in one character or in length, and non-ASCII spellings", () => {
    const postings = new Postings(false);
    const keys = ["yoga", "yogа", "yog", "yogas", "bhagavad gītā", "bhagavad gita", "ṛṣi", "rsi"];
    keys.forEach((k, i) => postings.add(k, i));
    postings.seal();
    keys.forEach((k, i) => expect(postings.get(k)).toBe(i));
    for (const absent of ["yo", "yogi", "bhagavad", "ṛṣ", "", "yoga "]) expect(postings.get(absent)).toBeUndefined();
  });

  it("answers for keys never filed with undefined, with the filter in front or without", () => {
    for (const filtered of [true, false]) {
      const postings = new Postings(filtered);
      const keys = randomKeys(4_000, 2);
      keys.slice(0, 2_000).forEach((k, i) => postings.add(k, i));
      postings.seal();
      for (const k of keys.slice(2_000)) expect(postings.has(k)).toBe(false);
    }
  });

  it("lists its keys in filing order before and after sealing, a repeated id filed once", () => {
    const postings = new Postings(true);
    for (const [k, id] of [["kala", 0], ["guna", 1], ["kala", 1], ["kala", 1], ["nada", 2]] as const) postings.add(k, id);
    expect([...postings.keys()]).toEqual(["kala", "guna", "nada"]);
    expect(postings.get("kala")).toEqual([0, 1]);
    postings.seal();
    expect([...postings.keys()]).toEqual(["kala", "guna", "nada"]);
    expect(postings.size).toBe(3);
    expect(postings.get("kala")).toEqual([0, 1]);
    expect(() => postings.add("yoga", 3)).toThrow(/after seal/);
  });

  it("seals an empty map", () => {
    const postings = new Postings(true);
    postings.seal();
    expect(postings.size).toBe(0);
    expect(postings.get("yoga")).toBeUndefined();
  });
});
