import { describe, expect, it } from "vitest";

import { JsonlFormatError, parseAsrPairs, profileForFile, scoreFormatting, scoreRecords } from "../../bench/eval/format-suite.js";
import { normaliseText, normalisedTokens, sensitiveTokens, trailingMark } from "../../bench/eval/normalise.js";
import { formatReport, type SuiteSummary } from "../../bench/eval/report.js";
import { alignTokens, wer, wordErrors } from "../../bench/eval/wer.js";

const toks = (s: string) => s.split(" ").filter((t) => t !== "");

describe("format eval / WER", () => {
  it("counts substitutions, deletions and insertions", () => {
    expect(wordErrors(toks("a b c d"), toks("a x c d"))).toMatchObject({ refWords: 4, hits: 3, substitutions: 1, deletions: 0, insertions: 0 });
    expect(wordErrors(toks("a b c d"), toks("a c d"))).toMatchObject({ hits: 3, substitutions: 0, deletions: 1, insertions: 0 });
    expect(wordErrors(toks("a b c"), toks("a b b c z"))).toMatchObject({ hits: 3, substitutions: 0, deletions: 0, insertions: 2 });
    expect(wer(wordErrors(toks("a b c d"), toks("x b d e f"))!)).toBe(4 / 4);
    expect(wordErrors([], [])).toMatchObject({ refWords: 0, hits: 0 });
    expect(wer(wordErrors([], toks("a"))!)).toBe(1);
  });

  it("backtraces a valid alignment", () => {
    const ops = alignTokens(toks("the cat sat"), toks("a cat sat down"))!;
    expect(ops).toEqual([
      { op: "sub", ref: 0, hyp: 0 },
      { op: "match", ref: 1, hyp: 1 },
      { op: "match", ref: 2, hyp: 2 },
      { op: "ins", hyp: 3 },
    ]);
  });

  it("declines pathological lengths instead of allocating n·m", () => {
    expect(alignTokens(toks("a b c"), toks("a b"), 2)).toBeNull();
    expect(wordErrors(toks("a b"), toks("a b"), 2)).not.toBeNull();
  });

  it("case- and punctuation-only differences count in (a), not in (b)", () => {
    const ref = "Hello, world. It costs $2,000.";
    const hyp = "hello world it costs two thousand dollars";
    const sensitive = wordErrors(sensitiveTokens(ref), sensitiveTokens(hyp))!;
    expect(sensitive.substitutions + sensitive.deletions + sensitive.insertions).toBeGreaterThan(0);
    expect(sensitiveTokens("Hello, world")).toEqual(["Hello,", "world"]); // punctuation stays attached
    const a = wordErrors(sensitiveTokens("Hello, World."), sensitiveTokens("hello world"))!;
    expect(a.substitutions).toBe(2);
    const b = wordErrors(normalisedTokens("Hello, World."), normalisedTokens("hello world"))!;
    expect(b.substitutions + b.deletions + b.insertions).toBe(0);
  });

  it("normalises symmetrically through a number fold", () => {
    const fold = (t: string) => t.replace(/\btwo thousand\b/g, "2000").replace(/\bfive\b/g, "5");
    expect(normaliseText("It's $2,000 — listen-only “mode”!", fold)).toBe("it's $2000 listen only mode");
    expect(normaliseText("it's two thousand", fold)).toBe("it's 2000");
    expect(normaliseText("Up 5% or 3.5 points.", fold)).toBe("up 5 percent or 3.5 points");
    expect(normaliseText("five percent", fold)).toBe("5 percent");
  });
});

describe("format eval / punctuation and casing", () => {
  it("reads the mark after a word through closing quotes", () => {
    expect(trailingMark('said."')).toBe(".");
    expect(trailingMark("Ah!")).toBe(".");
    expect(trailingMark("why?")).toBe("?");
    expect(trailingMark("so,")).toBe(",");
    expect(trailingMark("word;")).toBeNull();
  });

  it("scores marks on aligned words only: precision and recall per class", () => {
    const ref = "Well, I went home. Did you? Yes, I did.";
    const hyp = "Well I went home, did you? Yes, i did.";
    const c = scoreFormatting(hyp, ref)!;
    // comma: ref after Well, Yes; hyp after home, Yes -> TP 1 (Yes), FP 1 (home), FN 1 (Well)
    expect(c.comma).toEqual({ truePositive: 1, falsePositive: 1, falseNegative: 1 });
    // period: ref after home, did; hyp after did -> TP 1, FN 1
    expect(c.period).toEqual({ truePositive: 1, falsePositive: 0, falseNegative: 1 });
    expect(c.question).toEqual({ truePositive: 1, falsePositive: 0, falseNegative: 0 });
    expect(c.sentenceEnd).toEqual({ truePositive: 2, falsePositive: 0, falseNegative: 1 });
    // casing: 9 aligned words; "did" (D vs d) and "i" (I vs i) differ
    expect(c.casingTotal).toBe(9);
    expect(c.casingCorrect).toBe(7);
  });

  it("does not score marks on words that do not align", () => {
    const c = scoreFormatting("Hello there.", "Goodbye there.")!;
    expect(c.period).toEqual({ truePositive: 1, falsePositive: 0, falseNegative: 0 });
    expect(c.casingTotal).toBe(1);
  });

  it("aggregates records: raw vs processed, exact after normalisation, no-harm failures", () => {
    const rows = parseAsrPairs(
      ['{"asr":"hello world","reference":"Hello, world."}', '{"asr":"you know it is fine","reference":"You know, it is fine."}'].join("\n"),
    );
    const process = (t: string) => (t.startsWith("hello") ? "Hello, world." : "It is fine.");
    const failures: Parameters<typeof scoreRecords>[4] = [];
    const acc = scoreRecords(rows, process, undefined, "f.jsonl", failures);
    expect(acc.records).toBe(2);
    expect(acc.exact).toBe(1);
    expect(acc.procNormalised.deletions).toBe(2); // "you know" dropped
    expect(acc.rawNormalised.substitutions + acc.rawNormalised.deletions + acc.rawNormalised.insertions).toBe(0);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ line: 2, rawErrors: 0, processedErrors: 2 });
  });
});

describe("format eval / jsonl and profiles", () => {
  it("skips blank lines and keeps line numbers", () => {
    const rows = parseAsrPairs('{"asr":"a","reference":"A."}\n\n{"asr":"b","reference":"B.","extra":1}\n');
    expect(rows).toEqual([
      { asr: "a", reference: "A.", line: 1 },
      { asr: "b", reference: "B.", line: 3 },
    ]);
  });

  it("reads a verbatim/clean transcript pair as raw ASR of the verbatim side against the clean one", () => {
    const rows = parseAsrPairs('{"file_id":"3","verbatim":"Well, I- I don\'t know, uh, Bob.","nonverbatim":"Well, I don\'t know, Bob."}');
    expect(rows).toEqual([{ asr: "well i i don't know uh bob", reference: "Well, I don't know, Bob.", line: 1, stream: "3" }]);
  });

  it("rejects malformed lines with their line numbers", () => {
    const content = ['{"asr":"a","reference":"A."}', "{not json", '{"asr":"b"}', "[1,2]", '{"asr":1,"reference":"x"}'].join("\n");
    let error: unknown;
    try {
      parseAsrPairs(content, "bad.jsonl");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(JsonlFormatError);
    const e = error as JsonlFormatError;
    expect(e.lines.map((l) => l.line)).toEqual([2, 3, 4, 5]);
    expect(e.message).toContain("bad.jsonl");
    expect(e.message).toContain("line 2: not JSON");
  });

  it("picks verbatim for Earnings-21, clean otherwise", () => {
    expect(profileForFile("/data/asr-pairs/earnings21/segments_dev.jsonl")).toBe("verbatim");
    expect(profileForFile("/data/asr-pairs/libritts_nemo_dev.jsonl")).toBe("clean");
  });

  it("formats a report", () => {
    const side = { sensitive: { wer: 0.4 }, normalised: { wer: 0.1 }, casing: { total: 10, correct: 9, accuracy: 0.9 } };
    const pr = { precision: 1, recall: 0, f1: 0, truePositive: 0, falsePositive: 0, falseNegative: 3 };
    const figures = { total: 1, correct: 0, accuracy: 0, records: 1, skippedTooLong: 0, raw: side, processed: side, punctuation: { period: pr, comma: pr, question: pr, sentenceEnd: pr } };
    const summary = { suite: "format", pipeline: "profiles clean", numberFold: "itn {}", files: [{ file: "x.jsonl", profile: "clean", ...figures }], overall: figures } as unknown as SuiteSummary;
    const text = formatReport(summary);
    expect(text).toContain("raw 40.0% -> lipi 40.0%");
    expect(text).toContain("period n/a/0.000/0.000");
  });
});
