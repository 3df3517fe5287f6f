import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { runDisfluencySuite, scoreDisflQa, scoreRev16 } from "../../bench/eval/disfluency-suite.js";
import { rawAsrForm } from "../../bench/eval/normalise.js";
import { isGoogleTn, runItnSuite } from "../../bench/eval/itn-suite.js";
import { stageOnlyPipeline } from "../../bench/eval/pipelines.js";
import { mergeQuality, writeQuality } from "../../bench/eval/report.js";
import { itnExact, normalizeQuestion, precisionRecall, scoreRemovals, tolerantKey } from "../../bench/eval/score.js";
import { parseTsv } from "../../bench/eval/tsv.js";

describe("eval / tsv", () => {
  it("skips # and blank lines, keeps spoken text byte-exact, reports lines without a tab", () => {
    const { rows, malformed } = parseTsv("# header\none\t1\n\nx \tx\nno tab here\n");
    expect(rows).toEqual([
      { spoken: "one", written: "1", line: 2 },
      { spoken: "x ", written: "x", line: 4 },
    ]);
    expect(malformed).toEqual([5]);
  });
});

describe("eval / compare", () => {
  it("exact ITN match ignores only outer and repeated whitespace", () => {
    expect(itnExact(" $5  today", "$5 today")).toBe(true);
    expect(itnExact("$5.00", "$5")).toBe(false);
  });

  it("the GoogleTN key ignores spacing and case, not separators", () => {
    expect(tolerantKey("October 28, 2007.")).toBe(tolerantKey("october 28 , 2007 ."));
    expect(tolerantKey("2,000")).not.toBe(tolerantKey("2000"));
    expect(isGoogleTn("/data/itn/google_tn_nemo/sentences.tsv")).toBe(true);
    expect(isGoogleTn("/data/itn/en/cardinal.tsv")).toBe(false);
  });

  it("normalises questions lightly: case and punctuation, not words", () => {
    expect(normalizeQuestion("Who is the emphasis?")).toBe(normalizeQuestion("who is the emphasis"));
    expect(normalizeQuestion("What's  it, then?")).toBe("what's it then");
    expect(normalizeQuestion("a b")).not.toBe(normalizeQuestion("b a"));
  });
});

describe("eval / removal scoring", () => {
  it("counts removed tokens against the reference's dropped tokens", () => {
    const c = scoreRemovals(["so", "um,", "we", "went"], [true, false, true, true], ["So", "we", "went."]);
    expect(c).toEqual({ truePositive: 1, falsePositive: 0, falseNegative: 0, unaligned: 0 });
  });

  it("does not charge for removing the other copy of a repeat", () => {
    const first = scoreRemovals(["It's,", "it's", "worth"], [false, true, true], ["It's", "worth"]);
    const second = scoreRemovals(["It's,", "it's", "worth"], [true, false, true], ["It's", "worth"]);
    expect(first.falsePositive + first.falseNegative).toBe(0);
    expect(second.falsePositive + second.falseNegative).toBe(0);
  });

  it("misses and over-removals show as FN and FP", () => {
    const c = scoreRemovals(["I", "like", "it", "um"], [true, false, true, true], ["I", "like", "it"]);
    expect(c).toMatchObject({ truePositive: 0, falsePositive: 1, falseNegative: 1 });
    expect(precisionRecall({ truePositive: 1, falsePositive: 1, falseNegative: 0 })).toEqual({ precision: 0.5, recall: 1, f1: 0.6667 });
  });
});

describe("eval / suites on small fixtures", () => {
  const { pipeline } = stageOnlyPipeline("disfluency", [{}], undefined);

  it("Rev16 rows: deletion-only rows only, P/R/F1 from source spans", () => {
    const failures: never[] = [];
    const r = scoreRev16(pipeline!, [
      { verbatim: "so um we went", nonverbatim: "so we went", deletion_only: true },
      { verbatim: "the the soul", nonverbatim: "the soul", deletion_only: true },
      { verbatim: "skipped row", nonverbatim: "other", deletion_only: false },
    ], failures, "f");
    expect(r.rev16).toMatchObject({ segments: 2, truePositive: 2, falsePositive: 0, falseNegative: 0, f1: 1 });
    expect(r.tally).toEqual({ total: 2, correct: 2, accuracy: 1 });
  });

  it("Rev16 rows again as raw ASR gives them: lower case, no punctuation, no cut-off marks", () => {
    expect(rawAsrForm("Well, I- I don't know… It's a \"well-known\" thing.")).toBe("well i i don't know it's a well-known thing");
    const row = { verbatim: "It was, you know, fine.", nonverbatim: "It was fine.", deletion_only: true };
    const punctuated = scoreRev16(pipeline!, [row], [], "f").rev16;
    const raw = scoreRev16(pipeline!, [row], [], "f", rawAsrForm).rev16;
    expect(punctuated).toMatchObject({ truePositive: 2, falseNegative: 0 });
    // "it was you know fine": the ungoverned "you know" before no object is taken as the filler in raw ASR too.
    expect(raw).toMatchObject({ truePositive: 2, falseNegative: 0 });
  });

  it("Disfl-QA rows: exact after normalisation, and fluent questions unchanged", () => {
    const failures: { file: string; input: string; expected: string; got: string }[] = [];
    const r = scoreDisflQa(pipeline!, [
      { disfluent: "What is the no make that who is the emphasis?", fluent: "Who is the emphasis?" },
      { disfluent: "How many, uh, sorry, what year was it?", fluent: "What year was it?" },
    ], failures, "qa");
    expect(r.exact.correct).toBe(2);
    expect(r.noHarm).toEqual({ total: 2, correct: 2, accuracy: 1 });
  });

  it("scores Disfl-QA files again with typed_corrections, the setting for typed questions", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lipi-eval-"));
    const file = path.join(dir, "pairs.jsonl");
    // A writer's "or more generally" corrects; in speech it only widens, so the default keeps it.
    writeFileSync(file, JSON.stringify({ disfluent: "Where were French defeated in Quebec or more generally Canada?", fluent: "Where were French defeated in Canada?" }) + "\n");
    const s = runDisfluencySuite([file], dir);
    expect(s.disflQa!.exact.correct).toBe(0);
    expect(s.disflQaTyped!.exact.correct).toBe(1);
    expect(s.disflQaTyped!.noHarm.accuracy).toBe(1);
  });

  it("counts read book text (LibriTTS reference_spoken) that the stage leaves unchanged, and lists what it changed", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lipi-eval-"));
    const file = path.join(dir, "libritts.jsonl");
    const rows = [
      { asr: "x", reference: "x", reference_spoken: "He was, like his brother, slow to believe." },
      { asr: "x", reference: "x", reference_spoken: "It was, um, the the end." },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const s = runDisfluencySuite([file], dir);
    expect(s.readText!.noHarm).toEqual({ total: 2, correct: 1, accuracy: 0.5 });
    expect(s.failures).toEqual([{ file: "libritts.jsonl (no-harm)", input: rows[1]!.reference_spoken, expected: rows[1]!.reference_spoken, got: "It was the end." }]);
  });

  it("the itn suite runs (0% with no itn stage, never a crash) and reports per file", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lipi-eval-"));
    const file = path.join(dir, "cases.tsv");
    writeFileSync(file, "# c\none\t1\nhello\thello\n");
    const s = runItnSuite([file], undefined, dir);
    expect(s.files).toEqual([{ file: "cases.tsv", total: 2, correct: expect.any(Number), accuracy: expect.any(Number) }]);
    expect(s.overall.total).toBe(2);
  });
});

describe("eval / results file", () => {
  it("merges by suite and keeps other suites' entries", () => {
    const before = { suites: { itn: { overall: { total: 1, correct: 1, accuracy: 1 } } } };
    const merged = mergeQuality(before, { suite: "disfluency", files: [], overall: { total: 0, correct: 0, accuracy: 0 }, failures: [1] }, "t");
    expect(Object.keys(merged.suites as object).sort()).toEqual(["disfluency", "itn"]);
    expect((merged.suites as Record<string, unknown>).disfluency).not.toHaveProperty("failures");
  });

  it("writes a file that a second write extends", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "lipi-q-")), "quality.json");
    writeQuality(file, { suite: "a", files: [], overall: { total: 0, correct: 0, accuracy: 0 } }, "t1");
    writeQuality(file, { suite: "b", files: [], overall: { total: 0, correct: 0, accuracy: 0 } }, "t2");
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")).suites)).toEqual(["a", "b"]);
  });
});
