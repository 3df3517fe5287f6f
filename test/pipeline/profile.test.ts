import { describe, expect, it } from "vitest";
import { compileProfile, STAGE_NAMES, StageOptionsError, violationField, type OptionViolation, type ProfileInput, type StageSettingsInput } from "../../src/pipeline/index.js";
import { runText, textSegment } from "./helpers.js";

const verbatim: ProfileInput = { stages: { disfluency: { enabled: false }, casing: { enabled: true } } };
const clean: ProfileInput = { stages: { disfluency: { params: { fillers: ["um", "uh"], apply_threshold: 0.5 } } } };

function violationsOf(profile: ProfileInput, overrides?: Record<string, StageSettingsInput>): OptionViolation[] {
  try {
    compileProfile(profile, overrides);
  } catch (err) {
    expect(err).toBeInstanceOf(StageOptionsError);
    return [...(err as StageOptionsError).violations];
  }
  throw new Error("expected compileProfile to throw");
}

describe("STAGE_NAMES", () => {
  it("lists the stages in run order", () => {
    expect(STAGE_NAMES).toEqual(["disfluency", "lexicon", "transliteration", "verses", "itn", "punctuation", "casing", "redaction", "guard"]);
  });
});

describe("compileProfile: merging profile and stream overrides", () => {
  it("runs every stage with defaults for an empty profile", () => {
    const p = compileProfile({});
    expect(p.stages.map((s) => [s.name, s.enabled])).toEqual([
      ["disfluency", true],
      ["lexicon", false],
      ["transliteration", false],
      ["verses", false],
      ["itn", true],
      ["punctuation", false],
      ["casing", true],
      ["redaction", false],
      ["guard", false],
    ]);
    expect(runText(p, "um, so").text).toBe("So");
  });

  it("respects a profile that disables a stage", () => {
    expect(runText(compileProfile(verbatim), "um, so").text).toBe("Um, so");
  });

  it("lets an override switch a stage back on; overrides win", () => {
    expect(runText(compileProfile(verbatim, { disfluency: { enabled: true } }), "um, so").text).toBe("So");
    expect(runText(compileProfile(clean, { casing: { enabled: false } }), "um, so").text).toBe("so");
  });

  it("keeps the profile's enabled when the override leaves it unset", () => {
    const p = compileProfile(verbatim, { disfluency: { params: { apply_threshold: "0.9" } } });
    expect(p.stages.find((s) => s.name === "disfluency")).toMatchObject({ enabled: false, settings: { params: { apply_threshold: "0.9" } } });
  });

  it("merges params by key: the override's wire string beats the profile's value, others stay", () => {
    const p = compileProfile(clean, { disfluency: { params: { apply_threshold: "0.99" } } });
    const r = runText(p, "um er ok");
    expect(r.text).toBe("Um er ok"); // er is not in the profile's list; um only suggested at 0.99
    expect(r.edits.filter((e) => e.stage === "disfluency").map((e) => e.applied)).toEqual([false]);
  });

  it("merges class switches by key", () => {
    const p = compileProfile({ stages: { casing: { classes: { sentence_start: false } } } }, { casing: { classes: { sentence_start: true } } });
    expect(runText(p, "so").text).toBe("So");
  });

  it("compiles once and runs many segments, without touching its inputs", () => {
    const p = compileProfile(clean);
    const seg = Object.freeze({ ...textSegment("um, so we. went"), words: Object.freeze([]) as never });
    const ctx = Object.freeze({});
    const a = p.run(seg, ctx);
    const b = p.run(seg, ctx);
    expect(a).toEqual(b);
    expect(a.result.text).toBe("So we. Went");
  });
});

describe("compileProfile: validation errors name stage, field and reason", () => {
  it("rejects an unknown stage (in the profile or the overrides)", () => {
    expect(violationsOf({ stages: { spelling: {} } })).toEqual([{ stage: "spelling", param: "", reason: expect.stringContaining("unknown stage") }]);
    expect(violationsOf({}, { constructor: {} })).toEqual([{ stage: "constructor", param: "", reason: expect.stringContaining("unknown stage") }]);
  });

  it.each([["high"], [1.5], [-0.1], [true], [["0.5"]], [""]])("rejects apply_threshold %j", (value) => {
    const [v, ...rest] = violationsOf({ stages: { disfluency: { params: { apply_threshold: value as never } } } });
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ stage: "disfluency", param: "params.apply_threshold" });
    expect(v!.reason).toMatch(/between 0 and 1/);
    expect(violationField(v!)).toBe("stages.disfluency.params.apply_threshold");
  });

  it.each([[["um", "you know"]], [["um,"]], [5], ["um,uh!"]])("rejects fillers %j", (value) => {
    expect(violationsOf({ stages: { disfluency: { params: { fillers: value as never } } } })[0]).toMatchObject({
      stage: "disfluency",
      param: "params.fillers",
    });
  });

  it("rejects unknown params and classes (typos never fall back to defaults)", () => {
    expect(violationsOf({ stages: { disfluency: { params: { filers: "um" }, classes: { fillers: true } } } })).toEqual([
      { stage: "disfluency", param: "params.filers", reason: expect.stringContaining("unknown parameter") },
      { stage: "disfluency", param: "classes.fillers", reason: expect.stringContaining("unknown class") },
    ]);
  });

  it("validates disabled stages too, and reports every violation at once", () => {
    const vs = violationsOf(
      { stages: { disfluency: { enabled: false, params: { apply_threshold: 2 } }, nope: {} } },
      { casing: { params: { style: "title" } } },
    );
    expect(vs.map(violationField)).toEqual(["stages.nope", "stages.disfluency.params.apply_threshold", "stages.casing.params.style"]);
  });

  it("has a message naming the field and a first-violation shortcut", () => {
    try {
      compileProfile({}, { casing: { params: { apply_threshold: "x" } } });
      expect.unreachable();
    } catch (err) {
      const e = err as StageOptionsError;
      expect(e.name).toBe("StageOptionsError");
      expect(e.message).toContain("stages.casing.params.apply_threshold");
      expect([e.stage, e.param]).toEqual(["casing", "params.apply_threshold"]);
    }
  });
});
