// Accuracy floors on the NeMo EN ITN dev cases (nemo style) and the GoogleTN
// identity rows (default style), at the level reached when this was written,
// so regressions fail. Skipped when the shared data is not mounted.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runText } from "../helpers.js";
import { defaultItn, nemoItn } from "./helpers.js";

/** The shared evaluation data sits beside the repository (see the README). */
const DATA_DIR = path.resolve(import.meta.dirname, "../../../../shared/data");
const NEMO_DIR = path.join(DATA_DIR, "itn/en");
const GOOGLE_TN = path.join(DATA_DIR, "itn/google_tn_nemo/sentences.tsv");

/** Per-file floors (fraction exact). Files not listed must be perfect. */
const FILE_FLOORS: Record<string, number> = {
  "electronic_cased.tsv": 29 / 30, // "w w w . o u r …" with a literal "." after www
};
const OVERALL_FLOOR = 613 / 614; // 99.8% of the 614 dev pairs
// Issue 3's target is 99.5%; the floor is the level reached (99.9%: written
// prose converts 13 and up, so the rare references that keep such numbers as
// words, "forty two union men", are touched).
const IDENTITY_FLOOR = 0.998;

function pairs(path: string): Array<[string, string]> {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => {
      const [spoken, written] = l.split("\t");
      return [spoken!, (written ?? "").trim()];
    });
}

describe.skipIf(!existsSync(NEMO_DIR))("itn accuracy on NeMo EN dev cases (style: nemo)", () => {
  const files = existsSync(NEMO_DIR) ? readdirSync(NEMO_DIR).filter((f) => f.endsWith(".tsv")).sort() : [];
  let total = 0;
  let exact = 0;
  it.each(files)("%s", (file) => {
    const rows = pairs(`${NEMO_DIR}/${file}`);
    const misses = rows.filter(([spoken, written]) => runText(nemoItn, spoken).text !== written);
    total += rows.length;
    exact += rows.length - misses.length;
    const floor = FILE_FLOORS[file] ?? 1;
    expect((rows.length - misses.length) / rows.length, JSON.stringify(misses.slice(0, 5))).toBeGreaterThanOrEqual(floor - 1e-9);
  });
  it("overall", () => {
    expect(exact / total).toBeGreaterThanOrEqual(OVERALL_FLOOR - 1e-9);
  });
});

describe.skipIf(!existsSync(GOOGLE_TN))("itn leaves GoogleTN identity rows alone (default style)", () => {
  it(`at least ${IDENTITY_FLOOR * 100}% untouched`, () => {
    const identity = pairs(GOOGLE_TN).filter(([spoken, written]) => spoken === written);
    const touched = identity.filter(([spoken]) => runText(defaultItn, spoken).text !== spoken);
    expect(1 - touched.length / identity.length, touched.slice(0, 10).join("\n")).toBeGreaterThanOrEqual(IDENTITY_FLOOR);
  });
});
