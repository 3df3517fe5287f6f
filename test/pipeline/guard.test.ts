// Spec: the drift guard flags a segment when too much changed and, when its
// uncertain edits alone changed too much, reverts them to suggestions; it
// never undoes redaction.
import { describe, expect, it } from "vitest";
import { compileProfile, DRIFT_GUARD_FLAG, type StageSettingsInput } from "../../src/pipeline/index.js";
import { runText } from "./helpers.js";
import { resources } from "./itn/helpers.js";

function guarded(guard: StageSettingsInput["params"] = {}, stages: Record<string, StageSettingsInput> = {}) {
  return compileProfile({ stages: { casing: { enabled: false }, guard: { enabled: true, params: guard }, ...stages } }, undefined, resources);
}

describe("guard", () => {
  it("leaves a segment alone when the edit ratio is within the bound", () => {
    const r = runText(guarded(), "we paid twenty dollars for the whole set of books today");
    expect(r.text).toBe("we paid $20 for the whole set of books today");
    expect(r.flags).toEqual([]);
  });

  it("over the bound: low-confidence edits become suggestions, the segment is flagged", () => {
    // The marker phrase (0.85, below keep_confidence) would remove 4 of 7 words: it is suggested only.
    const r = runText(guarded({ max_edit_ratio: 0.3, keep_confidence: 0.92 }), "let me rephrase that the plan works");
    const removed = r.edits.filter((e) => e.stage === "disfluency");
    expect(removed.length).toBe(4);
    expect(removed.every((e) => !e.applied && e.confidence < 0.92)).toBe(true);
    expect(r.text).toBe("let me rephrase that the plan works");
    expect(r.flags.map((f) => f.code)).toContain(DRIFT_GUARD_FLAG);
    expect(r.needsReview).toBe(true);
    // Spans and timings come from a clean re-run: every output word maps to its own source word.
    expect(r.words.map((w) => w.source)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => ({ start: i, end: i + 1 })));
  });

  it("over the bound by confident edits: flags the segment for review but reverts nothing", () => {
    // Hesitation fillers (0.95) are confident: 3 of 5 words go, nothing uncertain changed anything.
    const r = runText(guarded(), "um uh um we paid");
    expect(r.text).toBe("we paid");
    expect(r.edits.every((e) => e.applied)).toBe(true);
    expect(r.flags.map((f) => f.code)).toEqual([DRIFT_GUARD_FLAG]);
    expect(r.needsReview).toBe(true);
  });

  it("does not count numbers written as digits as drift: ITN changes how words are written, not which", () => {
    // The date (0.85, below keep_confidence) rewrites 5 of 9 words and stays, unflagged.
    const r = runText(guarded(), "on august twenty seventh eighteen thirty seven she writes");
    expect(r.text).toBe("on August 27, 1837 she writes");
    expect(r.edits.filter((e) => e.stage === "itn").every((e) => e.applied && e.confidence < 0.9)).toBe(true);
    expect(r.flags).toEqual([]);
    // A segment that is only a number is no drift either.
    expect(runText(guarded(), "two thousand and five").text).toBe("2005");
  });

  it("a guarded re-run for drifting words leaves ITN's edits standing", () => {
    const r = runText(guarded({ max_edit_ratio: 0.3, keep_confidence: 0.92 }), "let me rephrase that we paid twenty dollars");
    expect(r.text).toBe("let me rephrase that we paid $20");
    expect(r.flags.map((f) => f.code)).toContain(DRIFT_GUARD_FLAG);
    expect(runText(guarded({ max_edit_ratio: 0.3, keep_confidence: 0.92 }), r.text).text).toBe(r.text);
  });

  it("keep_confidence 0 keeps every edit but still flags the drift", () => {
    const r = runText(guarded({ max_edit_ratio: 0.3, keep_confidence: 0 }), "um uh twenty dollars");
    expect(r.text).toBe("$20");
    expect(r.flags.map((f) => f.code)).toEqual([DRIFT_GUARD_FLAG]);
  });

  it("never reverts redaction, nor the ITN edit redaction built on", () => {
    const r = runText(guarded({}, { redaction: { enabled: true } }), "five five five one two three four five six seven");
    expect(r.text).toBe("[PHONE]");
    expect(r.flags).toEqual([]);
  });

  it("is idempotent on its own output", () => {
    const p = guarded({ max_edit_ratio: 0.3, keep_confidence: 0.92 }, { redaction: { enabled: true } });
    for (const s of ["um uh twenty dollars", "um so twenty five percent of 555-123-4567", "uh a@b.com"]) {
      const first = runText(p, s);
      const second = runText(p, first.text);
      expect(second.edits.filter((e) => e.applied)).toEqual([]);
      expect(second.text).toBe(first.text);
    }
  });

  it("does not count restored punctuation and capitals as drift", () => {
    // Words gain a mark or a capital; none changes its words.
    const p = guarded({ max_edit_ratio: 0.1 }, { punctuation: { enabled: true }, casing: { enabled: true } });
    const r = runText(p, "so where are they");
    expect(r.edits.some((e) => e.applied && (e.stage === "punctuation" || e.stage === "casing"))).toBe(true);
    expect(r.flags.map((f) => f.code)).not.toContain(DRIFT_GUARD_FLAG);
  });

  it("validates its params", () => {
    expect(() => guarded({ max_edit_ratio: 2 })).toThrow(/max_edit_ratio/);
  });
});
