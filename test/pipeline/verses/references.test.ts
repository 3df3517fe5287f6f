import { describe, expect, it } from "vitest";

import { compileProfile } from "../../../src/pipeline/index.js";
import { loadConfig } from "../../../src/config/load.js";
import { textSegment } from "../helpers.js";
import { resources, run, versesOnly } from "./helpers.js";

const p = versesOnly();

describe("verses / spoken references", () => {
  it("writes a reference that names the Gītā as the work and the verse", () => {
    expect(run(p, "this is explained in chapter two verse forty seven of the gita").text).toBe("this is explained in Bhagavad Gītā 2.47");
    expect(run(p, "the bhagavad gita chapter 2 verse 47 says it").text).toBe("the Bhagavad Gītā 2.47 says it");
    expect(run(p, "read verse forty-seven of chapter two in the bhagwat geeta.").text).toBe("read Bhagavad Gītā 2.47.");
    const r = run(p, "chapter eighteen verse sixty six of the bhagavad gita");
    expect(r.edits[0]).toMatchObject({ stage: "verses", rule: "reference", before: "chapter eighteen verse sixty six of the bhagavad gita", applied: true });
  });

  it("writes the short form or the bare number per profile", () => {
    const text = "chapter two verse forty seven of the gita";
    expect(run(versesOnly({ params: { reference_style: "short" } }), text).text).toBe("BG 2.47");
    expect(run(versesOnly({ params: { reference_style: "number" } }), text).text).toBe("2.47");
  });

  it("leaves unqualified references and verses the work does not have to ITN", () => {
    for (const text of ["now chapter two verse forty seven says", "chapter two verse ninety of the gita", "chapter nineteen verse one of the gita"]) {
      expect(run(p, text).edits, text).toEqual([]);
    }
  });

  it("does not re-read its own output", () => {
    const once = run(p, "see chapter two verse forty seven of the gita").text;
    expect(run(p, once).edits).toEqual([]);
  });

  it("combines with ITN in the lecture profile: qualified references here, unqualified ones as ITN's 2.47", () => {
    const config = loadConfig({ env: {} });
    const lecture = config.pipeline.profiles.lecture!;
    expect(lecture.stages?.verses?.enabled).toBe(true);
    // Punctuation and casing off so the expectation reads literally; the guard off because a
    // reference is most of these short segments.
    const off = { punctuation: { enabled: false }, casing: { enabled: false }, guard: { enabled: false } };
    const pipeline = compileProfile(lecture, off, resources);
    const out = (text: string) => pipeline.run(textSegment(text), {}).result.text;
    expect(out("as chapter two verse forty seven of the gita says")).toBe("as Bhagavad Gītā 2.47 says");
    expect(out("as chapter two verse forty seven says")).toBe("as 2.47 says");
    expect(out("karmanye vadhikaraste ma phaleshu kadachana")).toBe("karmaṇyevādhikāraste mā phaleṣu kadācana (BG 2.47)");
  });
});
