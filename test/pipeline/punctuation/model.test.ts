import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LABELS, advance, featureKey, featuresAt, freshHistory, PERIOD } from "../../../src/pipeline/stages/punctuation/features.js";
import { featureKeysAt, featureStringKey, hashWords } from "../../../src/pipeline/stages/punctuation/feature-hash.js";
import { featureBuffer, MODEL_FORMAT, MODEL_VERSION, parsePunctuationModel, PunctuationModelError, slotProbabilities } from "../../../src/pipeline/stages/punctuation/model.js";
import { loadPipelineResources } from "../../../src/resources/load.js";

const thresholds = { spoken: { sentenceEnd: 0.6, comma: 0.5 }, written: { sentenceEnd: 0.7, comma: 0.55 } };
const valid = { format: MODEL_FORMAT, version: MODEL_VERSION, labels: LABELS, scale: 100, temperature: 2, thresholds, weights: { b: [1, 2, 3, 4] } };

describe("punctuation model file", () => {
  it("parses weights at 1/scale", () => {
    const m = parsePunctuationModel(JSON.stringify(valid));
    const at = m.index.get(featureStringKey("b"))!;
    expect(Array.from(m.data.subarray(at, at + 4))).toEqual([0.01, 0.02, 0.03, 0.04].map((x) => Math.fround(x)));
    expect(m.temperature).toBe(2);
    // A file without the mixed style's thresholds: the two models' means.
    expect(m.thresholds).toEqual({ ...thresholds, mixed: { sentenceEnd: 0.65, comma: 0.525 } });
    const withMixed = parsePunctuationModel(JSON.stringify({ ...valid, thresholds: { ...thresholds, mixed: { sentenceEnd: 0.5, comma: 0.45 } } }));
    expect(withMixed.thresholds.mixed).toEqual({ sentenceEnd: 0.5, comma: 0.45 });
  });

  it.each([
    ["not JSON", "{"],
    ["another format", JSON.stringify({ ...valid, format: "x" })],
    ["other labels", JSON.stringify({ ...valid, labels: ["", ".", ",", "?"] })],
    ["a bad temperature", JSON.stringify({ ...valid, temperature: 0 })],
    ["missing thresholds", JSON.stringify({ ...valid, thresholds: undefined })],
    ["a threshold above 1", JSON.stringify({ ...valid, thresholds: { ...thresholds, written: { sentenceEnd: 1.5, comma: 0.5 } } })],
    ["a style without thresholds", JSON.stringify({ ...valid, thresholds: { spoken: thresholds.spoken } })],
    ["a version 1 model (one style, one pair of thresholds)", JSON.stringify({ ...valid, version: 1, thresholds: { sentenceEnd: 0.6, comma: 0.5 } })],
    ["non-integer weights", JSON.stringify({ ...valid, weights: { b: [1, 2, 3, 0.5] } })],
  ])("rejects %s", (_, text) => {
    expect(() => parsePunctuationModel(text)).toThrow(PunctuationModelError);
  });

  it("the shipped model loads and is small", () => {
    const model = loadPipelineResources().punctuation?.model;
    expect(model).toBeDefined();
    expect(model!.index.size).toBeGreaterThan(1000);
    // Two styles (features.ts STYLES) in one file; under 262,144 keys the feature table stays at 2^19 slots.
    expect(model!.index.size).toBeLessThan(250_000);
  });
});

describe("punctuation features", () => {
  it("keys fold case, edge punctuation and numbers", () => {
    expect(["Hello,", "27,000", "“Why?”", "--"].map(featureKey)).toEqual(["hello", "<num>", "why", ""]);
  });

  it("the history restarts at a sentence end and counts words since it", () => {
    const h = freshHistory();
    advance(h, "we", 0);
    advance(h, "left", PERIOD);
    expect(h).toMatchObject({ sinceEnd: 0, prev1: "<s>", first1: "" });
    advance(h, "then", 0);
    expect(h).toMatchObject({ sinceEnd: 1, prev1: "then", first1: "then" });
    const out: string[] = [];
    const n = featuresAt(["then", "we"], 1, h, "spoken", out);
    expect(out.slice(0, n)).toContain("w1=</s>");
    expect(out.slice(0, n)).toContain("p1w0=then|we");
    expect(out.slice(0, n)).toContain("w1w2w3=</s>|</s>|</s>");
    // The written model's features are its own: the same slot, spelt with its style's prefix.
    const written: string[] = [];
    expect(featuresAt(["then", "we"], 1, h, "written", written)).toBe(n);
    expect(written.slice(0, n)).toEqual(out.slice(0, n).map((f) => `W${f}`));
  });

  it("the mixed style's probabilities are the mean of the spoken and written models'", () => {
    const model = loadPipelineResources().punctuation!.model!;
    const keys = "so we went home and then we ate dinner".split(" ").map(featureKey);
    const hashed = hashWords(keys);
    const h = freshHistory();
    const at = (style: "spoken" | "written" | "mixed") => {
      const p = new Float64Array(LABELS.length);
      slotProbabilities(model, keys, hashed, 3, h, style, p, new Float64Array(LABELS.length), featureBuffer());
      return Array.from(p);
    };
    const spoken = at("spoken");
    const written = at("written");
    expect(spoken).not.toEqual(written);
    at("mixed").forEach((p, l) => expect(p).toBeCloseTo((spoken[l]! + written[l]!) / 2, 12));
    expect(at("mixed").reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("the numeric keys the stage scores are exactly the keys of the features training spelt, slot by slot", () => {
    // The model file stores featuresAt()'s strings; the stage looks features up by featureKeysAt()'s numbers.
    const sentences = [
      "um so we grew revenue in europe and asia you know by twelve percent",
      "do you think that the point is is that we grew",
      "However 27,000 people came. Then they left! Why",
    ];
    const keysOut = new Float64Array(64);
    let slots = 0;
    for (const sentence of sentences) {
      const keys = sentence.split(" ").map(featureKey);
      const hashed = hashWords(keys);
      const h = freshHistory();
      for (let i = 0; i < keys.length; i++) {
        const strings: string[] = [];
        const style = i % 2 === 0 ? "written" : "spoken";
        const n = featuresAt(keys, i, h, style, strings);
        const m = featureKeysAt(keys, hashed, i, h, style, keysOut);
        expect(Array.from(keysOut.subarray(0, m))).toEqual(strings.slice(0, n).map(featureStringKey));
        advance(h, keys[i]!, i % 5 === 4 ? PERIOD : i % 3 === 2 ? 1 : 0);
        slots++;
      }
    }
    expect(slots).toBeGreaterThan(30);
  });

  it("no two features of the shipped model share a key", () => {
    const model = loadPipelineResources().punctuation!.model!;
    const raw = JSON.parse(readFileSync(new URL("../../../config/punctuation/model-en.json", import.meta.url), "utf8")) as { weights: object };
    expect(model.index.size).toBe(Object.keys(raw.weights).length);
  });
});

