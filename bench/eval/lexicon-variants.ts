// The lexicon suite's default test set: `heard<TAB>canonical` pairs, generated
// (deterministically) so the matcher is not scored on the spellings the pack
// lists. Source words: the CC0 yoga glossary (padmasambhava/yoga-glossary, in
// ../shared/data/lexicon), popular ASCII spellings with no IAST. A glossary
// term's gold canonical is the pack entry that lists that exact spelling (terms
// the pack does not know are left out and counted). Each kept term is then
// misspelt the way ASR output and English-speaking transcribers misspell, by
// rules that are NOT the matcher's folds (keys.ts): e/i and o/u swaps, v/b,
// c/k, t/th and s/sh in both directions, a dropped, doubled or swapped letter,
// a dropped final vowel, compounds split or joined; names capitalised half the
// time (as cased ASR output and English writers do), terms never. One or two rules per variant, a fixed seed (mulberry32), so
// the set is reproducible. The suite generates it in memory; to look at it:
//
//   npx tsx bench/eval/lexicon-variants.ts [--data DIR] [--seed N] [--out FILE]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { asciiFold } from "../../src/pipeline/lexicon/keys.js";
import type { LexiconPack } from "../../src/pipeline/lexicon/types.js";
import { loadLexiconPacks, DEFAULT_LEXICON_DIR } from "../../src/resources/load.js";
import { mulberry32 } from "../random.js";

export const DEFAULT_SEED = 20261126;
const VARIANTS_PER_TERM = 2;


type Rule = (word: string, rnd: () => number) => string | null;

/** Replaces one random occurrence of `from` (a regex source) by `to`. */
function swapOne(from: string, to: string): Rule {
  return (w, rnd) => {
    const re = new RegExp(from, "g");
    const hits = [...w.matchAll(re)].filter((m) => m.index! > 0 || from.length > 1);
    if (hits.length === 0) return null;
    const m = hits[Math.floor(rnd() * hits.length)]!;
    return w.slice(0, m.index!) + to + w.slice(m.index! + m[0].length);
  };
}

const RULES: ReadonlyArray<readonly [string, Rule]> = [
  ["e>i", swapOne("e", "i")],
  ["i>e", swapOne("i", "e")],
  ["o>u", swapOne("o", "u")],
  ["u>o", swapOne("u", "o")],
  ["v>b", swapOne("v", "b")],
  ["b>v", swapOne("b(?!h)", "v")],
  ["k>c", swapOne("k(?=[aou])", "c")],
  ["c>k", swapOne("c(?!h)", "k")],
  ["t>th", swapOne("t(?!h)", "th")],
  ["th>t", swapOne("th", "t")],
  ["s>sh", swapOne("s(?!h)", "sh")],
  ["sh>s", swapOne("sh", "s")],
  ["y>i", swapOne("y(?=[aeiou])", "i")],
  [
    "drop-letter",
    (w, rnd) => {
      if (w.replace(/ /g, "").length < 6) return null;
      const i = 1 + Math.floor(rnd() * (w.length - 2));
      return w[i] === " " ? null : w.slice(0, i) + w.slice(i + 1);
    },
  ],
  [
    "double-letter",
    (w, rnd) => {
      const i = 1 + Math.floor(rnd() * (w.length - 1));
      return /[bcdfghjklmnprstvy]/.test(w[i]!) ? w.slice(0, i + 1) + w[i] + w.slice(i + 1) : null;
    },
  ],
  [
    "swap-letters",
    (w, rnd) => {
      if (w.length < 6) return null;
      const i = 1 + Math.floor(rnd() * (w.length - 3));
      if (w[i] === " " || w[i + 1] === " ") return null;
      return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    },
  ],
  ["drop-final-vowel", (w) => (/[a-z][bcdfghjklmnprstvy][aiu]$/.test(w) ? w.slice(0, -1) : null)],
  ["join", (w) => (w.includes(" ") ? w.replace(" ", "") : null)],
  [
    "split",
    (w, rnd) => {
      if (w.includes(" ") || w.length < 9) return null;
      const i = 4 + Math.floor(rnd() * (w.length - 7));
      return /[aeiou]/.test(w[i - 1]!) ? `${w.slice(0, i)} ${w.slice(i)}` : null;
    },
  ],
];

export interface GeneratedVariants {
  rows: Array<{ heard: string; canonical: string; rules: string }>;
  glossaryTerms: number;
  notInPack: string[];
}

/** Gold canonical by exact listed spelling (fold of canonical or a variant), across packs. */
function goldIndex(packs: readonly LexiconPack[]): Map<string, string> {
  const gold = new Map<string, string>();
  for (const p of packs) {
    for (const e of p.entries) {
      for (const s of [e.canonical, ...e.variants]) {
        const k = asciiFold(s);
        if (!gold.has(k)) gold.set(k, e.canonical);
      }
    }
  }
  return gold;
}

export function generateLexiconVariants(glossaryJsonl: string, packs: readonly LexiconPack[], seed = DEFAULT_SEED): GeneratedVariants {
  const rnd = mulberry32(seed);
  const gold = goldIndex(packs);
  const rows: GeneratedVariants["rows"] = [];
  const notInPack: string[] = [];
  const seen = new Set<string>();
  let glossaryTerms = 0;
  for (const line of glossaryJsonl.split("\n")) {
    if (line.trim() === "") continue;
    const term = (JSON.parse(line) as { term: string }).term;
    glossaryTerms++;
    const fold = asciiFold(term);
    const canonical = gold.get(fold);
    if (canonical === undefined) {
      notInPack.push(term);
      continue;
    }
    for (let v = 0, tries = 0; v < VARIANTS_PER_TERM && tries < 20; tries++) {
      let heard: string | null = fold;
      const used: string[] = [];
      const count = rnd() < 0.7 ? 1 : 2;
      for (let k = 0; k < count && heard !== null; k++) {
        const [name, rule] = RULES[Math.floor(rnd() * RULES.length)]!;
        heard = rule(heard, rnd);
        used.push(name);
      }
      // Unchanged, or now another entry's listed spelling: not a test of this entry.
      if (heard === null || heard === fold || gold.has(heard) || seen.has(heard)) continue;
      seen.add(heard);
      // Names are often heard capitalised (ASR with casing, English writers); terms are not.
      if (/^\p{Lu}/u.test(canonical) && rnd() < 0.5) heard = heard[0]!.toUpperCase() + heard.slice(1);
      rows.push({ heard, canonical, rules: used.join("+") });
      v++;
    }
  }
  return { rows, glossaryTerms, notInPack };
}

/** The glossary file under a data directory (../shared/data by default). */
export function glossaryPath(dataDir: string): string {
  return path.join(dataDir, "lexicon/yoga_glossary_padmasambhava.jsonl");
}

/** The generated set as TSV text (two # header lines, then heard<TAB>canonical). */
export function variantsTsv(generated: GeneratedVariants, seed: number): string {
  const { rows, glossaryTerms, notInPack } = generated;
  const header = [
    `# generated by bench/eval/lexicon-variants.ts (seed ${seed}) from the CC0 yoga glossary (padmasambhava/yoga-glossary @ 77ce0ee645a064ba76862d4078864da08b1ad0a8);`,
    `# ${glossaryTerms} glossary terms, ${notInPack.length} not in the packs (left out); columns: heard<TAB>canonical (misspelling rules in the generator)`,
  ];
  return [...header, ...rows.map((r) => `${r.heard}\t${r.canonical}`)].join("\n") + "\n";
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const root = path.resolve(import.meta.dirname, "../..");
  const data = path.resolve(opt("--data") ?? path.join(root, "../shared/data"));
  const seed = Number(opt("--seed") ?? DEFAULT_SEED);
  const generated = generateLexiconVariants(readFileSync(glossaryPath(data), "utf8"), loadLexiconPacks(DEFAULT_LEXICON_DIR), seed);
  const tsv = variantsTsv(generated, seed);
  const out = opt("--out");
  if (out === undefined) process.stdout.write(tsv);
  else writeFileSync(path.resolve(out), tsv);
  console.error(`${generated.rows.length} pairs from ${generated.glossaryTerms - generated.notInPack.length} of ${generated.glossaryTerms} glossary terms`);
}

if (process.argv[1] !== undefined && import.meta.filename === path.resolve(process.argv[1])) main();
