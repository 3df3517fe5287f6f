import { describe, expect, it } from "vitest";
import { compileProfile, StageOptionsError, type SegmentInput, type SourceWord, type StageSettingsInput, type StreamContext } from "../../../src/pipeline/index.js";
import { loadPipelineResources } from "../../../src/resources/load.js";
import { textSegment } from "../helpers.js";

const resources = loadPipelineResources();

/** Punctuation and casing only (the shipped model and word lists), with punctuation settings on top. */
function pipeline(punctuation: StageSettingsInput = {}) {
  return compileProfile({ stages: { disfluency: { enabled: false }, punctuation: { enabled: true, ...punctuation } } }, undefined, resources);
}
const standard = pipeline();
/** Written prose's conventions (style: written), for read text. */
const written = pipeline({ params: { style: "written" } });
const text = (input: string, p = standard, extra: Partial<SegmentInput> = {}) => p.run(textSegment(input, extra), {}).result.text;

/** Words 200 ms long, 50 ms apart, with `pauseMs` of extra silence after word `pauseAfter`. */
function timedWords(texts: string[], pauseAfter = -1, pauseMs = 0): SourceWord[] {
  let t = 0;
  return texts.map((w, i) => {
    const word = { text: w, startMs: t, endMs: t + 200 };
    t += 250 + (i === pauseAfter ? pauseMs : 0);
    return word;
  });
}
const timed = (words: SourceWord[]): SegmentInput => ({ ...textSegment(""), words, endMs: words.at(-1)!.endMs });

function stream(p: ReturnType<typeof pipeline>, segments: SegmentInput[]): string[] {
  let context: StreamContext = {};
  return segments.map((s) => {
    const r = p.run(s, context);
    context = r.context;
    return r.result.text;
  });
}

describe("punctuation / keeps what the ASR gives", () => {
  it.each([
    "Hello, how are you? I am fine.",
    "so, we went home",
    "Well... maybe",
    "He said: no",
  ])("a segment the ASR punctuated passes through unchanged: %j", (input) => {
    const r = standard.run(textSegment(input), {}).result;
    expect(r.edits.filter((e) => e.stage === "punctuation")).toEqual([]);
    expect(r.text.toLowerCase()).toBe(input.toLowerCase());
  });

  it("is idempotent: the pipeline on its own output changes nothing", () => {
    const clean = compileProfile({ stages: { punctuation: { enabled: true } } }, undefined, resources);
    for (const input of [
      "good morning ladies and gentlemen and welcome to the conference call this time all participants are in a listen only mode",
      "do you think it will rain tomorrow",
      "however we grew revenue by twenty percent in the third quarter and we expect more",
      "i think we went to the",
      "yes",
    ]) {
      const once = clean.run(textSegment(input), {}).result;
      const twice = clean.run(textSegment(once.text), {}).result;
      expect(twice.text).toBe(once.text);
      expect(twice.edits.filter((e) => e.applied)).toEqual([]);
    }
  });
});

describe("punctuation / sentence ends", () => {
  it("a final segment's end closes the sentence (final_segment_end: close, the default)", () => {
    expect(text("thank you")).toBe("Thank you.");
  });

  it("final_segment_end: open leaves it to the next segment", () => {
    expect(text("thank you", pipeline({ params: { final_segment_end: "open" } }))).toBe("Thank you");
  });

  it("never ends a sentence on a word that cannot end one", () => {
    expect(text("we went to the")).toBe("We went to the");
    expect(text("revenue grew and")).toBe("Revenue grew and");
  });

  it("an interim segment's end stays open by default; interim_segment_end: close closes it", () => {
    expect(text("we went home", standard, { isFinal: false })).toBe("We went home");
    expect(text("we went home", pipeline({ params: { interim_segment_end: "close" } }), { isFinal: false })).toBe("We went home.");
  });

  it("a long pause between timed words ends a sentence the words alone would not", () => {
    const words = ["we", "went", "home", "then", "we", "left", "early"];
    expect(standard.run(timed(timedWords(words)), {}).result.text).not.toContain("home.");
    const r = standard.run(timed(timedWords(words, 2, 1000)), {}).result;
    expect(r.text).toBe("We went home. Then we left early.");
    expect(r.edits.find((e) => e.after === "home.")).toMatchObject({ stage: "punctuation", rule: "pause_sentence_end", applied: true });
  });

  it("pauses are ignored with the pause class off", () => {
    const off = pipeline({ classes: { pause: false } });
    expect(off.run(timed(timedWords(["we", "went", "home", "then", "we", "left", "early"], 2, 1000)), {}).result.text).not.toContain("home.");
  });

  it("restores sentence ends inside a segment from the words", () => {
    const r = standard.run(textSegment("that's right i agree with you we should go"), {}).result;
    expect(r.text).toBe("That's right. I agree with you we should go.");
    expect(r.edits.find((e) => e.after === "right.")).toMatchObject({ stage: "punctuation", rule: "sentence_end", applied: true });
  });
});

describe("punctuation / question forms", () => {
  it.each([
    ["do you think it will rain tomorrow", "Do you think it will rain tomorrow?"],
    ["what is the margin outlook for next year", "What is the margin outlook for next year?"],
    ["is that correct", "Is that correct?"],
  ])("%j -> %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it("a statement opening with a wh-word is not a question", () => {
    expect(text("what we saw was strong demand")).toBe("What we saw was strong demand.");
  });

  it("with the question class off every sentence end is a period", () => {
    expect(text("do you think it will rain", pipeline({ classes: { question: false } }))).toBe("Do you think it will rain.");
  });

  it("a question spanning two segments is one sentence and ends in a question mark", () => {
    const open = pipeline({ params: { final_segment_end: "open" } });
    const closing = pipeline();
    let context: StreamContext = {};
    const first = open.run(textSegment("do you think the"), context);
    context = first.context;
    const second = closing.run(textSegment("margin will improve"), context);
    expect([first.result.text, second.result.text]).toEqual(["Do you think the", "margin will improve?"]);
  });
});

describe("punctuation / commas", () => {
  it("a discourse cue opening a sentence takes a comma", () => {
    expect(text("however we grew revenue")).toBe("However, we grew revenue.");
    const r = standard.run(textSegment("for example we grew revenue"), {}).result;
    expect(r.text).toBe("For example, we grew revenue.");
    expect(r.edits.find((e) => e.after === "example,")).toMatchObject({ stage: "punctuation", rule: "comma_cue", applied: true });
  });

  it("never sets off a kept filler or splits a repeated word with a comma (the disfluency stage decides those)", () => {
    const pause = (words: string, after: number) => standard.run(timed(timedWords(words.split(" "), after, 450)), {}).result.text;
    // The control: the same pause before an ordinary word gets its comma.
    expect(pause("when we grew revenue we hired people", 3)).toBe("When we grew revenue, we hired people.");
    expect(pause("when we grew revenue you know we hired people", 3)).toBe("When we grew revenue you know we hired people.");
    expect(pause("when we grew revenue you know we hired people", 5)).toBe("When we grew revenue you know we hired people.");
    expect(pause("if you look at it the point is is that we grew", 7)).toBe("If you look at it the point is is that we grew.");
    // A verbatim profile may punctuate them as a transcriber would.
    const verbatim = pipeline({ params: { filler_commas: true } });
    expect(text("well you know we grew revenue", verbatim)).toBe("Well, you know, we grew revenue.");
    expect(text("yeah yeah we grew", verbatim)).toBe("Yeah, yeah, we grew.");
  });

  it("writes the commas of its style: written prose sets off clauses a transcript runs on", () => {
    expect(text("after the war he moved to the city and he bought a farm", written)).toBe("After the war he moved to the city, and he bought a farm.");
    expect(text("when we grew revenue we hired people", written)).toBe("When we grew revenue, we hired people.");
    // The default, spoken: the same words as a conversation's transcript.
    expect(text("when we grew revenue we hired people")).toBe("When we grew revenue we hired people.");
    expect(text("that's right i agree with you we should go", written)).not.toBe(text("that's right i agree with you we should go"));
  });

  it("no commas with the comma class off", () => {
    expect(text("however we grew revenue", pipeline({ classes: { comma: false } }))).toBe("However we grew revenue.");
  });
});

describe("punctuation / words an earlier stage merged", () => {
  // ITN writes "three million" as one token "3 million"; a second pass over the output reads two.
  const withItn = compileProfile({ stages: { disfluency: { enabled: false }, punctuation: { enabled: true } } }, undefined, resources);

  it("reads a merged token as its words, so a second pass over the output places the same marks", () => {
    const once = withItn.run(textSegment("three million francs i went on"), {}).result;
    expect(once.words.map((w) => w.text)).toContain("3 million");
    expect(once.text).toBe("3 million francs. I went on");
    expect(withItn.run(textSegment(once.text), {}).result.text).toBe(once.text);
  });

  it("never puts a mark inside a merged token", () => {
    const once = withItn.run(textSegment("on september twenty second we met the team and on the next day we left"), {}).result;
    expect(once.words.map((w) => w.text)).toContain("September 22");
    expect(once.text).not.toMatch(/September[,.?] 22/);
  });
});

describe("punctuation / across segments", () => {
  it("a sentence that spans two segments is one sentence: no capital where it continues", () => {
    const open = pipeline({ params: { final_segment_end: "open" } });
    expect(stream(open, [textSegment("so we went to the"), textSegment("store and bought milk")])).toEqual(["So we went to the", "store and bought milk"]);
  });

  it("a closed segment starts the next sentence", () => {
    expect(stream(standard, [textSegment("thank you"), textSegment("good morning")])).toEqual(["Thank you.", "Good morning."]);
  });

  it("keeps its state small and plain, and starts fresh on a damaged one", () => {
    let context: StreamContext = {};
    for (let i = 0; i < 50; i++) context = standard.run(textSegment(`and then the numbers grew again number ${i}`), context).context;
    expect(structuredClone(context)).toEqual(context);
    expect(JSON.stringify(context).length).toBeLessThan(400);
    const damaged = { v: 1, atSentenceStart: true, stages: { punctuation: { v: 1, h: { prev1: 7 } } } };
    expect(standard.run(textSegment("thank you"), damaged).result.text).toBe("Thank you.");
  });
});

describe("punctuation / edits and options", () => {
  it("every inserted mark is an edit with its rule and confidence", () => {
    const r = standard.run(textSegment("thank you"), {}).result;
    expect(r.edits.filter((e) => e.stage === "punctuation")).toEqual([
      { stage: "punctuation", rule: "final_segment_end", before: "you", after: "you.", source: { start: 1, end: 2 }, confidence: 0.9, applied: true },
    ]);
  });

  it("below apply_threshold a mark is only suggested and the segment is flagged", () => {
    const r = pipeline({ params: { apply_threshold: 0.95 } }).run(textSegment("thank you"), {}).result;
    expect(r.text).toBe("Thank you");
    expect(r.needsReview).toBe(true);
    expect(r.edits.find((e) => e.stage === "punctuation")).toMatchObject({ applied: false, after: "you." });
  });

  it("validates its options, naming every bad field", () => {
    const bad = () =>
      compileProfile({
        stages: {
          punctuation: {
            enabled: true,
            classes: { commas: true },
            params: { final_segment_end: "sometimes", sentence_pause_ms: 200, comma_pause_ms: 400, comma_threshold: 2, style: "poetic" },
          },
        },
      });
    expect(bad).toThrow(StageOptionsError);
    try {
      bad();
    } catch (err) {
      const fields = (err as StageOptionsError).violations.map((v) => v.param).sort();
      expect(fields).toEqual(["classes.commas", "params.comma_pause_ms", "params.comma_threshold", "params.final_segment_end", "params.style"]);
    }
  });

  it("without a model it still applies the segment-end policy and cue commas", () => {
    const bare = compileProfile({ stages: { punctuation: { enabled: true } } }, undefined, { punctuation: { cues: resources.punctuation!.cues } });
    expect(bare.run(textSegment("however we grew revenue and margins"), {}).result.text).toBe("However, we grew revenue and margins.");
  });
});
