import { describe, expect, it } from "vitest";
import { parseSrt, renderSrt } from "../../src/formats/index.js";
import { file, ofKind, where } from "./helpers.js";

const CLEAN = file(
  "1",
  "00:00:01,000 --> 00:00:02,500",
  "Hello there.",
  "",
  "2",
  "00:00:03,000 --> 00:00:05,250",
  "This cue has",
  "two lines.",
  "",
  "3",
  "123:04:05,006 --> 123:04:06,999",
  "A very long film.",
  "",
);

describe("SRT: a clean file", () => {
  const parsed = parseSrt(CLEAN);

  it("gives one cue per block, timings to the millisecond, lines remembered and joined for processing", () => {
    expect(parsed.cues).toEqual([
      { index: 1, startMs: 1000, endMs: 2500, text: "Hello there.", lines: ["Hello there."], line: 2 },
      { index: 2, startMs: 3000, endMs: 5250, text: "This cue has two lines.", lines: ["This cue has", "two lines."], line: 6 },
      { index: 3, startMs: 443_045_006, endMs: 443_046_999, text: "A very long film.", lines: ["A very long film."], line: 11 },
    ]);
  });

  it("reports nothing but the multi-line cue (info: its lines will be re-derived after processing)", () => {
    expect(where(parsed.problems)).toEqual([[7, 2, "multi_line", "info"]]);
  });

  it("renders back byte for byte", () => {
    expect(renderSrt(parsed.cues, parsed.style)).toBe(CLEAN);
  });

  it("keeps CRLF line endings and a BOM when rendered with the parsed style", () => {
    const crlf = `\uFEFF${CLEAN.replace(/\n/g, "\r\n")}`;
    const again = parseSrt(crlf);
    expect(again.cues.map((c) => c.text)).toEqual(parsed.cues.map((c) => c.text));
    expect(again.style).toEqual({ bom: true, lineEnding: "\r\n", finalBlankLine: true });
    expect(renderSrt(again.cues, again.style)).toBe(crlf);
    expect(where(ofKind(again.problems, "bom"))).toEqual([[1, undefined, "bom", "info"]]);
  });

  it("keeps a file that ends without a blank line the same way (and notes it)", () => {
    const noFinalBlank = CLEAN.replace(/\n\n$/, "\n");
    const again = parseSrt(noFinalBlank);
    expect(renderSrt(again.cues, again.style)).toBe(noFinalBlank);
    expect(where(ofKind(again.problems, "missing_final_blank_line"))).toEqual([[12, undefined, "missing_final_blank_line", "info"]]);
  });

  it("keeps SRT coordinates after the end time", () => {
    const text = file("1", "00:00:01,000 --> 00:00:02,000 X1:10 X2:100 Y1:5 Y2:50", "Hi", "");
    const p = parseSrt(text);
    expect(p.cues[0]?.settings).toBe("X1:10 X2:100 Y1:5 Y2:50");
    expect(renderSrt(p.cues, p.style)).toBe(text);
  });

  it("renders an empty cue list as an empty file", () => {
    expect(renderSrt([])).toBe("");
    expect(parseSrt("")).toEqual({ cues: [], problems: [], style: { bom: false, lineEnding: "\n", finalBlankLine: false } });
  });
});

describe("SRT: each problem is reported with its line and cue, and parsing goes on", () => {
  it("bad index: not a number (error, kept as an excerpt), out of sequence (warning)", () => {
    const p = parseSrt(file("one", "00:00:01,000 --> 00:00:02,000", "A", "", "5", "00:00:03,000 --> 00:00:04,000", "B", ""));
    expect(where(ofKind(p.problems, "bad_index"))).toEqual([
      [1, 1, "bad_index", "error"],
      [5, 2, "bad_index", "warning"],
    ]);
    expect(p.problems[0]?.excerpt).toBe("one");
    expect(p.problems[1]?.message).toBe("index 5 where 2 was expected");
    expect(p.cues.map((c) => c.text)).toEqual(["A", "B"]);
  });

  it("missing and duplicate indexes", () => {
    const p = parseSrt(file("00:00:01,000 --> 00:00:02,000", "A", "", "2", "00:00:03,000 --> 00:00:04,000", "B", "", "2", "00:00:05,000 --> 00:00:06,000", "C", ""));
    expect(where(p.problems)).toEqual([
      [1, 1, "missing_index", "warning"],
      [8, 3, "duplicate_index", "warning"],
    ]);
    expect(p.cues.map((c) => c.text)).toEqual(["A", "B", "C"]);
    expect(renderSrt(p.cues).split("\n").filter((l) => /^\d+$/.test(l))).toEqual(["1", "2", "3"]);
  });

  it("bad timestamp that can be read: warning, exact value kept, source line as excerpt", () => {
    const p = parseSrt(file("1", "00:00:01,5 --> 00:00:02.000", "A", ""));
    expect(where(p.problems)).toEqual([
      [2, 1, "bad_timestamp", "warning"],
      [2, 1, "bad_timestamp", "warning"],
    ]);
    expect(p.problems[0]?.excerpt).toBe("00:00:01,5 --> 00:00:02.000");
    expect(p.cues[0]).toMatchObject({ startMs: 1500, endMs: 2000 });
  });

  it("bad timestamp that cannot be read: error, timing recovered from the neighbours, text kept", () => {
    const p = parseSrt(
      file("1", "00:00:01,000 --> 00:00:02,000", "A", "", "2", "00:00:0x,000 --> 00:00:04,000", "B", "", "3", "00:00:05,000 --> ??", "C", "", "4", "00:00:07,000 --> 00:00:08,000", "D", ""),
    );
    expect(where(ofKind(p.problems, "bad_timestamp"))).toEqual([
      [6, 2, "bad_timestamp", "error"],
      [6, 2, "bad_timestamp", "error"],
      [10, 3, "bad_timestamp", "error"],
      [10, 3, "bad_timestamp", "error"],
    ]);
    expect(p.cues.map((c) => [c.startMs, c.endMs, c.text, c.timingRecovered ?? false])).toEqual([
      [1000, 2000, "A", false],
      [2000, 4000, "B", true],
      [5000, 7000, "C", true],
      [7000, 8000, "D", false],
    ]);
  });

  it("a cue whose timing line is missing becomes a cue with recovered timing, not text of its neighbour", () => {
    const p = parseSrt(file("1", "00:00:01,000 --> 00:00:02,000", "A", "", "2", "Lost timing", "", "3", "00:00:05,000 --> 00:00:06,000", "C", ""));
    expect(where(ofKind(p.problems, "bad_timestamp"))).toEqual([
      [5, 2, "bad_timestamp", "error"],
      [5, 2, "bad_timestamp", "error"],
    ]);
    expect(p.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual([
      [1000, 2000, "A"],
      [2000, 5000, "Lost timing"],
      [5000, 6000, "C"],
    ]);
  });

  it("empty cue", () => {
    const p = parseSrt(file("1", "00:00:01,000 --> 00:00:02,000", "", "2", "00:00:03,000 --> 00:00:04,000", "B", ""));
    expect(where(p.problems)).toEqual([[2, 1, "empty_cue", "warning"]]);
    expect(p.cues.map((c) => c.lines)).toEqual([[], ["B"]]);
  });

  it("end before start (error), zero duration, overlap and out-of-order (warnings); timings kept as written", () => {
    const p = parseSrt(
      file(
        "1", "00:00:05,000 --> 00:00:04,000", "A", "",
        "2", "00:00:06,000 --> 00:00:06,000", "B", "",
        "3", "00:00:06,500 --> 00:00:09,000", "C", "",
        "4", "00:00:08,000 --> 00:00:10,000", "D", "",
        "5", "00:00:01,000 --> 00:00:02,000", "E", "",
      ),
    );
    expect(where(p.problems)).toEqual([
      [2, 1, "end_before_start", "error"],
      [6, 2, "zero_duration", "warning"],
      [14, 4, "overlap", "warning"],
      [18, 5, "out_of_order", "warning"],
    ]);
    expect(p.problems[2]?.message).toBe("starts at 00:00:08,000, before cue 3 ends (00:00:09,000)");
    expect(p.cues[0]).toMatchObject({ startMs: 5000, endMs: 4000 });
  });

  it("markup is reported as a warning and kept by default, or stripped on request", () => {
    const text = file("1", "00:00:01,000 --> 00:00:02,000", "{\\an8}<i>Hello</i> <font color=\"red\">there</font>", "");
    const kept = parseSrt(text);
    expect(where(kept.problems)).toEqual([[3, 1, "markup", "warning"]]);
    expect(kept.problems[0]?.message).toBe('markup "{\\\\an8}", "<i>", "</i>", "<font color=\\"red\\">", "</font>" kept');
    expect(kept.cues[0]?.text).toBe('{\\an8}<i>Hello</i> <font color="red">there</font>');
    const stripped = parseSrt(text, { markup: "strip" });
    expect(stripped.cues[0]?.text).toBe("Hello there");
    expect(stripped.problems[0]?.excerpt).toBe('{\\an8}<i>Hello</i> <font color="red">there</font>');
  });

  it("multi-line text is joined with a space for processing and its lines are remembered", () => {
    const p = parseSrt(file("1", "00:00:01,000 --> 00:00:02,000", "one", "two", "three", ""));
    expect(where(p.problems)).toEqual([[3, 1, "multi_line", "info"]]);
    expect(p.cues[0]).toMatchObject({ text: "one two three", lines: ["one", "two", "three"] });
  });

  it("text after a stray blank line is joined to its cue; text before the first cue is kept as an error excerpt", () => {
    const p = parseSrt(file("Subtitles by X", "", "1", "00:00:01,000 --> 00:00:02,000", "first part", "", "second part", ""));
    expect(where(p.problems)).toEqual([
      [1, undefined, "orphan_text", "error"],
      [5, 1, "multi_line", "info"],
      [7, 1, "orphan_text", "warning"],
    ]);
    expect(p.problems[0]?.excerpt).toBe("Subtitles by X");
    expect(p.cues[0]?.lines).toEqual(["first part", "second part"]);
  });

  it("a missing blank line between cues does not merge them", () => {
    const p = parseSrt(file("1", "00:00:01,000 --> 00:00:02,000", "A", "2", "00:00:03,000 --> 00:00:04,000", "B", ""));
    expect(where(p.problems)).toEqual([[4, 2, "missing_blank_line", "warning"]]);
    expect(p.cues.map((c) => c.text)).toEqual(["A", "B"]);
  });

  it("trailing whitespace, extra blank lines and a missing final newline are handled and reported", () => {
    const p = parseSrt("\n1  \n00:00:01,000 --> 00:00:02,000\t\nA \n\n\n\n2\n00:00:03,000 --> 00:00:04,000\nB");
    expect(where(p.problems)).toEqual([
      [1, undefined, "extra_blank_line", "info"],
      [2, undefined, "whitespace", "warning"],
      [3, undefined, "whitespace", "warning"],
      [4, undefined, "whitespace", "warning"],
      [6, undefined, "extra_blank_line", "info"],
      [10, undefined, "missing_final_blank_line", "info"],
    ]);
    expect(renderSrt(p.cues)).toBe(file("1", "00:00:01,000 --> 00:00:02,000", "A", "", "2", "00:00:03,000 --> 00:00:04,000", "B", ""));
  });

  it("a file with no timing lines at all keeps its text as an error excerpt", () => {
    const p = parseSrt("just some text\nmore\n\nanother paragraph\n");
    expect(p.cues).toEqual([]);
    expect(p.problems.map((x) => [x.line, x.kind, x.excerpt])).toEqual([
      [1, "orphan_text", "just some text\nmore"],
      [4, "orphan_text", "another paragraph"],
    ]);
  });

  it('a "->" arrow between timestamps is read, with a warning; prose arrows stay text', () => {
    const p = parseSrt(file("1", "00:00:01,000 -> 00:00:02,000", "from A -> B", ""));
    expect(where(p.problems)).toEqual([[2, 1, "bad_timestamp", "warning"]]);
    expect(p.cues[0]).toMatchObject({ startMs: 1000, endMs: 2000, text: "from A -> B" });
  });
});

describe("SRT: the malformed example (every problem at once) round-trips", () => {
  const MALFORMED = file(
    "1", "00:00:01,000 --> 00:00:03,000", "Welcome to the talk.", "",
    "two", "00:00:03,500 --> 00:00:05,000", "A bad index.", "",
    "3", "00:00:0x,000 --> 00:00:07,000", "A timestamp nobody can read.", "",
    "4", "00:00:07,500 --> 00:00:08,000", "",
    "5", "00:00:08,500 --> 00:00:10,000", "Two lines", "in one cue.", "",
    "6", "00:00:10,500 --> 00:00:12,000", "<i>Markup</i> stays.", "",
    "7", "00:00:11,500 --> 00:00:13,000", "An overlap.", "",
  );

  it("keeps every cue, reports every problem with its line and cue, and renders what reads back the same", () => {
    const p = parseSrt(MALFORMED);
    expect(p.cues.map((c) => c.text)).toEqual(["Welcome to the talk.", "A bad index.", "A timestamp nobody can read.", "", "Two lines in one cue.", "<i>Markup</i> stays.", "An overlap."]);
    const reported = new Set(p.problems.map((x) => `${x.kind}@${x.cue}`));
    for (const expected of ["bad_index@2", "bad_timestamp@3", "empty_cue@4", "multi_line@5", "markup@6", "overlap@7"]) expect(reported).toContain(expected);
    expect(p.problems.every((x) => Number.isInteger(x.line) && (x.line ?? 0) > 0)).toBe(true);
    // The unreadable start is recovered from the cue before; every other timing is kept to the millisecond.
    expect(p.cues[2]).toMatchObject({ startMs: 5000, endMs: 7000, timingRecovered: true });
    const again = parseSrt(renderSrt(p.cues));
    expect(again.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual(p.cues.map((c) => [c.startMs, c.endMs, c.text]));
    expect(again.problems.some((x) => x.kind === "bad_index" || x.kind === "bad_timestamp")).toBe(false);
  });
});
