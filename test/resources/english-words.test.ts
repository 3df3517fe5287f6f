import { describe, expect, it } from "vitest";

import { loadEnglishWords } from "../../src/resources/load.js";

describe("English word lists", () => {
  const words = loadEnglishWords();

  it("holds every variety's spellings, each at its most common level", () => {
    for (const w of ["color", "colour", "center", "centre", "sceptical", "skeptical", "mould", "sulphur", "defence"]) expect(words.has(w), w).toBe(true);
    expect(words.get("the")).toBe(10);
  });

  it("stops at the level asked for", () => {
    const common = loadEnglishWords(10);
    expect(common.get("the")).toBe(10);
    expect([...common.values()].every((level) => level <= 10)).toBe(true);
    expect(common.size).toBeLessThan(words.size);
  });
});
