import { describe, expect, it } from "vitest";

import { compileProfile, StageOptionsError } from "../../../src/pipeline/index.js";
import { resources, run, versesOnly } from "./helpers.js";

function violations(verses: Parameters<typeof versesOnly>[0]): string[] {
  try {
    versesOnly(verses);
  } catch (err) {
    if (err instanceof StageOptionsError) return err.violations.map((v) => `${v.stage}.${v.param}`);
    throw err;
  }
  return [];
}

describe("verses / options", () => {
  it("rejects unknown parameters and classes, naming each", () => {
    expect(violations({ params: { citaton: "short" }, classes: { recitations: false } })).toEqual(["verses.params.citaton", "verses.classes.recitations"]);
  });

  it("rejects bad values, including wire strings", () => {
    expect(violations({ params: { citation: "footnote", line_separator: "pipe", reference_style: "full" } })).toEqual([
      "verses.params.citation",
      "verses.params.line_separator",
      "verses.params.reference_style",
    ]);
    expect(violations({ params: { apply_threshold: "1.5", min_similarity: -1, min_key_chars: "3" } })).toEqual([
      "verses.params.apply_threshold",
      "verses.params.min_similarity",
      "verses.params.min_key_chars",
    ]);
    expect(violations({ params: { apply_threshold: "0.9", citation: "long" } })).toEqual([]);
  });

  it("rejects a work that is not loaded, and restricts matching to the works named", () => {
    expect(violations({ params: { works: ["yoga-sutras"] } })).toEqual(["verses.params.works"]);
    const gita = versesOnly({ params: { works: "bhagavad-gita" } });
    expect(run(gita, "yoga karmasu kaushalam").text).toBe("yogaḥ karmasu kauśalam (BG 2.50)");
  });

  it("validates without resources and then changes nothing", () => {
    const p = compileProfile({ stages: { verses: { enabled: true, params: { citation: "none" } } } });
    expect(p.run({ id: "a", seq: 0, isFinal: true, startMs: 0, endMs: 1, text: "yoga karmasu kaushalam", words: [] }, {}).result.edits.filter((e) => e.stage === "verses")).toEqual([]);
    expect(() => compileProfile({ stages: { verses: { params: { bogus: 1 } } } })).toThrow(StageOptionsError);
    expect(resources.verses?.map((w) => w.id)).toEqual(["bhagavad-gita"]);
  });
});
