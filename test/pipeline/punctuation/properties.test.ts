// Idempotence of the shipped profiles with punctuation on, over random word
// sequences: the pipeline on its own output changes nothing, also when the
// output is fed back as timed words.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileProfile, type SegmentResult, type SegmentInput } from "../../../src/pipeline/index.js";
import { loadPipelineResources } from "../../../src/resources/load.js";
import { textSegment } from "../helpers.js";

const resources = loadPipelineResources();
const VOCABULARY = [
  "i", "i'm", "you", "we", "the", "a", "and", "but", "so", "however", "thank", "do", "is", "what", "how", "it", "that",
  "went", "home", "think", "revenue", "grew", "new", "york", "monday", "ebitda", "january", "twenty", "five", "percent",
  "um", "uh", "yes", "okay", "right", "quarter", "for", "example", "of", "to", "rain",
];
const sentence = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 25 }).map((w) => w.join(" "));

// clean: the disfluency stage's second look runs after punctuation and casing (run-plan.ts),
// so its sentence rules do not first fire on the pipeline's own output.
const idempotentProfiles = {
  clean: { stages: { punctuation: { enabled: true } } },
  verbatim: { stages: { disfluency: { enabled: false }, punctuation: { enabled: true } } },
  commasOff: { stages: { punctuation: { enabled: true, classes: { comma: false } } } },
};

function feedBack(r: SegmentResult): SegmentInput {
  return {
    ...textSegment(""),
    startMs: r.startMs,
    endMs: r.endMs,
    words: r.words.map((w) => ({ text: w.text, startMs: w.startMs, endMs: w.endMs, confidence: w.confidence, speaker: w.speaker })),
  };
}

describe("punctuation properties", () => {
  it.each(Object.entries(idempotentProfiles))("%s: the pipeline on its own output changes nothing", (_, profile) => {
    const p = compileProfile(profile, undefined, resources);
    fc.assert(
      fc.property(sentence, (text) => {
        const once = p.run(textSegment(text), {}).result;
        for (const again of [p.run(textSegment(once.text), {}).result, p.run(feedBack(once), {}).result]) {
          expect(again.text).toBe(once.text);
          expect(again.edits.filter((e) => e.applied)).toEqual([]);
        }
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });
});
