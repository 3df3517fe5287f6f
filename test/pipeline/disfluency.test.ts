import { describe, expect, it } from "vitest";
import { DEFAULT_FILLERS } from "../../src/pipeline/index.js";
import { disfluencyOnly, pipeline, runText, textSegment, wordSegment } from "./helpers.js";

const clean = disfluencyOnly();
const text = (input: string) => runText(clean, input).text;

describe("disfluency / filler: what is removed", () => {
  it("has the documented default list", () => {
    expect(DEFAULT_FILLERS).toEqual(["um", "uh", "er", "ah", "hmm", "mm", "erm", "uhm", "mm-hmm"]);
  });

  it.each([
    ["so um we went", "so we went"],
    ["so uh we went", "so we went"],
    ["well er erm uhm we went", "well we went"],
    ["hmm mm ah okay", "okay"],
    ["so Um we Uh went", "so we went"],
    ["SO UM WE WENT", "SO WE WENT"],
  ])("removes standalone fillers, any case: %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each(["whatever we created as MM was ours", "she studied at UH for two years"])(
    "keeps a filler's letters written all in capitals in text with small letters: a name (%j)",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );

  it.each(["born but to smile and fall. Ah!", "Hmm! That is odd."])("keeps a filler written with an exclamation mark: an exclamation (%j)", (input) => {
    expect(text(input)).toBe(input);
  });

  it.each(["umbrella", "humm", "literally", "entirely", "as well", "hummus", "error", "ahead", "summer", "mmm"])(
    "never removes %j (not a listed filler as a whole word)",
    (word) => {
      const r = runText(clean, `the ${word} here`);
      expect(r.text).toBe(`the ${word} here`);
      expect(r.edits).toEqual([]);
    },
  );

  it("leaves fillers inside quotes or brackets alone (removing them would unbalance the pair)", () => {
    expect(text('he said "um" twice')).toBe('he said "um" twice');
    expect(text("a (uh) b")).toBe("a (uh) b");
  });
});

describe("disfluency / filler: punctuation left behind", () => {
  it.each([
    ["Um, so we went", "So we went"], // no leading comma; the sentence keeps the capital it opened with
    ["we, uh, went", "we went"], // commas bracketing the filler go together
    ["I went to the, um, store", "I went to the store"],
    ["we uh, went", "we went"],
    ["we, um uh, went", "we went"],
    ["we went um.", "we went."], // sentence end moves to the previous word
    ["we went, um.", "we went."],
    ["is it uh?", "is it?"],
    ["we went. Um. Then", "we went. Then"], // previous word already ends the sentence
    ["so... um... we", "so... we"],
    ["um, uh, hmm.", ""],
    // The comma before the filler stays when a new clause follows, or after a sentence's opener.
    ["if we can do that, um, we can make it home", "if we can do that, we can make it home"],
    ["Well, um, we did it", "Well, we did it"],
    ["and so, you know, calories mattered", "and so calories mattered"],
    // ... but not after a word that needs what follows it: a conjunction, a complementizer "that".
    ["And, um, she left", "And she left"],
    ["I think that, uh, we should go", "I think that we should go"],
    ["I saw that, um, we won", "I saw that, we won"],
  ])("%j -> %j", (input, expected) => {
    const out = text(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/,\s*,|^[,;:]|\s[,.;:?!]/);
  });

  it("records the tidy-up of the previous word as its own edit on that word", () => {
    const r = runText(clean, "we, uh, went");
    expect(r.edits).toEqual([
      { stage: "disfluency", rule: "filler", before: "uh,", after: "", source: { start: 1, end: 2 }, confidence: 0.95, applied: true },
      { stage: "disfluency", rule: "filler", before: "we,", after: "we", source: { start: 0, end: 1 }, confidence: 0.95, applied: true },
    ]);
  });

  it("keeps the neighbours' own timings and source spans", () => {
    const r = clean.run(wordSegment(["we,", "um,", "went"]), {}).result;
    expect(r.words.map((w) => [w.text, w.startMs, w.endMs, w.source.start, w.source.end])).toEqual([
      ["we", 0, 90, 0, 1],
      ["went", 200, 290, 2, 3],
    ]);
  });
});

describe("disfluency / filler: confidence and suggestions", () => {
  it("gives pure hesitation sounds 0.95 and interjections like 'ah' 0.8", () => {
    const r = runText(clean, "um ah ok");
    expect(r.edits.map((e) => [e.before, e.confidence])).toEqual([
      ["um", 0.95],
      ["ah", 0.8],
    ]);
  });

  it("only suggests removals below apply_threshold: text kept, segment flagged for review", () => {
    const p = disfluencyOnly({ apply_threshold: 0.9 });
    const r = runText(p, "um ah, we went");
    expect(r.text).toBe("ah, we went");
    expect(r.edits.map((e) => [e.before, e.applied])).toEqual([
      ["um", true],
      ["ah,", false],
    ]);
    expect(r.needsReview).toBe(true);
    expect(r.flags).toEqual([{ code: "low_confidence_edit", stage: "disfluency", detail: expect.stringContaining("filler") }]);
  });

  it("suggests the punctuation tidy-up together with its removal", () => {
    const r = runText(disfluencyOnly({ apply_threshold: 0.99 }), "we, uh, went");
    expect(r.text).toBe("we, uh, went");
    expect(r.edits.every((e) => !e.applied)).toBe(true);
    expect(r.edits.map((e) => `${e.before}->${e.after}`)).toEqual(["uh,->", "we,->we"]);
    expect(r.flags).toHaveLength(1);
  });

  it("does not flag a segment whose edits were all applied", () => {
    const r = runText(clean, "um ok");
    expect(r.needsReview).toBe(false);
    expect(r.flags).toEqual([]);
  });
});

describe("disfluency / filler: configurable list", () => {
  it("replaces the list from a YAML sequence (custom words get 0.7)", () => {
    const r = runText(disfluencyOnly({ fillers: ["really", "Basically"] }), "um it was really basically fine");
    expect(r.text).toBe("um it was fine");
    expect(r.edits.map((e) => e.confidence)).toEqual([0.7, 0.7]);
  });

  it("accepts a comma-separated string from the wire", () => {
    expect(runText(disfluencyOnly({ fillers: " hmm ,uh,, " }), "um hmm uh ok").text).toBe("um ok");
  });

  it("an empty list removes nothing", () => {
    expect(runText(disfluencyOnly({ fillers: "" }), "um ok").text).toBe("um ok");
  });

  it("the class switch turns the rule off", () => {
    expect(runText(disfluencyOnly({}, { filler: false }), "um ok").text).toBe("um ok");
  });

  it("the stage can be disabled by the profile", () => {
    expect(runText(pipeline({ disfluency: { enabled: false }, casing: { enabled: false } }), "um ok").text).toBe("um ok");
  });

  it("a segment of only fillers yields no words", () => {
    const r = clean.run(textSegment("Um. Uh,"), {}).result;
    expect(r).toMatchObject({ text: "", words: [] });
    expect(r.edits).toHaveLength(2);
  });
});
