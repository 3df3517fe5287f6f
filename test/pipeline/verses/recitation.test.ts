import { describe, expect, it } from "vitest";

import { LOW_CONFIDENCE_FLAG } from "../../../src/pipeline/index.js";
import { wordSegment } from "../helpers.js";
import { BG_2_47, run, versesOnly } from "./helpers.js";

const p = versesOnly();

describe("verses / recitations", () => {
  it("replaces a whole recited verse in popular spelling by the canonical IAST and a short citation", () => {
    const r = run(p, "karmanye vadhikaraste ma phaleshu kadachana ma karma phala hetur bhur ma te sango stv akarmani");
    expect(r.text).toBe(`${BG_2_47} (BG 2.47)`);
    expect(r.edits).toHaveLength(1);
    expect(r.edits[0]).toMatchObject({ stage: "verses", rule: "recitation", applied: true, source: { start: 0, end: 15 } });
    expect(r.edits[0]!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it("recognises the garbled half-verse from the issue and cites the verse it belongs to", () => {
    const r = run(p, "karmanye vadhikaraste ma phaleshu kadachana");
    expect(r.text).toBe("karmaṇyevādhikāraste mā phaleṣu kadācana (BG 2.47)");
    expect(r.edits[0]).toMatchObject({ rule: "partial_recitation", applied: true });
  });

  it("tolerates ASR spelling noise: dropped aspiration, w for v, lost and doubled letters", () => {
    const r = run(p, "karmanyay wadikarasthe maa phalesu kadaachna ma karm pala hetur bur ma te sangostw akarmany");
    expect(r.text).toBe(`${BG_2_47} (BG 2.47)`);
    expect(r.edits[0]!.confidence).toBeLessThan(1);
  });

  it("replaces only the recited words when English surrounds them, keeping their punctuation", () => {
    const r = run(p, "As Krishna says, yada yada hi dharmasya glanir bhavati bharata. That is the promise.");
    expect(r.text).toBe("As Krishna says, yadā yadā hi dharmasya glānirbhavati bhārata (BG 4.7). That is the promise.");
    expect(r.edits[0]!.source).toEqual({ start: 3, end: 10 });
  });

  it("recognises two verses recited in one segment", () => {
    const r = run(p, "dharma kshetre kuru kshetre samaveta yuyutsavah and then yoga karmasu kaushalam");
    expect(r.text).toBe("dharmakṣetre kurukṣetre samavetā yuyutsavaḥ (BG 1.1) and then yogaḥ karmasu kauśalam (BG 2.50)");
  });

  it("leaves ordinary English untouched, including talk about Sanskrit terms", () => {
    for (const text of [
      "and then we went to the market to buy some vegetables and fruit for the evening",
      "the three gunas are sattva rajas and tamas",
      "the practice of nishkama karma yoga is taught by krishna to arjuna",
      "it was a strategy to grow the business in colombia over the next two years",
    ]) {
      const r = run(p, text);
      expect(r.edits, text).toEqual([]);
      expect(r.text).toBe(text);
    }
  });

  it("keeps the recited words' timing: one output word spanning first start to last end", () => {
    const r = p.run(wordSegment(["so", "yoga", "karmasu", "kaushalam", "indeed"]), {}).result;
    expect(r.words.map((w) => w.text)).toEqual(["so", "yogaḥ karmasu kauśalam (BG 2.50)", "indeed"]);
    expect(r.words[1]).toMatchObject({ startMs: 100, endMs: 390, source: { start: 1, end: 4 } });
    expect(r.edits[0]!.before).toBe("yoga karmasu kaushalam");
  });

  it("suggests, without applying, a half-verse that two verses share (no margin over the runner-up)", () => {
    // "manmanā bhava madbhakto madyājī māṃ namaskuru" opens both 9.34 and 18.65.
    const r = run(versesOnly({ params: { min_similarity: 0.5 } }), "man mana bhava mad bhakto mad yaji mam namaskuru");
    expect(r.text).toBe("man mana bhava mad bhakto mad yaji mam namaskuru");
    expect(r.edits).toHaveLength(1);
    expect(r.edits[0]!.applied).toBe(false);
    expect(r.needsReview).toBe(true);
    expect(r.flags.map((f) => f.code)).toContain(LOW_CONFIDENCE_FLAG);
  });

  it("suggests a match below the profile's apply threshold and flags the segment for review", () => {
    const r = run(versesOnly({ params: { apply_threshold: 0.99 } }), "karmanyay wadikarasthe maa phalesu kadaachna");
    expect(r.text).toBe("karmanyay wadikarasthe maa phalesu kadaachna");
    expect(r.edits[0]).toMatchObject({ applied: false, after: "karmaṇyevādhikāraste mā phaleṣu kadācana (BG 2.47)" });
    expect(r.needsReview).toBe(true);
  });

  it("is idempotent: its own output, re-run, gets no edit", () => {
    for (const text of [
      "karmanye vadhikaraste ma phaleshu kadachana ma karma phala hetur bhur ma te sango stv akarmani",
      "As Krishna says, yada yada hi dharmasya glanir bhavati bharata. That is the promise.",
      "vasamsi jirnani yatha vihaya navani grihnati naro parani tatha sharirani vihaya jirnany anyani samyati navani dehi",
    ]) {
      const once = run(p, text).text;
      const twice = run(p, once);
      expect(twice.edits, once).toEqual([]);
      expect(twice.text).toBe(once);
    }
  });

  it("cites per profile: long, none; joins half-verse lines with the chosen separator", () => {
    const text = "karmanye vadhikaraste ma phaleshu kadachana ma karma phala hetur bhur ma te sango stv akarmani";
    expect(run(versesOnly({ params: { citation: "long" } }), text).text).toBe(`${BG_2_47} (Bhagavad Gītā 2.47)`);
    expect(run(versesOnly({ params: { citation: "none", line_separator: "space" } }), text).text).toBe(BG_2_47.replace(" / ", " "));
    expect(run(versesOnly({ params: { line_separator: "danda" } }), text).text).toBe(`${BG_2_47.replace(" / ", " । ")} (BG 2.47)`);
  });

  it("adds only the citation when the canonical text is already there", () => {
    const r = run(p, "yogaḥ karmasu kauśalam");
    expect(r.text).toBe("yogaḥ karmasu kauśalam (BG 2.50)");
  });

  it("can be switched off by class", () => {
    const r = run(versesOnly({ classes: { recitation: false } }), "karmanye vadhikaraste ma phaleshu kadachana");
    expect(r.edits).toEqual([]);
  });
});
