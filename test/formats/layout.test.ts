import { describe, expect, it } from "vitest";
import { breakLines, DEFAULT_LAYOUT, layoutCues, spreadWords, type TimedWord } from "../../src/formats/index.js";

const PARAGRAPH =
  "When I first read the Bhagavad Gītā, I was struck by how practical it is. Arjuna does not want to fight, " +
  "and Krishna does not simply order him to. Instead, he explains the nature of duty, of action without attachment, " +
  "and of the self that cannot be destroyed. Each argument builds on the last, so that by the end of the second " +
  "chapter the reader has a complete philosophy in miniature.";

/** The paragraph spoken at about 15 characters a second, words timed by length. */
const WORDS = spreadWords(PARAGRAPH, 10_000, 36_000, "");

describe("layout of a realistic paragraph", () => {
  const { cues, problems } = layoutCues(WORDS);

  it("loses no word and keeps their order", () => {
    expect(cues.map((c) => c.text).join(" ")).toBe(PARAGRAPH);
  });

  it("keeps every line within 42 characters and every cue within 2 lines", () => {
    for (const cue of cues) {
      expect(cue.lines.length).toBeLessThanOrEqual(2);
      for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(42);
    }
  });

  it("breaks cues at sentence ends and clause punctuation, lines at natural boundaries", () => {
    expect(cues.map((c) => c.lines)).toEqual([
      ["When I first read the Bhagavad Gītā,", "I was struck by how practical it is."],
      ["Arjuna does not want to fight,", "and Krishna does not simply order him to."],
      ["Instead, he explains the nature of duty,", "of action without attachment,"],
      ["and of the self that cannot be destroyed."],
      ["Each argument builds on the last,", "so that by the end"],
      ["of the second chapter the reader has", "a complete philosophy in miniature."],
    ]);
  });

  it("times each cue from its first and last word, within the duration and reading-speed limits", () => {
    expect(cues[0]?.startMs).toBe(WORDS[0]?.startMs);
    expect(cues[cues.length - 1]?.endMs).toBe(WORDS[WORDS.length - 1]?.endMs);
    let w = 0;
    for (const cue of cues) {
      const count = cue.text.split(" ").length;
      expect(cue.startMs).toBe(WORDS[w]?.startMs);
      expect(cue.endMs).toBe(WORDS[w + count - 1]?.endMs);
      w += count;
      const duration = cue.endMs - cue.startMs;
      expect(duration).toBeGreaterThanOrEqual(DEFAULT_LAYOUT.minDurationMs);
      expect(duration).toBeLessThanOrEqual(DEFAULT_LAYOUT.maxDurationMs);
      expect((cue.text.length * 1000) / duration).toBeLessThanOrEqual(DEFAULT_LAYOUT.maxCharsPerSecond);
    }
    expect(problems).toEqual([]);
  });

  it("numbers cues 1..n", () => {
    expect(cues.map((c) => c.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("layout constraints", () => {
  const words = (texts: string[], perWordMs = 300, gapMs = 0): TimedWord[] =>
    texts.map((text, i) => ({ text, startMs: i * (perWordMs + gapMs), endMs: i * (perWordMs + gapMs) + perWordMs }));

  it("honours narrower lines and a single line per cue", () => {
    const { cues } = layoutCues(WORDS, { maxCharsPerLine: 32, maxLinesPerCue: 1 });
    for (const cue of cues) expect(cue.lines).toHaveLength(1);
    for (const cue of cues) expect(cue.lines[0]!.length).toBeLessThanOrEqual(32);
    expect(cues.map((c) => c.text).join(" ")).toBe(PARAGRAPH);
  });

  it("splits a long run that would exceed the maximum duration", () => {
    const { cues } = layoutCues(words("a b c d e f g h i j".split(" "), 1000), { maxDurationMs: 4000 });
    for (const cue of cues) expect(cue.endMs - cue.startMs).toBeLessThanOrEqual(4000);
  });

  it("lengthens a short cue into the following silence up to the minimum duration", () => {
    const { cues, problems } = layoutCues([{ text: "Yes.", startMs: 0, endMs: 200 }, { text: "Later.", startMs: 5000, endMs: 5300 }]);
    expect(cues.map((c) => [c.startMs, c.endMs])).toEqual([
      [0, 1000],
      [5000, 6000],
    ]);
    expect(problems).toEqual([]);
  });

  it("lengthens a fast cue for reading speed, but never into the next cue", () => {
    const fast: TimedWord[] = [
      { text: "Extraordinarily", startMs: 0, endMs: 300 },
      { text: "complicated.", startMs: 300, endMs: 600 },
      { text: "Next.", startMs: 1200, endMs: 2500 },
    ];
    const { cues, problems } = layoutCues(fast, { breakOnGapMs: 500 });
    expect(cues[0]).toMatchObject({ startMs: 0, endMs: 1200 });
    expect(problems.map((p) => [p.cue, p.kind])).toEqual([[1, "reading_speed"]]);
  });

  it("starts a new cue on a change of speaker or a long silence", () => {
    const w: TimedWord[] = [
      { text: "Hello", startMs: 0, endMs: 400, speaker: "A" },
      { text: "there", startMs: 400, endMs: 800, speaker: "A" },
      { text: "hi", startMs: 800, endMs: 1200, speaker: "B" },
      { text: "again", startMs: 4000, endMs: 4400, speaker: "B" },
    ];
    expect(layoutCues(w).cues.map((c) => c.text)).toEqual(["Hello there", "hi", "again"]);
  });

  it("reports what it cannot meet: a word longer than a line, a word longer than the maximum duration", () => {
    const { problems } = layoutCues([{ text: "x".repeat(50), startMs: 0, endMs: 9000 }]);
    expect(problems.map((p) => [p.cue, p.kind])).toEqual([
      [1, "line_too_long"],
      [1, "max_duration"],
    ]);
  });

  it("reports a cue it cannot lengthen to the minimum duration", () => {
    const { problems } = layoutCues([{ text: "A.", startMs: 0, endMs: 100 }, { text: "B.", startMs: 300, endMs: 2000 }], { maxCharsPerLine: 2 , maxLinesPerCue: 1 });
    expect(problems.map((p) => [p.cue, p.kind])).toEqual([[1, "min_duration"]]);
  });

  it("rejects nonsensical options", () => {
    expect(() => layoutCues([], { maxCharsPerLine: 0 })).toThrow(RangeError);
    expect(() => layoutCues([], { minDurationMs: 9000, maxDurationMs: 1000 })).toThrow(RangeError);
  });

  it("gives no cues for no words", () => {
    expect(layoutCues([])).toEqual({ cues: [], problems: [] });
  });
});

describe("line breaking inside a cue", () => {
  const split = (text: string, max = 42, lines = 2) => breakLines(text.split(" "), max, lines);

  it("keeps a cue that fits on one line on one line", () => {
    expect(split("Short and sweet.")).toEqual(["Short and sweet."]);
  });

  it("prefers a clause boundary to perfect balance", () => {
    expect(split("Each argument builds on the last, so that by the end")).toEqual(["Each argument builds on the last,", "so that by the end"]);
  });

  it("balances lines when no boundary is better, never breaking inside a word", () => {
    const lines = split("the quick brown fox jumps over the lazy dog again and again and again");
    expect(lines).toHaveLength(2);
    expect(Math.abs(lines[0]!.length - lines[1]!.length)).toBeLessThanOrEqual(10);
    expect(lines.join(" ")).toBe("the quick brown fox jumps over the lazy dog again and again and again");
  });
});
