import { describe, expect, it } from "vitest";

import { asciiFold, boundedLevenshtein, phoneticKey, singleDeletes } from "../../../src/pipeline/lexicon/keys.js";
import { buildLexiconIndex, lookup, type LexiconIndex } from "../../../src/pipeline/lexicon/matcher.js";
import { DeletionIndex, hashWithout } from "../../../src/pipeline/lexicon/neighbours.js";
import { packOf } from "./helpers.js";

const PACK = packOf("test", [
  "  - {id: bhagavad-gita, canonical: Bhagavad Gītā, kind: proper_noun, category: text, variants: [bhagavad geeta, bhagwat gita]}",
  "  - {id: pranayama, canonical: prāṇāyāma, kind: term, category: breath, variants: [pranayam]}",
  "  - {id: krishna, canonical: Kṛṣṇa, kind: proper_noun, category: deity, variants: [krishna]}",
  "  - {id: hatha-yoga, canonical: Haṭha Yoga, kind: term, category: school, variants: [hathayoga]}",
]);
const OPTS = { phonetic: true, fuzzy: true };
const ids = (index: LexiconIndex, folded: string, words: number, opts = OPTS) =>
  lookup(index, folded, words, opts).map((c) => [index.entries[c.index]!.entry.id, c.kind]);

describe("lexicon keys", () => {
  it("folds IAST and punctuation to plain ASCII letters", () => {
    expect(asciiFold("Bhagavad Gītā")).toBe("bhagavad gita");
    expect(asciiFold("Kṛṣṇa")).toBe("krsna");
    expect(asciiFold("Haṭha-Yoga")).toBe("hathayoga");
  });

  it("gives one phonetic key to the romanisation habits of one word", () => {
    const key = phoneticKey("bhagavad gita");
    for (const heard of ["bhagavat geeta", "bagavad gita", "bhagavad githa"]) expect(phoneticKey(heard)).toBe(key);
    expect(phoneticKey("krishna")).toBe(phoneticKey("krsna"));
    expect(phoneticKey("pranayam")).toBe(phoneticKey("pranayama"));
    expect(phoneticKey("swami")).toBe(phoneticKey("svami"));
    expect(phoneticKey("sanskara")).toBe(phoneticKey("samskara"));
    expect(phoneticKey("gyana")).toBe(phoneticKey("jnana"));
  });

  it("keeps different consonants apart", () => {
    expect(phoneticKey("drama")).not.toBe(phoneticKey("dharma"));
    expect(phoneticKey("work")).not.toBe(phoneticKey("vark"));
  });

  it("counts an adjacent swap as one edit and stops early past the bound", () => {
    expect(boundedLevenshtein("advatia", "advaita", 2)).toBe(1);
    expect(boundedLevenshtein("kitten", "sitting", 3)).toBe(3);
    expect(boundedLevenshtein("abcdefgh", "zzzzzzzz", 2)).toBe(3);
    expect(singleDeletes("yoga")).toEqual(["oga", "yga", "yoa", "yog"]);
  });
});

describe("one-deletion neighbourhood index", () => {
  it("hashes a string with one character left out as the string without it", () => {
    expect(hashWithout("yoga", 1)).toBe(hashWithout("yga", -1));
    expect(hashWithout("yoga", -1)).not.toBe(hashWithout("yoda", -1));
  });

  it("finds keys one substitution, insertion, deletion or swap away, each once, not the query itself", () => {
    const index = new DeletionIndex(5);
    for (const k of ["pranayam", "pratyahar", "yoga"]) index.add(k);
    index.seal();
    for (const heard of ["pranayan", "pranyam", "prannayam", "prnaayam"]) expect(index.near(heard, [])).toEqual(["pranayam"]);
    expect(index.near("pranayam", [])).toEqual([]);
    expect(index.near("pratyahara", [])).toEqual(["pratyahar"]);
    // Keys shorter than the minimum are not filed.
    expect(index.near("yogi", [])).toEqual([]);
  });
});

describe("lexicon index lookup", () => {
  const index = buildLexiconIndex([PACK]);

  it("finds a listed spelling and the canonical's own fold as exact", () => {
    expect(ids(index, "bhagwat gita", 2)[0]).toEqual(["bhagavad-gita", "exact"]);
    expect(ids(index, "krsna", 1)[0]).toEqual(["krishna", "exact"]);
  });

  it("finds an unlisted spelling by sound, and a split compound", () => {
    expect(ids(index, "bagavat geetha", 2)[0]).toEqual(["bhagavad-gita", "phonetic"]);
    expect(ids(index, "hatha yog", 2)[0]).toEqual(["hatha-yoga", "phonetic"]);
  });

  it("finds a misspelling by edit distance, and only when fuzzy matching is on", () => {
    expect(ids(index, "pranaayma", 1)[0]).toEqual(["pranayama", "fuzzy"]);
    expect(ids(index, "pranaayma", 1, { phonetic: true, fuzzy: false })).toEqual([]);
  });

  it("scores exact above phonetic above fuzzy", () => {
    const exact = lookup(index, "pranayam", 1, OPTS)[0]!.score;
    const phonetic = lookup(index, "praanaayaam", 1, OPTS)[0]!.score;
    const fuzzy = lookup(index, "pranaayma", 1, OPTS)[0]!.score;
    expect(exact).toBeGreaterThan(phonetic);
    expect(phonetic).toBeGreaterThan(fuzzy);
  });

  it("does not match a span with far more words than the entry", () => {
    expect(ids(index, "the bhagavad gita says", 4)).toEqual([]);
  });

  it("answers from hash probes: lookups on a 20k-entry index touch no more entries than on a small one", () => {
    const entries = Array.from({ length: 20000 }, (_, i) => ({
      id: `t${i}`, canonical: `zq${i.toString(36)}xv`, kind: "term" as const, variants: [], category: "x", protected: false, line: i + 1,
    }));
    const big = buildLexiconIndex([PACK, { ...PACK, id: "big", entries }]);
    expect(ids(big, "bagavat geetha", 2)[0]).toEqual(["bhagavad-gita", "phonetic"]);
    expect(lookup(big, "bagavat geetha", 2, OPTS).length).toBe(lookup(index, "bagavat geetha", 2, OPTS).length);
  });
});
