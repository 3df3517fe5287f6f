// Builds config/redaction/profanity-en.txt, the redaction stage's profanity
// list, from a maintained list and two of lipi's own files:
//   - the English list of LDNOOBW ("List of Dirty, Naughty, Obscene and
//     Otherwise Bad Words", npm naughty-words, CC BY 4.0): its one-word entries;
//   - config/redaction/profanity-extra-en.txt: words lipi adds (inflections,
//     British and mild oaths);
//   - config/redaction/profanity-exempt-en.txt: words of the source a
//     transcript keeps (anatomy, medicine, law, history).
//   npx tsx bench/build-profanity-list.ts [--check]
// --check exits 1 when the committed file is not what the sources give.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { parseWordList } from "../src/pipeline/stages/redaction/options.js";
import { REPO_ROOT } from "./eval/pipelines.js";

const DIR = path.join(REPO_ROOT, "config/redaction");
export const PROFANITY_FILE = path.join(DIR, "profanity-en.txt");

/** The source's one-word entries, lower-case (phrases are left out: the stage masks words). */
export function sourceWords(): string[] {
  const require = createRequire(import.meta.url);
  const en = require("naughty-words/en.json") as string[];
  return en.map((w) => w.trim().toLowerCase()).filter((w) => w !== "" && !/\s/.test(w));
}

/** (source ∪ extra) − exempt, sorted, each word once. */
export function buildProfanityList(source: readonly string[], extra: readonly string[], exempt: readonly string[]): string[] {
  const out = new Set([...source, ...extra]);
  for (const w of exempt) out.delete(w);
  return [...out].sort();
}

export function renderProfanityFile(words: readonly string[]): string {
  return [
    "# English profanity list for the redaction stage (class `profanity`). Built by",
    "# bench/build-profanity-list.ts (do not edit: edit its sources and re-run it) from",
    "# - the English list of LDNOOBW, https://github.com/LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words",
    "#   (npm naughty-words 1.2.0), licence CC BY 4.0, one-word entries;",
    "# - profanity-extra-en.txt (words lipi adds), less profanity-exempt-en.txt (words a transcript keeps).",
    "# Profiles add words with `profanity_words` and exempt words with `profanity_allow`.",
    ...words,
    "",
  ].join("\n");
}

export function builtProfanityFile(): string {
  const read = (name: string) => parseWordList(readFileSync(path.join(DIR, name), "utf8"));
  return renderProfanityFile(buildProfanityList(sourceWords(), read("profanity-extra-en.txt"), read("profanity-exempt-en.txt")));
}

function main(): void {
  const built = builtProfanityFile();
  if (process.argv.includes("--check")) {
    const current = readFileSync(PROFANITY_FILE, "utf8");
    if (current !== built) {
      console.error(`${path.relative(REPO_ROOT, PROFANITY_FILE)} is not what its sources give: run npx tsx bench/build-profanity-list.ts`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(PROFANITY_FILE, built);
  console.log(`${path.relative(REPO_ROOT, PROFANITY_FILE)}: ${built.split("\n").filter((l) => l !== "" && !l.startsWith("#")).length} words`);
}

if (process.argv[1] !== undefined && import.meta.filename === path.resolve(process.argv[1])) main();
