import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { generateLexiconVariants } from "../../bench/eval/lexicon-variants.js";
import { generatedVariantSet, noHarmSentences, runLexiconSuite, variantFiles } from "../../bench/eval/lexicon-suite.js";
import { REPO_ROOT } from "../../bench/eval/pipelines.js";
import { asciiFold } from "../../src/pipeline/lexicon/keys.js";
import { loadLexiconResources } from "../../src/resources/load.js";

const resources = loadLexiconResources();

function tmp(name: string, content: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lipi-lexicon-eval-"));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

function tmpIn(dir: string, file: string): string {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  return path.join(dir, file);
}

describe("eval / lexicon suite", () => {
  it("scores recall and precision on heard<TAB>canonical pairs, and counts edits on English text", () => {
    const variants = tmp("v.tsv", "# heard\tcanonical\nbhagwat geeta\tBhagavad Gītā\npranayam\tprāṇāyāma\nzzqxv\tĀtman\nkundalni\tmokṣa\n");
    const english = tmp("e.jsonl", [{ reference: "I work on my drama with you." }, { reference: "They read the bhagwat geeta." }].map((r) => JSON.stringify(r)).join("\n") + "\n");
    const s = runLexiconSuite(variantFiles([variants], REPO_ROOT), [english], resources, REPO_ROOT);
    expect(s.suite).toBe("lexicon");
    expect(s.overall.total).toBe(4);
    // Two right; "zzqxv" unchanged (a miss, not a wrong change); "kundalni" becomes kuṇḍalinī, not the expected mokṣa (wrong).
    expect(s.overall.correct).toBe(2);
    expect(s.overall.changed).toBe(3);
    expect(s.overall.recall).toBeCloseTo(0.5);
    expect(s.overall.precision).toBeCloseTo(2 / 3);
    expect(s.noHarmOverall).toMatchObject({ sentences: 2, appliedEdits: 1 });
    expect(s.noHarm[0]!.appliedByRule).toEqual({ exact: 1 });
    expect(s.harmed!.map((h) => h.sentence)).toEqual(["They read the bhagwat geeta."]);
    expect(s.failures!.map((f) => f.heard)).toEqual(["zzqxv", "kundalni"]);
  });

  it("takes no-harm sentences from GoogleTN identity rows and JSON-lines references", () => {
    const tsv = tmp("sentences.tsv", "# source\nsame row .\tsame row .\nten\t10\n");
    expect(noHarmSentences(tsv)).toEqual(["same row ."]);
  });

  it("counts edits on English beyond the target's sets apart, from the field named (raw recogniser output)", () => {
    const pairs = tmp("pairs.jsonl", [{ asr: "they read the bhagwat geeta", reference: "They read the book." }].map((r) => JSON.stringify(r)).join("\n") + "\n");
    expect(noHarmSentences(pairs, "asr")).toEqual(["they read the bhagwat geeta"]);
    const s = runLexiconSuite([], [], resources, REPO_ROOT, undefined, [{ file: pairs, field: "reference" }, { file: pairs, field: "asr" }]);
    expect(s.noHarmOverall.sentences).toBe(0);
    expect(s.noHarmBeyond.map((n) => n.appliedEdits)).toEqual([0, 1]);
    expect(s.noHarmBeyondOverall).toMatchObject({ sentences: 2, appliedEdits: 1, appliedPer10k: 5000 });
  });

  it("generates reproducible misspellings that are neither the glossary spelling nor a listed one", () => {
    const glossary = ['{"term": "Pranayama", "definition": []}', '{"term": "Not In Any Pack", "definition": []}', '{"term": "Bhagavad Gita", "definition": []}'].join("\n");
    const a = generateLexiconVariants(glossary, resources.lexicons!, 7);
    const b = generateLexiconVariants(glossary, resources.lexicons!, 7);
    expect(a).toEqual(b);
    expect(a.glossaryTerms).toBe(3);
    expect(a.notInPack).toEqual(["Not In Any Pack"]);
    const listed = new Set(resources.lexicons!.flatMap((p) => p.entries.flatMap((e) => [e.canonical, ...e.variants].map(asciiFold))));
    expect(a.rows.length).toBeGreaterThan(0);
    for (const row of a.rows) {
      expect(["prāṇāyāma", "Bhagavad Gītā"]).toContain(row.canonical);
      expect(listed.has(asciiFold(row.heard))).toBe(false);
    }
  });

  it("generates the set from the glossary under the data directory with the seed asked for, and names the seed", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lipi-lexicon-data-"));
    const glossary = ['{"term": "Pranayama", "definition": []}', '{"term": "Bhagavad Gita", "definition": []}', '{"term": "Kundalini", "definition": []}'].join("\n");
    writeFileSync(tmpIn(dir, "lexicon/yoga_glossary_padmasambhava.jsonl"), glossary);
    const dev = generatedVariantSet(dir, resources.lexicons!);
    const other = generatedVariantSet(dir, resources.lexicons!, 3);
    expect(dev[0]!.name).toContain("seed 20261126");
    expect(other[0]!.name).toContain("seed 3");
    expect(other[0]!.rows.map((r) => r.spoken)).not.toEqual(dev[0]!.rows.map((r) => r.spoken));
    expect(() => generatedVariantSet(dir, resources.lexicons!, Number("x"))).toThrow(/--seed/);
    expect(generatedVariantSet(path.join(dir, "missing"), resources.lexicons!)).toEqual([]);
  });
});
