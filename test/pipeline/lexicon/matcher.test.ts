import { describe, expect, it } from "vitest";

import { asciiFold, boundedLevenshtein, phoneticKey, singleDeletes, slipOf } from "../../../src/pipeline/lexicon/keys.js";
import { buildLexiconIndex, type LexiconIndex } from "../../../src/pipeline/lexicon/lexicon-index.js";
import { lookup } from "../../../src/pipeline/lexicon/matcher.js";
import { DeletionIndex, hashWithout, MAX_BUCKET, MAX_NEAR } from "../../../src/pipeline/lexicon/neighbours.js";
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
    // A y written i after an i is still a y ("kriia"), not a long ī.
    expect(phoneticKey("kriia")).toBe(phoneticKey("kriya"));
    expect(phoneticKey("shiiva")).toBe(phoneticKey("shiva"));
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

  it("tells a slip (a letter left out, two swapped) from a changed letter", () => {
    expect(slipOf("vedata", "vedanta")).toBe(true);
    expect(slipOf("arjnua", "arjuna")).toBe(true);
    expect(slipOf("vedant", "vedanta")).toBe(true);
    expect(slipOf("vedonta", "vedanta")).toBe(false);
    expect(slipOf("vedanta", "vedanta")).toBe(false);
    expect(slipOf("vaednta", "vedanta")).toBe(false);
    expect(slipOf("vdeanta", "vedanta")).toBe(true);
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

describe("lexicon lookup: a final vowel left out", () => {
  const index = buildLexiconIndex([
    packOf("vowels", [
      "  - {id: guru, canonical: guru, kind: term, category: person, variants: []}",
      "  - {id: nada, canonical: nāda, kind: term, category: sound, variants: []}",
      "  - {id: nadi, canonical: nāḍī, kind: term, category: body, variants: []}",
      "  - {id: jala-neti, canonical: jala neti, kind: term, category: cleansing, variants: []}",
    ]),
  ]);

  it("finds the one listed spelling a final vowel completes, in a word or at the end of a phrase", () => {
    expect(ids(index, "gur", 1)).toEqual([["guru", "fuzzy"]]);
    expect(ids(index, "jala net", 2)[0]).toEqual(["jala-neti", "fuzzy"]);
  });

  it("finds nothing when two vowels complete the stem (nāda, nāḍī)", () => {
    expect(ids(index, "nad", 1)).toEqual([]);
    expect([...index.stems.keys()].sort()).toEqual(["gur", "jala net"]);
  });
});

describe("lexicon lookup by sound", () => {
  const SOUNDS = packOf("sounds", [
    "  - {id: karma-yoga, canonical: Karma Yoga, kind: term, category: school, variants: [karma yoga]}",
    "  - {id: kumbhaka, canonical: kumbhaka, kind: term, category: breath, variants: []}",
    "  - {id: surya, canonical: Sūrya, kind: proper_noun, category: deity, variants: [surya]}",
    "  - {id: nada-yoga, canonical: Nāda Yoga, kind: term, category: school, variants: [nada yoga]}",
    "  - {id: shakti, canonical: Śakti, kind: proper_noun, category: deity, variants: [shakti]}",
    "  - {id: shakta, canonical: Śākta, kind: proper_noun, category: school, variants: [shakta]}",
    "  - {id: vishva, canonical: viśva, kind: term, category: cosmos, variants: [vishva]}",
  ]);
  const index = buildLexiconIndex([SOUNDS]);
  const best = (folded: string) => {
    const c = lookup(index, folded, folded.split(" ").length, OPTS)[0];
    return c === undefined ? undefined : [index.entries[c.index]!.entry.id, c.kind, c.soundDistance];
  };

  it("finds English-style spellings one cheap confusion away, in single words and phrases", () => {
    expect(best("cumbhaka")).toEqual(["kumbhaka", "fuzzy", expect.closeTo(0.3)]);
    expect(best("carma yoga")).toEqual(["karma-yoga", "fuzzy", expect.closeTo(0.3)]);
    expect(best("karma yuga")).toEqual(["karma-yoga", "fuzzy", expect.closeTo(0.3)]);
    expect(best("suria")).toEqual(["surya", "fuzzy", expect.closeTo(0.3)]);
  });

  it("gives a short key with no vowel its vowel back, but a short key with one only a cheap confusion", () => {
    expect(best("vshwa")).toEqual(["vishva", "fuzzy", expect.closeTo(0.65)]);
    expect(best("skta")).toEqual(["shakta", "fuzzy", expect.closeTo(0.65)]);
    // "sva" has its vowel: one more would be a guess.
    expect(best("sva")).toBeUndefined();
  });

  it("does not take a different sound for a cheap confusion", () => {
    expect(best("sorea")).toBeUndefined();
    expect(best("fumbhaka")).toBeUndefined();
  });

  it("gives a compound written joined the key of its split spelling", () => {
    expect(best("nadayoga")).toEqual(["nada-yoga", "phonetic", 0]);
  });

  it("scores an equal key above a near one, and a cheap confusion above an arbitrary edit", () => {
    const shakt = lookup(index, "shakt", 1, OPTS);
    expect(shakt.map((c) => index.entries[c.index]!.entry.id)).toEqual(["shakta", "shakti"]);
    expect(shakt[0]!.kind).toBe("phonetic");
    const cheap = lookup(index, "cumbhaka", 1, OPTS)[0]!.score;
    const arbitrary = lookup(index, "kumbaxa", 1, OPTS)[0]?.score ?? 0;
    expect(cheap).toBeGreaterThan(arbitrary);
  });

  it("does not look for near matches once a listed spelling is found", () => {
    expect(lookup(index, "shakti", 1, OPTS).map((c) => [index.entries[c.index]!.entry.id, c.kind])).toEqual([["shakti", "exact"]]);
  });

  it("leaves a key shared by a crowd of entries to listed spellings", () => {
    const crowd = Array.from({ length: MAX_BUCKET + 1 }, (_, i) => ({
      id: `kala-${i}`, canonical: `kāla${"ḥ".repeat(i % 2)}${i}`, kind: "term" as const, variants: [`kaala${"a".repeat(i)}`], category: "x", protected: false, line: i + 1,
    }));
    const big = buildLexiconIndex([{ ...SOUNDS, id: "crowd", entries: crowd }]);
    expect(lookup(big, "kaalaa", 1, OPTS).map((c) => c.kind)).toEqual(["exact"]);
  });
});

describe("one-deletion neighbourhood index: bounds", () => {
  it("drops a bucket shared by more than MAX_BUCKET keys, and stops a query after MAX_NEAR keys", () => {
    const index = new DeletionIndex(3);
    // Every key is "kal" plus one letter: they all share the bucket of "kal".
    const keys = "bcdfghjmnprstvz".split("").map((c) => `kal${c}`);
    for (const k of keys) index.add(k);
    index.seal();
    expect(keys.length).toBeGreaterThan(MAX_BUCKET);
    expect(index.near("kal", [])).toEqual([]);
    // "kalb" shares a bucket only with itself and the crowd: found through its own bucket, nothing more.
    expect(index.near("kalbx", [])).toEqual(["kalb"]);
    const wide = new DeletionIndex(3);
    for (const k of ["abcd", "xbcd", "axcd", "abxd", "abcx", "bcd", "acd", "abd", "abc"]) wide.add(k);
    wide.seal();
    expect(wide.near("abcd", []).length).toBeLessThanOrEqual(MAX_NEAR);
  });
});
