import { describe, expect, it } from "vitest";
import { compileProfile, type StreamContext } from "../../src/pipeline/index.js";
import { buildCasingTables, parseCasingList } from "../../src/pipeline/stages/casing/tables.js";
import { loadPipelineResources } from "../../src/resources/load.js";
import { pipeline, runStream, runText, textSegment } from "./helpers.js";

const casingOnly = pipeline({ disfluency: { enabled: false } });
const clean = pipeline();
const text = (input: string) => runText(casingOnly, input).text;

describe("casing / sentence_start within a segment", () => {
  it.each([
    ["hello there. how are you? fine! ok", "Hello there. How are you? Fine! Ok"],
    ['he said "stop." then left', 'He said "stop." Then left'],
    ["ātman is eternal. ṛta too", "Ātman is eternal. Ṛta too"],
  ])("%j -> %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    ["well... maybe", "Well... maybe"], // ellipsis trails off, no new sentence
    ["ask dr. smith", "Ask dr. smith"],
    ["the u.s. army", "The u.s. army"],
    ["at 5 p.m. we met", "At 5 p.m. we met"],
  ])("does not treat ellipses, abbreviations or initialisms as sentence ends: %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each(["3 apples. 4 pears", "'tis so. #tag here", "iPhone sales. eBay too", "अब चलो. हाँ"])(
    "leaves words starting with a digit, symbol, uncased script or mixed case alone: %j",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );

  it("capitalises a token ITN merged by its first word, as its words are capitalised when they come back", () => {
    const withTables = compileProfile({ stages: { disfluency: { enabled: false } } }, undefined, loadPipelineResources());
    expect(runText(withTables, "the first-january we met").text).toBe("The 1st January we met");
  });

  it("never lowercases", () => {
    expect(text("NASA SAID. THE END. And More")).toBe("NASA SAID. THE END. And More");
  });

  it("records each capital as an edit", () => {
    expect(runText(casingOnly, "so. we").edits).toEqual([
      { stage: "casing", rule: "sentence_start", before: "so.", after: "So.", source: { start: 0, end: 1 }, confidence: 0.95, applied: true },
      { stage: "casing", rule: "sentence_start", before: "we", after: "We", source: { start: 1, end: 2 }, confidence: 0.95, applied: true },
    ]);
  });

  it("only suggests below its apply_threshold", () => {
    const r = runText(pipeline({ casing: { params: { apply_threshold: "0.99" } } }), "so we");
    expect(r.text).toBe("so we");
    expect(r.needsReview).toBe(true);
  });
});

describe("casing across segment boundaries", () => {
  it("capitalises the stream's first word only, then after sentence ends", () => {
    expect(runStream(casingOnly, ["so we went", "to the store.", "then we", "left"])).toEqual([
      "So we went",
      "to the store.",
      "Then we",
      "left",
    ]);
  });

  it("interim segments use the context but do not advance it", () => {
    const first = casingOnly.run(textSegment("we went home."), {});
    const interim = casingOnly.run(textSegment("then", { isFinal: false }), first.context);
    expect(interim.result.text).toBe("Then");
    expect(interim.context).toBe(first.context);
    const fin = casingOnly.run(textSegment("then we left"), interim.context);
    expect(fin.result.text).toBe("Then we left");
  });

  it("an empty segment keeps the sentence state", () => {
    expect(runStream(casingOnly, ["done.", "", "next"])).toEqual(["Done.", "", "Next"]);
  });

  it("keeps tracking sentences while casing is disabled", () => {
    const off = pipeline({ casing: { enabled: false } });
    const a = off.run(textSegment("we went home."), {});
    expect(casingOnly.run(textSegment("then"), a.context).result.text).toBe("Then");
  });

  it("keeps the context plain, small and structured-clone safe", () => {
    let context: StreamContext = {};
    for (let i = 0; i < 200; i++) context = clean.run(textSegment(`um, sentence ${i}. and more`), context).context;
    expect(structuredClone(context)).toEqual(context);
    expect(JSON.stringify(context).length).toBeLessThan(100);
  });

  it("starts fresh on an unknown or damaged context", () => {
    expect(casingOnly.run(textSegment("so"), { v: 99, atSentenceStart: false }).result.text).toBe("So");
    expect(casingOnly.run(textSegment("so"), { v: 1, atSentenceStart: "no", stages: 7 }).result.text).toBe("So");
  });
});

describe("casing after disfluency removals", () => {
  it.each([
    ["Um, so we went", "So we went"],
    ["we went home. Um, so we", "We went home. So we"],
    ["we went home uh. then", "We went home. Then"],
  ])("restores the capital: %j -> %j", (input, expected) => {
    expect(runText(clean, input).text).toBe(expected);
  });

  it("a removed 'Um.' opening a segment still ends the previous sentence", () => {
    expect(runStream(clean, ["and we went", "Um. then we left"])).toEqual(["And we went", "Then we left"]);
  });

  it("a segment of only a sentence-ending filler starts a sentence next", () => {
    expect(runStream(clean, ["and we went", "uh.", "then"])).toEqual(["And we went", "", "Then"]);
  });
});

describe("casing / pronoun I, names and acronyms", () => {
  const tables = loadPipelineResources();
  const withTables = compileProfile({ stages: { disfluency: { enabled: false } } }, undefined, tables);
  const cased = (input: string) => withTables.run(textSegment(input), {}).result;

  it.each([
    ["so i think i'm right and i'll go", "So I think I'm right and I'll go"],
    ["we said i've and i'd", "We said I've and I'd"],
  ])("capitalises the pronoun I and its contractions: %j", (input, expected) => {
    expect(runText(casingOnly, input).text).toBe(expected);
  });

  it("capitalises known names, multi-word names as one phrase", () => {
    expect(cased("we flew to new york on monday with elizabeth").text).toBe("We flew to New York on Monday with Elizabeth");
  });

  it("writes listed acronyms in capitals", () => {
    const r = cased("our ebitda grew and covid hurt the ceo");
    expect(r.text).toBe("Our EBITDA grew and COVID hurt the CEO");
    expect(r.edits.find((e) => e.after === "EBITDA")).toMatchObject({ stage: "casing", rule: "acronyms", confidence: 0.85, applied: true });
  });

  it("writes codes of letters and digits as listed, from what ITN wrote of them", () => {
    // Whole pipeline default: ITN writes "q3", "5g", "co2", "covid-19"; the casing stage capitalises them.
    expect(cased("in q three the five g network grew while covid nineteen cut c o two").text)
      .toBe("In Q3 the 5G network grew while COVID-19 cut CO2");
  });

  it("capitalises the letters of a code ITN wrote, not words, units or codes written in lower case", () => {
    expect(cased("sales in 3q21 beat q3 and the m24 ran on 5g with mp3 files").text).toBe("Sales in 3Q21 beat Q3 and the M24 ran on 5G with MP3 files");
    for (const kept of ["we run x86 and i7 chips", "about 40 m2 of web3 stuff", "the 2nd time in the 1990s at 10am"]) {
      expect(cased(kept).text.slice(1)).toBe(kept.slice(1));
    }
  });

  it("leaves names that are also common words alone", () => {
    expect(cased("we may grant the bill in march").text).toBe("We may grant the bill in march");
  });

  it("never re-cases a word that already has capitals, and keeps edge punctuation", () => {
    expect(cased("the NEW york office and IBm, monday.").text).toBe("The NEW York office and IBm, Monday.");
  });

  it("a name does not run over a sentence end", () => {
    expect(cased("we went to new. york is big").text).toBe("We went to new. York is big");
  });

  it("each class can be switched off", () => {
    const off = compileProfile({ stages: { disfluency: { enabled: false }, casing: { classes: { pronoun_i: false, names: false, acronyms: false } } } }, undefined, tables);
    expect(off.run(textSegment("i flew to paris with the ceo"), {}).result.text).toBe("I flew to paris with the ceo");
    expect(off.run(textSegment("so i flew to paris"), {}).result.text).toBe("So i flew to paris");
  });

  it("capitalises a known name in the possessive", () => {
    expect(cased("we read paul's letter to mary's sister").text).toBe("We read Paul's letter to Mary's sister");
    // Near miss: a common word with 's stays as it is.
    expect(cased("the grant's terms").text).toBe("The grant's terms");
  });

  it("keeps a name when the drift guard re-runs a segment with only the sure edits", () => {
    // The uncertain marker phrase (0.85) is most of the segment: the guard keeps only edits of confidence >= 0.9.
    const guarded = compileProfile({ stages: { punctuation: { enabled: true }, guard: { enabled: true } } }, undefined, tables);
    const r = guarded.run(textSegment("let me rephrase that october"), {}).result;
    expect(r.flags.map((f) => f.code)).toContain("drift_guard");
    expect(r.text).toBe("Let me rephrase that October.");
    expect(r.edits.find((e) => e.after === "October.")).toMatchObject({ rule: "names", applied: true });
  });

  it("rejects a table entry without a capital", () => {
    expect(() => parseCasingList("New York\nparis\n", "names-en.txt")).toThrow(/names-en.txt:2: "paris"/);
  });
});

describe("casing / titles and place words with a name", () => {
  const tables = loadPipelineResources();
  const withTables = compileProfile({ stages: { disfluency: { enabled: false } } }, undefined, tables);
  const cased = (input: string) => withTables.run(textSegment(input), {}).result;

  it.each([
    ["we met captain nemo and sir william", "We met Captain Nemo and Sir William"],
    ["the ship of president lincoln", "The ship of President Lincoln"],
    ["they sailed to lake ontario", "They sailed to Lake Ontario"],
    // ITN writes the title abbreviated; after "Mr." even a common word is a name.
    ["and then mister smith said that doctor jones was right", "And then Mr. Smith said that Dr. Jones was right"],
  ])("a listed title before a known or unknown name: %j", (input, expected) => {
    expect(cased(input).text).toBe(expected);
  });

  it.each([
    ["we bought it at the general store", "We bought it at the general store"],
    ["the captain said so", "The captain said so"],
    ["general grant won", "General grant won"],
    ["ask the captain, nemo knows", "Ask the captain, nemo knows"],
    ["my lord I said", "My lord I said"],
  ])("a title before an ordinary word, or a mark, stays as it is: %j", (input, expected) => {
    // "grant" is a common English word: without a table entry it is not taken for a name.
    expect(cased(input).text).toBe(expected);
  });

  it("a place word after a name", () => {
    expect(cased("they landed on campbell island near the hudson river").text).toBe("They landed on Campbell Island near the Hudson River");
  });

  it("a place word after an ordinary word stays lowercase", () => {
    expect(cased("they landed on an island near the big river").text).toBe("They landed on an island near the big river");
  });

  it("an unknown word with a title is a less sure edit than a table name", () => {
    const r = cased("captain nemo and captain paul");
    expect(r.edits.find((e) => e.after === "Nemo")).toMatchObject({ rule: "titles", confidence: 0.85 });
    expect(r.edits.find((e) => e.after === "Paul")).toMatchObject({ rule: "names", confidence: 0.9 });
  });

  it("is idempotent, also where its own capitals follow a title", () => {
    // "I" and "Saint" are capitals this stage writes: they are no evidence of a name on the next pass.
    for (const input of ["we met captain nemo on campbell island", "the general store by the river", "my lord i do not know", "miss saint john was here"]) {
      const once = cased(input).text;
      expect(cased(once).text).toBe(once);
    }
  });

  it("titles and place words are off with the names class", () => {
    const off = compileProfile({ stages: { disfluency: { enabled: false }, casing: { classes: { names: false } } } }, undefined, tables);
    expect(off.run(textSegment("captain nemo on campbell island"), {}).result.text).toBe("Captain nemo on campbell island");
  });

  it("reads title and place-word lines of a name list", () => {
    const t = buildCasingTables([parseCasingList("Captain *\n* Island\nParis\n", "names-en.txt")], []);
    expect([...t.titles]).toEqual([["captain", "Captain"]]);
    expect([...t.placeHeads]).toEqual([["island", "Island"]]);
    expect([...t.names.keys()]).toEqual(["paris"]);
  });
});
