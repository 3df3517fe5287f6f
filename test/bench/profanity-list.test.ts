import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { buildProfanityList, builtProfanityFile, PROFANITY_FILE } from "../../bench/build-profanity-list.js";
import { compileProfile } from "../../src/pipeline/index.js";
import { parseWordList } from "../../src/pipeline/stages/redaction/options.js";
import { loadPipelineResources } from "../../src/resources/load.js";
import { textSegment } from "../pipeline/helpers.js";

describe("profanity list", () => {
  it("is what its sources give (LDNOOBW's one-word entries, lipi's additions, less the exemptions)", () => {
    expect(readFileSync(PROFANITY_FILE, "utf8")).toBe(builtProfanityFile());
  });

  it("adds, exempts and sorts", () => {
    expect(buildProfanityList(["shit", "sex", "anal"], ["crap", "shit"], ["sex", "anal"])).toEqual(["crap", "shit"]);
  });

  it("masks profanity but keeps words a transcript needs, when a profile switches the class on", () => {
    const words = new Set(parseWordList(readFileSync(PROFANITY_FILE, "utf8")));
    for (const w of ["fuck", "bollocks", "motherfucker", "wanker"]) expect(words.has(w)).toBe(true);
    for (const w of ["sex", "sexual", "rape", "cum", "negro", "hooker", "penis"]) expect(words.has(w)).toBe(false);
    const p = compileProfile({ stages: { disfluency: { enabled: false }, itn: { enabled: false }, casing: { enabled: false }, redaction: { enabled: true, classes: { profanity: true }, params: { profanity_style: "tag" } } } }, undefined, loadPipelineResources());
    expect(p.run(textSegment("the sexual harassment policy, summa cum laude, is bollocks"), {}).result.text).toBe("the sexual harassment policy, summa cum laude, is [profanity]");
  });
});
