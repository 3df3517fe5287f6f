import { describe, expect, it } from "vitest";
import { parseWebVtt, renderWebVtt } from "../../src/formats/index.js";
import { file, ofKind, where } from "./helpers.js";

const CLEAN = file(
  "WEBVTT - lecture 3",
  "Kind: captions",
  "",
  "STYLE",
  "::cue { color: yellow }",
  "",
  "NOTE recorded live",
  "",
  "intro",
  "00:01.000 --> 00:02.500 align:start line:0",
  "<v Guru>Welcome.",
  "",
  "NOTE the verse starts here",
  "",
  "00:03.000 --> 00:05.250",
  "karmaṇy evādhikāras te",
  "mā phaleṣu kadācana",
  "",
  "2",
  "59:59.999 --> 01:00:01.000",
  "Across the hour.",
);

describe("WebVTT", () => {
  const parsed = parseWebVtt(CLEAN);

  it("keeps the header, cue identifiers and settings, and hours-optional timings to the millisecond", () => {
    expect(parsed.header).toEqual(["WEBVTT - lecture 3", "Kind: captions"]);
    expect(parsed.cues).toEqual([
      { index: 1, id: "intro", startMs: 1000, endMs: 2500, text: "<v Guru>Welcome.", lines: ["<v Guru>Welcome."], settings: "align:start line:0", line: 10 },
      { index: 2, startMs: 3000, endMs: 5250, text: "karmaṇy evādhikāras te mā phaleṣu kadācana", lines: ["karmaṇy evādhikāras te", "mā phaleṣu kadācana"], line: 15 },
      { index: 3, id: "2", startMs: 3_599_999, endMs: 3_601_000, text: "Across the hour.", lines: ["Across the hour."], line: 20 },
    ]);
  });

  it("keeps STYLE and NOTE blocks where they stood", () => {
    expect(parsed.blocks).toEqual([
      { kind: "style", lines: ["STYLE", "::cue { color: yellow }"], beforeCue: 1 },
      { kind: "note", lines: ["NOTE recorded live"], beforeCue: 1 },
      { kind: "note", lines: ["NOTE the verse starts here"], beforeCue: 2 },
    ]);
  });

  it("reports VTT markup as a warning and multi-line cues as info", () => {
    expect(where(parsed.problems)).toEqual([
      [11, 1, "markup", "warning"],
      [16, 2, "multi_line", "info"],
    ]);
  });

  it("renders back byte for byte, including the short (no hours) timestamps", () => {
    expect(parsed.style.omitZeroHours).toBe(true);
    expect(renderWebVtt(parsed, parsed.style)).toBe(CLEAN);
  });

  it("writes hours by default and a bare WEBVTT header for plain cues", () => {
    expect(renderWebVtt({ cues: parsed.cues.slice(1, 2) })).toBe(
      file("WEBVTT", "", "00:00:03.000 --> 00:00:05.250", "karmaṇy evādhikāras te", "mā phaleṣu kadācana"),
    );
  });

  it("skips NOTE/STYLE/REGION blocks on request, reporting each with its text", () => {
    const p = parseWebVtt(CLEAN, { blocks: "skip" });
    expect(p.blocks).toEqual([]);
    expect(ofKind(p.problems, "skipped_block").map((x) => [x.line, x.excerpt])).toEqual([
      [4, "STYLE\n::cue { color: yellow }"],
      [7, "NOTE recorded live"],
      [13, "NOTE the verse starts here"],
    ]);
  });

  it("reports a missing header as an error and still reads the cues", () => {
    const p = parseWebVtt(file("00:00:01.000 --> 00:00:02.000", "Hi"));
    expect(where(p.problems)).toEqual([[1, undefined, "missing_header", "error"]]);
    expect(p.cues[0]).toMatchObject({ startMs: 1000, endMs: 2000, text: "Hi" });
  });

  it("reports a malformed header, an SRT-style comma, a STYLE block after cues and an unknown setting", () => {
    const p = parseWebVtt(file("WEBVTTX", "", "00:00:01,000 --> 00:00:02.000 colour:red", "Hi", "", "STYLE", "::cue {}"));
    expect(where(p.problems)).toEqual([
      [1, undefined, "bad_header", "warning"],
      [3, 1, "bad_timestamp", "warning"],
      [3, 1, "bad_setting", "warning"],
      [6, undefined, "misplaced_block", "warning"],
    ]);
    expect(p.cues[0]?.settings).toBe("colour:red");
  });

  it("handles a cue right after the header line with no blank line between", () => {
    const p = parseWebVtt("WEBVTT\n00:01.000 --> 00:02.000\nHi\n");
    expect(p.cues).toHaveLength(1);
    expect(p.cues[0]?.id).toBeUndefined();
    expect(p.header).toEqual(["WEBVTT"]);
  });

  it("joins text after a blank line inside a cue, and keeps stray text before the first cue as an excerpt", () => {
    const p = parseWebVtt(file("WEBVTT", "", "stray words", "here", "", "", "00:01.000 --> 00:02.000", "one", "", "two"));
    expect(where(p.problems)).toEqual([
      [3, undefined, "orphan_text", "error"],
      [6, undefined, "extra_blank_line", "info"],
      [8, 1, "multi_line", "info"],
      [10, 1, "orphan_text", "warning"],
    ]);
    expect(p.problems[0]?.excerpt).toBe("stray words\nhere");
    expect(p.cues[0]?.lines).toEqual(["one", "two"]);
  });

  it("reports cue timing problems exactly like SRT", () => {
    const p = parseWebVtt(file("WEBVTT", "", "00:05.000 --> 00:04.000", "A", "", "00:04.500 --> 00:06.000", "B"));
    expect(where(p.problems)).toEqual([
      [3, 1, "end_before_start", "error"],
      [6, 2, "out_of_order", "warning"],
    ]);
  });
});
