import { describe, expect, it } from "vitest";

import { coarseKey, weightedDistance } from "../../../src/pipeline/lexicon/distance.js";
import { phoneticKey } from "../../../src/pipeline/lexicon/keys.js";
import { WordFilter } from "../../../src/pipeline/lexicon/bloom.js";

describe("weighted distance between phonetic keys", () => {
  it("charges the confusions English spellings make less than an arbitrary letter", () => {
    expect(weightedDistance("carm", "karm", 2)).toBeCloseTo(0.3); // c for k
    expect(weightedDistance("vand", "band", 2)).toBeCloseTo(0.3); // v for b
    expect(weightedDistance("nidr", "nedr", 2)).toBeCloseTo(0.3); // e for i
    expect(weightedDistance("mudr", "modr", 2)).toBeCloseTo(0.3); // o for u
    expect(weightedDistance("suri", "sury", 2)).toBeCloseTo(0.3); // i for y
    expect(weightedDistance("farm", "karm", 2)).toBe(1);
  });

  it("does not treat e and y as one sound (only e/i and i/y are)", () => {
    expect(weightedDistance("sore", "sury", 2)).toBeCloseTo(1.3);
  });

  it("charges a dropped vowel or h less than a dropped consonant, and a swap less than two edits", () => {
    expect(weightedDistance("bast", "basti", 2)).toBeCloseTo(0.65);
    expect(weightedDistance("kaph", "kap", 2)).toBeCloseTo(0.5);
    expect(weightedDistance("vedat", "vedant", 2)).toBe(1);
    expect(weightedDistance("gnanoyg", "gnanyog", 2)).toBeCloseTo(0.8);
  });

  it("stops early past the bound", () => {
    expect(weightedDistance("abcdefgh", "zzzzzzzz", 1)).toBeGreaterThan(1);
    expect(weightedDistance("same", "same", 0)).toBe(0);
  });

  it("gives a long key after a short one the same answer (its working rows grow)", () => {
    const long = "a".repeat(80);
    expect(weightedDistance(long, `${long}i`, 2)).toBeCloseTo(0.65);
    expect(weightedDistance("carm", "karm", 2)).toBeCloseTo(0.3);
  });
});

describe("coarse key", () => {
  it("folds each confusion class to one letter and collapses repeats", () => {
    expect(coarseKey("carm")).toBe(coarseKey("karm"));
    expect(coarseKey("suri")).toBe(coarseKey("sury"));
    expect(coarseKey("vrahman")).toBe(coarseKey("brahman"));
    expect(coarseKey("kriy")).toBe("kri");
  });

  it("keeps other letters apart", () => {
    expect(coarseKey("farm")).not.toBe(coarseKey("karm"));
    expect(coarseKey("sat")).not.toBe(coarseKey("sad"));
  });
});

describe("phonetic key rules for ṛ and anusvāra", () => {
  it("reads ri before a consonant as ṛ anywhere, ru only after a consonant", () => {
    expect(phoneticKey("rishi")).toBe(phoneticKey("rsi"));
    expect(phoneticKey("krupa")).toBe(phoneticKey("krpa"));
    expect(phoneticKey("rudra")).toBe("rudr");
    expect(phoneticKey("purusha")).toBe("purus");
  });

  it("reads m before a consonant as anusvāra only after a vowel", () => {
    expect(phoneticKey("samskara")).toBe(phoneticKey("sanskara"));
    expect(phoneticKey("mdura")).toBe("mdur");
  });
});

describe("word filter", () => {
  it("knows every word added, and turns away words never added", () => {
    const filter = new WordFilter(3);
    for (const w of ["bhagavad", "gita", "pranayama"]) filter.add(w);
    for (const w of ["bhagavad", "gita", "pranayama"]) expect(filter.mayHave(w)).toBe(true);
    const absent = ["the", "temple", "was", "dedicated", "to", "him", "and", "her", "brothers", "kings"];
    expect(absent.filter((w) => filter.mayHave(w)).length).toBeLessThanOrEqual(1);
  });
});
