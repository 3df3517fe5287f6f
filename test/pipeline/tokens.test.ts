import { describe, expect, it } from "vitest";
import { tokenizeSegment } from "../../src/pipeline/index.js";
import { disfluencyOnly, pipeline, textSegment, wordSegment } from "./helpers.js";

describe("tokenizeSegment: plain text gets words with interpolated timings", () => {
  it("splits on any whitespace and keeps punctuation attached", () => {
    const words = tokenizeSegment(textSegment("  hello,\tworld.\n  ok "));
    expect(words.map((w) => w.text)).toEqual(["hello,", "world.", "ok"]);
  });

  it("shares the segment span in proportion to character length", () => {
    const words = tokenizeSegment(textSegment("a bbb", { startMs: 1000, endMs: 1400 }));
    expect(words.map((w) => [w.startMs, w.endMs])).toEqual([
      [1000, 1100],
      [1100, 1400],
    ]);
  });

  it("gives back-to-back whole-ms timings covering exactly start..end", () => {
    const words = tokenizeSegment(textSegment("one two three four five six seven", { startMs: 7, endMs: 1010 }));
    expect(words[0]!.startMs).toBe(7);
    expect(words.at(-1)!.endMs).toBe(1010);
    for (let i = 1; i < words.length; i++) expect(words[i]!.startMs).toBe(words[i - 1]!.endMs);
    for (const w of words) expect(Number.isInteger(w.startMs) && Number.isInteger(w.endMs)).toBe(true);
  });

  it("puts every word at the same instant when start == end", () => {
    const words = tokenizeSegment(textSegment("a b c", { startMs: 500, endMs: 500 }));
    expect(words.every((w) => w.startMs === 500 && w.endMs === 500)).toBe(true);
  });

  it("treats a missing start as 0 and a missing or backwards end as the start", () => {
    expect(tokenizeSegment(textSegment("a b", { startMs: NaN, endMs: NaN })).map((w) => [w.startMs, w.endMs])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(tokenizeSegment(textSegment("a b", { startMs: 300, endMs: 100 })).every((w) => w.startMs === 300 && w.endMs === 300)).toBe(true);
  });

  it("gives interpolated words the segment's confidence and speaker", () => {
    const [w] = tokenizeSegment(textSegment("hi", { confidence: 0.4, speaker: "A" }));
    expect(w).toMatchObject({ confidence: 0.4, speaker: "A" });
  });

  it("returns the segment's own words when it has them (text is then ignored)", () => {
    const seg = wordSegment(["hello", "world."], { text: "ignored text" });
    expect(tokenizeSegment(seg)).toBe(seg.words);
  });

  it("returns no words for empty text", () => {
    expect(tokenizeSegment(textSegment("   "))).toEqual([]);
  });
});

describe("pipeline output words carry their source words", () => {
  const p = pipeline({ disfluency: { enabled: false }, casing: { enabled: false } });

  it("keeps each given word's timing, confidence and speaker, and its source index", () => {
    const seg = wordSegment(["hello", "world."]);
    seg.words[1]!.speaker = "B";
    const r = p.run(seg, {}).result;
    expect(r.text).toBe("hello world.");
    expect(r.words).toEqual([
      { text: "hello", startMs: 0, endMs: 90, confidence: 0.9, speaker: "", source: { start: 0, end: 1 } },
      { text: "world.", startMs: 100, endMs: 190, confidence: 0.9, speaker: "B", source: { start: 1, end: 2 } },
    ]);
  });

  it("skips whitespace-only words but keeps source indexes pointing at the input", () => {
    const r = p.run(wordSegment(["a", "  ", "b"]), {}).result;
    expect(r.words.map((w) => [w.text, w.source.start])).toEqual([
      ["a", 0],
      ["b", 2],
    ]);
  });

  it("trims word text and joins words with single spaces", () => {
    const r = p.run(wordSegment([" hello", "big  world "]), {}).result;
    expect(r.text).toBe("hello big world");
    expect(r.words[1]!.text).toBe("big world");
  });

  it("drops control characters from words; a word of controls only gives no token", () => {
    const r = p.run(wordSegment(["I", "mean\u007f", "\u0000", "17\u0085"]), {}).result;
    expect(r.words.map((w) => [w.text, w.source.start])).toEqual([
      ["I", 0],
      ["mean", 1],
      ["17", 3],
    ]);
    expect(p.run(textSegment("I mean\u007f 17"), {}).result.text).toBe("I mean 17");
  });

  it("uses the segment's confidence, then 1, for words without one", () => {
    const seg = wordSegment(["a", "b"], { confidence: 0.3 });
    delete seg.words[0]!.confidence;
    expect(p.run(seg, {}).result.words[0]!.confidence).toBe(0.3);
    delete seg.confidence;
    expect(p.run(seg, {}).result.words[0]!.confidence).toBe(1);
  });

  it("derives the segment span from its words when the segment gives none", () => {
    const r = p.run(wordSegment(["a", "b"], { startMs: 0, endMs: 0 }), {}).result;
    expect([r.startMs, r.endMs]).toEqual([0, 190]);
  });

  it("echoes id, seq and isFinal", () => {
    const r = disfluencyOnly().run(textSegment("x", { id: "abc", seq: 42, isFinal: false }), {}).result;
    expect(r).toMatchObject({ id: "abc", seq: 42, isFinal: false, needsReview: false, edits: [], flags: [] });
  });
});
