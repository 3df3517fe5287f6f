import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { generatePiiCases, luhnCard } from "../../bench/eval/pii-cases.js";
import { leaks, redactionProfile, runRedactionSuite } from "../../bench/eval/redaction-suite.js";
import { REPO_ROOT } from "../../bench/eval/pipelines.js";
import { mulberry32 } from "../../bench/random.js";
import { loadConfig } from "../../src/config/load.js";
import { loadPipelineResources } from "../../src/resources/load.js";

const profiles = loadConfig({ env: {} }).pipeline.profiles;
const resources = loadPipelineResources();

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let d = Number(digits[digits.length - 1 - k]);
    if (k % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

describe("eval / redaction cases", () => {
  it("are reproducible from the seed and cover every class, split and interim", () => {
    const a = generatePiiCases(300, 5);
    expect(generatePiiCases(300, 5)).toEqual(a);
    expect(new Set(a.map((c) => c.piiClass)).size).toBe(6);
    expect(a.some((c) => c.segments.length === 2)).toBe(true);
    expect(a.some((c) => c.interim)).toBe(true);
    expect(a.every((c) => !(c.interim && c.segments.length > 1))).toBe(true);
  });

  it("make Luhn-valid card numbers", () => {
    const rnd = mulberry32(9);
    for (let k = 0; k < 50; k++) expect(luhnValid(luhnCard(rnd))).toBe(true);
  });

  it("count a case as leaked when five digits in a row or an address's word survive", () => {
    const fold = (t: string) => t;
    const card = { id: 0, piiClass: "credit_card" as const, form: "f", segments: [], interim: false, secret: { digits: "4111111111111111" } };
    expect(leaks(card, ["card 4111", "[CREDIT_CARD]"], fold)).toBe(false);
    expect(leaks(card, ["card 4111 1", "[CREDIT_CARD]"], fold)).toBe(true);
    const mail = { ...card, piiClass: "email" as const, secret: { words: ["john", "gmail"] } };
    expect(leaks(mail, ["write to [EMAIL]"], fold)).toBe(false);
    expect(leaks(mail, ["write to John dot [EMAIL]"], fold)).toBe(true);
  });
});

describe("eval / redaction suite", () => {
  it("tags URLs too, and counts redactions in English that must not change", () => {
    expect(redactionProfile(profiles).stages!["redaction"]!.params).toMatchObject({ url_policy: "tag" });
    const dir = mkdtempSync(path.join(os.tmpdir(), "lipi-redaction-eval-"));
    const english = path.join(dir, "sentences.tsv");
    writeFileSync(english, "He scored 12 points in 1998 .\tHe scored 12 points in 1998 .\nMail a@b.com today .\tMail a@b.com today .\n");
    const s = runRedactionSuite({ profiles, resources, repoRoot: REPO_ROOT, englishFile: english, cases: 60, seed: 3 });
    expect(s.overall.total).toBe(60);
    expect(s.overall.correct).toBe(60);
    expect(s.falsePositives).toMatchObject({ sentences: 2, flagged: 1 });
  });
});
