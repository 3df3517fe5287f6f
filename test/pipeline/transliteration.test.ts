import { describe, expect, it } from "vitest";

import { compileProfile, STAGE_NAMES, StageOptionsError, type CompiledPipeline, type StageSettingsInput } from "../../src/pipeline/index.js";
import { asciiSchemeOf } from "../../src/pipeline/stages/transliteration.js";
import { loadEnglishWords } from "../../src/resources/load.js";
import { textSegment } from "./helpers.js";

const englishWords = loadEnglishWords();

function transliteration(schemes: string[] | undefined): CompiledPipeline {
  const stages: Record<string, StageSettingsInput> = Object.fromEntries(STAGE_NAMES.map((n) => [n, { enabled: false }]));
  stages["transliteration"] = { enabled: true, ...(schemes ? { params: { schemes } } : {}) };
  return compileProfile({ stages }, undefined, { englishWords });
}
const run = (p: CompiledPipeline, text: string) => p.run(textSegment(text), {}).result;

describe("transliteration to IAST", () => {
  it("renders each scheme the profile lists", () => {
    expect(run(transliteration(["hk"]), "kRSNa and arjuna in dharmakSetre").text).toBe("kṛṣṇa and arjuna in dharmakṣetre");
    expect(run(transliteration(["itrans"]), "kRRiShNa says j~nAna").text).toBe("kṛṣṇa says jñāna");
    expect(run(transliteration(["velthuis"]), "k.r.s.na teaches").text).toBe("kṛṣṇa teaches");
    expect(run(transliteration(["slp1"]), "kfzRa teaches yogaH").text).toBe("kṛṣṇa teaches yogaḥ");
    expect(run(transliteration(["devanagari"]), "धर्मक्षेत्रे कुरुक्षेत्रे।").text).toBe("dharmakṣetre kurukṣetre.");
  });

  it("records an edit per word, ruled by its scheme, keeping punctuation", () => {
    const r = run(transliteration(["hk"]), "(kRSNa), said");
    expect(r.text).toBe("(kṛṣṇa), said");
    expect(r.edits).toEqual([{ stage: "transliteration", rule: "hk", before: "(kRSNa),", after: "(kṛṣṇa),", source: { start: 0, end: 1 }, confidence: 0.9, applied: true }]);
  });

  it("leaves plain English alone, however it is cased", () => {
    const p = transliteration(["hk", "itrans", "velthuis", "slp1"]);
    for (const text of ["The yoga class starts at 5 a.m. today", "McDonald met the CEO of NASA", "iPhone and PowerPoint", "he is OK", "e.g. the U.S. team", "mAh and kHz"]) {
      const r = run(p, text);
      expect(r.text).toBe(text);
      expect(r.edits).toEqual([]);
    }
  });

  it("only touches the schemes listed (Devanagari by default)", () => {
    expect(run(transliteration(undefined), "kRSNa कृष्ण").text).toBe("kRSNa kṛṣṇa");
    expect(run(transliteration([]), "कृष्ण").text).toBe("कृष्ण");
  });

  it("tries schemes in the listed order", () => {
    // kRSNa reads as HK and as ITRANS: the first listed wins.
    expect(asciiSchemeOf("kRSNa", ["hk", "itrans"])).toBe("hk");
    expect(asciiSchemeOf("kRSNa", ["itrans", "hk"])).toBe("itrans");
    // Velthuis dots are not HK: Velthuis takes the word even when listed second.
    expect(asciiSchemeOf("k.r.s.na", ["hk", "velthuis"])).toBe("velthuis");
    // A capital only at the start is English capitalisation, not a scheme mark.
    expect(asciiSchemeOf("Arjuna", ["hk"])).toBeUndefined();
  });

  it("is idempotent: IAST output is not taken for a scheme again", () => {
    const p = transliteration(["devanagari", "hk", "itrans", "velthuis", "slp1"]);
    const once = run(p, "kRSNa धर्मक्षेत्रे").text;
    const again = run(p, once);
    expect(again.text).toBe(once);
    expect(again.edits).toEqual([]);
  });

  it("rejects an unknown scheme, naming the field", () => {
    expect(() => transliteration(["klingon"])).toThrow(StageOptionsError);
  });
});
