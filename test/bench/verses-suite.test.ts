import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { addNoise, asciiFold, CONDITIONS, recite, runVersesSuite, splitMerge } from "../../bench/eval/verses-suite.js";
import { mulberry32 } from "../../bench/random.js";
import { loadPipelineResources } from "../../src/resources/load.js";

const ROWS = [
  { id: "BG 2.47", romanization_gitaorg: "karmaṇy-evādhikāras te mā phaleṣhu kadāchana\nmā karma-phala-hetur bhūr mā te saṅgo ’stvakarmaṇi", gitaorg_matches_iast: true },
  { id: "BG 4.7", romanization_gitaorg: "yadā yadā hi dharmasya glānir bhavati bhārata\nabhyutthānam adharmasya tadātmānaṁ sṛijāmyaham", gitaorg_matches_iast: true },
  { id: "BG 18.66", romanization_gitaorg: "sarva-dharmān parityajya mām ekaṁ śharaṇaṁ vraja\nahaṁ tvāṁ sarva-pāpebhyo mokṣhayiṣhyāmi mā śhuchaḥ", gitaorg_matches_iast: true },
  { id: "BG 1.5", romanization_gitaorg: "dhṛiṣhṭaketuśh chekitānaḥ", gitaorg_matches_iast: false },
];

function fixture(): { scriptureFile: string; englishFile: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lipi-verses-"));
  const scriptureFile = path.join(dir, "gita.jsonl");
  writeFileSync(scriptureFile, ROWS.map((r) => JSON.stringify(r)).join("\n") + "\n");
  const englishFile = path.join(dir, "english.tsv");
  writeFileSync(englishFile, "# spoken\twritten\nthe meeting starts at nine in the morning\tx\nwe sold four hundred units in the second quarter\tx\n");
  return { scriptureFile, englishFile };
}

describe("eval / verses suite", () => {
  it("scores every condition on a tiny sample and counts English false positives", () => {
    const { scriptureFile, englishFile } = fixture();
    const s = runVersesSuite({ scriptureFile, english: [{ file: englishFile, field: null }], resources: loadPipelineResources(), repoRoot: path.dirname(englishFile) });
    expect(s.verses).toBe(3);
    expect(s.skippedBoundaryMismatch).toBe(1);
    expect(s.files.map((f) => f.file)).toEqual([...CONDITIONS]);
    for (const f of s.files) expect(f, f.file).toMatchObject({ total: 3, correct: 3 });
    expect(s.overall).toEqual({ total: 18, correct: 18, accuracy: 1 });
    expect(s.falsePositives).toMatchObject({ segments: 2, flagged: 0, per10k: 0 });
    expect(Object.values(s.targets).every((t) => t.met)).toBe(true);
  });

  it("generates the same recitations for the same seed, and really perturbs them", () => {
    const row = { id: "BG 2.47", romanization: ROWS[0]!.romanization_gitaorg };
    expect(recite(row, "ascii", mulberry32(1))).toEqual(["karmany evadhikaras te ma phaleshu kadachana ma karma phala hetur bhur ma te sango stvakarmani"]);
    expect(recite(row, "noise_10", mulberry32(5))).toEqual(recite(row, "noise_10", mulberry32(5)));
    const ascii = asciiFold("abc ".repeat(500));
    const noisy = addNoise(ascii, 0.1, mulberry32(3));
    expect(noisy).not.toBe(ascii);
    const changed = [...ascii.replace(/ /g, "")].filter((c, i) => noisy.replace(/ /g, "")[i] !== c).length;
    expect(changed).toBeGreaterThan(50);
    expect(splitMerge("alpha beta gamma delta epsilon", 0.5, mulberry32(2)).replace(/ /g, "")).toBe("alphabetagammadeltaepsilon");
    const halves = recite(row, "two_segments", mulberry32(9));
    expect(halves).toHaveLength(2);
    expect(halves.join(" ")).toBe(recite(row, "ascii", mulberry32(9))[0]);
  });
});
