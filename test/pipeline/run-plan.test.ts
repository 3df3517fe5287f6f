// The run plan: every stage once in STAGE_NAMES order, then the second looks
// of stages whose rules need sentences, after the punctuation and casing
// stages have made them, with those stages again when a look changed anything.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { compileProfile } from "../../src/pipeline/index.js";
import { planRun } from "../../src/pipeline/run-plan.js";
import { STAGES, type StageName } from "../../src/pipeline/stages/index.js";
import { loadPipelineResources } from "../../src/resources/load.js";
import { textSegment } from "./helpers.js";

const stage = (name: StageName) => ({ name, stage: STAGES.get(name)! });
const names = (list: readonly { name: string }[]) => list.map((s) => s.name);
// A second look stands for its stage here: the plan's shape is what is tested.
const look = (s: ReturnType<typeof stage>) => ({ ...s });

describe("planRun", () => {
  it("puts disfluency's second look after the last sentence shaper, then the shapers again, then the rest", () => {
    const plan = planRun(["disfluency", "itn", "punctuation", "casing", "redaction"].map((n) => stage(n as StageName)), look);
    expect(names(plan.main)).toEqual(["disfluency", "itn", "punctuation", "casing"]);
    expect(names(plan.looks)).toEqual(["disfluency"]);
    expect(names(plan.reshapers)).toEqual(["punctuation", "casing"]);
    expect(names(plan.rest)).toEqual(["redaction"]);
  });

  it("takes no second look when no stage shapes sentences (the ASR's own sentences were seen the first time)", () => {
    const plan = planRun(["disfluency", "itn", "redaction"].map((n) => stage(n as StageName)), look);
    expect(names(plan.main)).toEqual(["disfluency", "itn", "redaction"]);
    expect(plan.looks).toEqual([]);
    expect(plan.reshapers).toEqual([]);
    expect(plan.rest).toEqual([]);
  });

  it("takes none when the stage that offers it is off, and none for a stage after the shapers", () => {
    const plan = planRun(["itn", "punctuation", "casing", "redaction"].map((n) => stage(n as StageName)), look);
    expect(plan.looks).toEqual([]);
    expect(plan.reshapers).toEqual([]);
  });
});

describe("clean profile: disfluency's second look", () => {
  const resources = loadPipelineResources();
  const clean = compileProfile({ stages: { punctuation: { enabled: true } } }, undefined, resources);
  const run = (text: string) => clean.run(textSegment(text), {}).result;

  it("removes a raw interjection before punctuation, which still reads it where the sentence turned; a second pass changes nothing", () => {
    const once = run("thank you for taking my question yeah it's really related to what you're seeing on the ground");
    expect(once.text).toBe("Thank you for taking my question. It's really related to what you're seeing on the ground.");
    expect(once.edits.filter((e) => e.applied).map((e) => [e.stage, e.before, e.after])).toEqual([
      ["disfluency", "yeah", ""],
      ["punctuation", "question", "question."],
      ["punctuation", "ground", "ground."],
      ["casing", "thank", "Thank"],
      ["casing", "it's", "It's"],
    ]);
    const again = run(once.text);
    expect(again.text).toBe(once.text);
    expect(again.edits.filter((e) => e.applied)).toEqual([]);
  });

  it("gives the word before a removed interjection the weaker mark the model read there", () => {
    const once = run("the parent support to capital yeah and on the other side we are fine");
    expect(once.text).toBe("The parent support to capital, and on the other side, we are fine.");
    expect(run(once.text).text).toBe(once.text);
  });

  it("ends a statement before a removed tag 'right' with a full stop, not the tag's question mark", () => {
    const once = run("this is the second quarter of last year right you see packaging roughly ten percent down");
    expect(once.text).toMatch(/^This is the second quarter of last year\. You see packaging/);
    expect(once.text).not.toContain("?");
  });

  it("reads a removed hesitation as the pause it was", () => {
    expect(run("so in the second quarter uh we saw a lot of growth in aviation").text).toBe("So in the second quarter, we saw a lot of growth in aviation.");
  });

  it("lets a hesitation's own comma leave with it: no comma inside a phrase the hesitation broke", () => {
    expect(run("i'm guessing this is uh my big fat greek wedding").text).not.toContain(",");
    expect(run("we must uh first learn to sit still and then we can meditate").text).toMatch(/^We must first learn/);
    expect(run("i would love to see her um beautiful skin again").text).not.toContain(",");
  });

  it("reads a segment it left unmarked the same on a second pass, removed words or not (the shipped clean profile)", () => {
    const shipped = compileProfile(loadConfig({ env: {} }).pipeline.profiles.clean!, undefined, resources);
    const runShipped = (text: string) => shipped.run(textSegment(text), {}).result.text;
    for (const input of ["oh great um can't oh five yeah because", "so in the second quarter uh we did really well because"]) {
      const once = runShipped(input);
      expect(once).not.toMatch(/[.?!]$/);
      expect(runShipped(once)).toBe(once);
    }
  });

  it("reads a removed 'oh' the same way", () => {
    const once = run("thank you for taking my question oh it's really related to what you're seeing");
    expect(once.text).toBe("Thank you for taking my question. It's really related to what you're seeing.");
    expect(run(once.text).text).toBe(once.text);
  });

  it("re-punctuates after a removal that took a mark with it", () => {
    const once = run("okay okay of");
    expect(once.text).toBe("Okay, of");
    expect(run(once.text).text).toBe(once.text);
  });
});
