// The helpers `lipi process FILE.srt` is wired from: cues -> segments ->
// pipeline -> results -> cues -> SRT. Runs the real pipeline.
import { describe, expect, it } from "vitest";
import { applyResultsToCues, cuesToSegments, parseSrt, renderSrt } from "../../src/formats/index.js";
import { compileProfile, type SegmentResult, type StreamContext } from "../../src/pipeline/index.js";
import { file } from "./helpers.js";

const SOURCE = file(
  "1",
  "00:00:01,000 --> 00:00:03,000",
  "<i>um so today we read</i>",
  "the bhagavad geeta",
  "",
  "2",
  "00:00:03,500 --> 00:00:06,000",
  "it has seven hundred verses",
  "",
);

function process(cues: ReturnType<typeof parseSrt>["cues"]): SegmentResult[] {
  const pipeline = compileProfile({});
  let context: StreamContext = {};
  return cuesToSegments(cues).map((segment) => {
    const run = pipeline.run(segment, context);
    context = run.context;
    return run.result;
  });
}

describe("captions through the pipeline", () => {
  const { cues } = parseSrt(SOURCE);

  it("turns each cue into one final segment: markup stripped, lines joined, timings kept", () => {
    expect(cuesToSegments(cues)).toEqual([
      { id: "cue-1", seq: 1, isFinal: true, startMs: 1000, endMs: 3000, text: "um so today we read the bhagavad geeta", words: [] },
      { id: "cue-2", seq: 2, isFinal: true, startMs: 3500, endMs: 6000, text: "it has seven hundred verses", words: [] },
    ]);
  });

  it("clamps an end before the start, which the pipeline would refuse", () => {
    expect(cuesToSegments([{ index: 1, startMs: 5000, endMs: 4000, text: "x", lines: ["x"] }])[0]).toMatchObject({ startMs: 5000, endMs: 5000 });
  });

  it("writes processed text back into the same cues and timings", () => {
    const results = process(cues);
    const applied = applyResultsToCues(cues, results);
    expect(applied.problems).toEqual([]);
    expect(applied.cues.map((c) => [c.startMs, c.endMs])).toEqual([
      [1000, 3000],
      [3500, 6000],
    ]);
    applied.cues.forEach((cue, i) => expect(cue.text).toBe(results[i]?.text));
    const srt = renderSrt(applied.cues);
    expect(parseSrt(srt).cues.map((c) => c.text)).toEqual(results.map((r) => r.text));
  });

  it("keeps a cue whose result is missing, and says so", () => {
    const applied = applyResultsToCues(cues, process(cues).slice(0, 1));
    expect(applied.cues[1]?.text).toBe(cues[1]?.text);
    expect(applied.problems.map((p) => [p.cue, p.kind, p.severity])).toEqual([[2, "empty_cue", "error"]]);
  });

  it("re-lays out from the results' word timings when given layout options", () => {
    const results = process(cues);
    const applied = applyResultsToCues(cues, results, { maxCharsPerLine: 20 });
    expect(applied.cues.map((c) => c.text).join(" ")).toBe(results.map((r) => r.text).join(" "));
    for (const cue of applied.cues) for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(20);
    expect(applied.cues[0]?.startMs).toBe(results[0]?.words[0]?.startMs);
    expect(applied.cues.map((c) => c.index)).toEqual(applied.cues.map((_, i) => i + 1));
  });
});
