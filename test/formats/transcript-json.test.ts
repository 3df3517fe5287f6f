import { describe, expect, it } from "vitest";
import { parseTranscriptJson, renderTranscriptJson, resultsToTranscript, transcriptToSegments, type Transcript } from "../../src/formats/index.js";
import type { SegmentResult } from "../../src/pipeline/index.js";

const TRANSCRIPT: Transcript = {
  segments: [
    {
      id: "s1",
      startMs: 0,
      endMs: 1200,
      text: "bhagavad geeta",
      speaker: "A",
      words: [
        { text: "bhagavad", startMs: 0, endMs: 600, confidence: 0.9 },
        { text: "geeta", startMs: 600, endMs: 1200 },
      ],
    },
    { id: "s2", startMs: 1500, endMs: 2000, text: "no words here" },
  ],
};

const paths = (text: string) => parseTranscriptJson(text).problems.map((p) => [p.path, p.severity, p.message]);

describe("JSON transcript", () => {
  it("round-trips: render, parse, render gives the same text and the same data", () => {
    const text = renderTranscriptJson(TRANSCRIPT);
    const parsed = parseTranscriptJson(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.transcript).toEqual(TRANSCRIPT);
    expect(renderTranscriptJson(parsed.transcript)).toBe(text);
  });

  it("reports a syntax error with its line and column", () => {
    const [problem] = parseTranscriptJson('{\n  "segments": [\n    {"id": "a",}\n  ]\n}').problems;
    expect(problem).toMatchObject({ path: "$", severity: "error", line: 3, column: 16 });
    expect(problem?.message).toMatch(/^not valid JSON/);
  });

  it("reports a wrong root or segments field", () => {
    expect(paths("[]")).toEqual([["$", "error", "must be an object with a segments array"]]);
    expect(paths('{"segments": {}}')).toEqual([["$.segments", "error", "must be an array of segments"]]);
  });

  it("names the exact path of each bad field, drops only what is unusable, and keeps going", () => {
    const text = JSON.stringify({
      segments: [
        { id: "a", startMs: 0, endMs: 1000, text: "ok", words: [{ text: "ok", startMs: 0, endMs: -5 }, { text: "", startMs: 0, endMs: 1, confidence: 2 }] },
        { startMs: "x", text: 3 },
        { id: 7, words: [{ text: "from", startMs: 10, endMs: 20 }, { text: "words", startMs: 20, endMs: 40 }] },
        "nope",
        { id: "b", startMs: 500, endMs: 100, text: "backwards", speaker: 5 },
      ],
    });
    expect(paths(text)).toEqual([
      ["$.segments[0].words[0].endMs", "error", "must be a number of milliseconds >= 0"],
      ["$.segments[0].words[0]", "error", "word dropped"],
      ["$.segments[0].words[1].text", "error", "must be a non-empty string"],
      ["$.segments[0].words[1].confidence", "error", "must be a number from 0 to 1"],
      ["$.segments[0].words[1]", "error", "word dropped"],
      ["$.segments[1].id", "warning", 'is missing; "segment-2" used'],
      ["$.segments[1].startMs", "error", "must be a number of milliseconds >= 0"],
      ["$.segments[1].endMs", "error", "is missing"],
      ["$.segments[1].text", "error", "must be a string"],
      ["$.segments[1]", "error", "segment skipped: it needs startMs, endMs and text (or words to take them from)"],
      ["$.segments[2].startMs", "warning", "is missing; taken from the words (10)"],
      ["$.segments[2].endMs", "warning", "is missing; taken from the words (40)"],
      ["$.segments[2].text", "warning", "is missing; joined from the words"],
      ["$.segments[3]", "error", "must be an object"],
      ["$.segments[4].endMs", "error", "must not be before startMs (500 > 100)"],
      ["$.segments[4].speaker", "warning", "must be a string; ignored"],
    ]);
    const { transcript } = parseTranscriptJson(text);
    expect(transcript.segments.map((s) => [s.id, s.startMs, s.endMs, s.text])).toEqual([
      ["a", 0, 1000, "ok"],
      ["7", 10, 40, "from words"],
      ["b", 500, 100, "backwards"],
    ]);
  });

  it("warns about words out of order or outside their segment", () => {
    const text = JSON.stringify({ segments: [{ id: "a", startMs: 100, endMs: 200, text: "x y", words: [{ text: "x", startMs: 150, endMs: 250 }, { text: "y", startMs: 120, endMs: 130 }] }] });
    expect(paths(text)).toEqual([
      ["$.segments[0].words[1].startMs", "warning", "words are not in time order"],
      ["$.segments[0].words[0]", "warning", "lies outside the segment (100..200)"],
    ]);
  });

  it("becomes pipeline input with word timings kept, and comes back from results", () => {
    const segments = transcriptToSegments(TRANSCRIPT);
    expect(segments[0]).toEqual({
      id: "s1",
      seq: 1,
      isFinal: true,
      startMs: 0,
      endMs: 1200,
      text: "bhagavad geeta",
      speaker: "A",
      words: [
        { text: "bhagavad", startMs: 0, endMs: 600, confidence: 0.9, speaker: "A" },
        { text: "geeta", startMs: 600, endMs: 1200, speaker: "A" },
      ],
    });
    const result: SegmentResult = {
      id: "s1", seq: 1, isFinal: true, startMs: 0, endMs: 1200, text: "Bhagavad Gītā", edits: [], flags: [], needsReview: false, speaker: "A",
      words: [{ text: "Bhagavad", startMs: 0, endMs: 600, confidence: 0.9, speaker: "A", source: { start: 0, end: 1 } }, { text: "Gītā", startMs: 600, endMs: 1200, confidence: 0.8, speaker: "A", source: { start: 1, end: 2 } }],
    };
    expect(resultsToTranscript([result])).toEqual({
      segments: [{ id: "s1", startMs: 0, endMs: 1200, text: "Bhagavad Gītā", speaker: "A", words: [{ text: "Bhagavad", startMs: 0, endMs: 600, confidence: 0.9 }, { text: "Gītā", startMs: 600, endMs: 1200, confidence: 0.8 }] }],
    });
  });
});
