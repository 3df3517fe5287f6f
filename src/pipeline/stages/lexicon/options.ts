// Lexicon stage options, and the index they select. The index is built once
// per set of packs per loaded resources (memoised), never per stream: workers
// compile a profile per stream, and a 100k-entry index takes a while to build.
import { buildLexiconIndex, spellingWords, type LexiconIndex } from "../../lexicon/lexicon-index.js";
import type { LexiconPack } from "../../lexicon/types.js";
import type { PipelineResources } from "../../resources.js";
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings } from "../../stage.js";
import { MAX_EVIDENCE_SEGMENTS } from "./cross.js";
import { DOMAIN_EVIDENCE_POLICIES, type DomainEvidencePolicy } from "./evidence.js";

/** What happens to a match on an ordinary English word (english_terms) or on a `protected` entry (protected_entries). */
export const ENGLISH_TERM_POLICIES = ["keep", "suggest", "apply"] as const;
export type EnglishTermPolicy = (typeof ENGLISH_TERM_POLICIES)[number];

export interface LexiconOptions extends BaseStageOptions {
  /** Absent when no pack is active (or resources were not given): the stage changes nothing. */
  index: LexiconIndex | undefined;
  exact: boolean;
  phonetic: boolean;
  fuzzy: boolean;
  crossSegment: boolean;
  /** The best candidate must beat the runner-up by this much, else it is only suggested. */
  margin: number;
  englishTerms: EnglishTermPolicy;
  /** What happens to a match on an entry the pack marks `protected` (its canonical is English too: karma, cakra/chakra). */
  protectedEntries: EnglishTermPolicy;
  /** Lower-case words (SCOWL size level, 10 = most common) counted as ordinary English up to englishLevel. */
  englishWords: ReadonlyMap<string, number>;
  /** The most common of them (englishWords at SCOWL level 10: see frequentEnglishWords). */
  frequentEnglish: ReadonlyMap<string, number>;
  englishLevel: number;
  /** Whether a listed spelling of a name ("Shiva") waits for domain evidence in the stream (evidence.ts). */
  domainEvidence: DomainEvidencePolicy;
  /** Final segments one piece of domain evidence lasts. */
  evidenceSegments: number;
  /** Lower-case names English writes capitalised (the casing stage's lists: "canada", "david"): a capitalised one changes only by a listed spelling. */
  englishNames: ReadonlyMap<string, string>;
  /** Lower-case words never taken for a lexicon term (built-in list + the profile's additions). */
  stopWords: ReadonlySet<string>;
  /** The words of the index's spellings that the English lists know (englishWords, englishNames): see englishWordsInPacks. */
  englishInPacks: ReadonlySet<string>;
}

export const DEFAULT_LEXICON_THRESHOLD = 0.8;
export const DEFAULT_MARGIN = 0.05;
export const DEFAULT_ENGLISH_LEVEL = 50;
export const DEFAULT_EVIDENCE_SEGMENTS = 200;

const NO_WORDS: ReadonlyMap<string, number> = new Map();
const NO_NAMES: ReadonlyMap<string, string> = new Map();
const indexCache = new WeakMap<readonly LexiconPack[], Map<string, LexiconIndex>>();

/** The index over `ids` (in that order), built on first use for this resources' packs. */
export function indexFor(packs: readonly LexiconPack[], ids: readonly string[]): LexiconIndex {
  let byIds = indexCache.get(packs);
  if (byIds === undefined) indexCache.set(packs, (byIds = new Map()));
  const key = ids.join("\u0000");
  let index = byIds.get(key);
  if (index === undefined) {
    const chosen = ids.map((id) => packs.find((p) => p.id === id)!);
    index = buildLexiconIndex(chosen);
    byIds.set(key, index);
  }
  return index;
}

/** SCOWL's most common level: a few thousand words, most of a transcript's words. */
const FREQUENT_LEVEL = 10;
const frequentCache = new WeakMap<ReadonlyMap<string, number>, ReadonlyMap<string, number>>();

/**
 * The most common English words in a map of their own: small enough to stay
 * in the CPU caches, where the full list (a hundred thousand words) does not,
 * and two words in three of a transcript are among them.
 */
export function frequentEnglishWords(words: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  let frequent = frequentCache.get(words);
  if (frequent === undefined) frequentCache.set(words, (frequent = new Map([...words].filter(([, level]) => level <= FREQUENT_LEVEL))));
  return frequent;
}

const englishCache = new WeakMap<LexiconIndex, WeakMap<ReadonlyMap<string, number>, WeakMap<ReadonlyMap<string, string>, ReadonlySet<string>>>>();

/**
 * The words of the index's listed spellings and canonicals that the English
 * lists know ("yoga", "karma", "rama"): whether an English word is some
 * pack's word is then asked of this small set, which stays in the CPU caches,
 * rather than of the index's word filter, which in a big lexicon does not
 * (most words of a transcript are English). Built once per index and lists.
 */
export function englishWordsInPacks(index: LexiconIndex, words: ReadonlyMap<string, number>, names: ReadonlyMap<string, string>): ReadonlySet<string> {
  let byWords = englishCache.get(index);
  if (byWords === undefined) englishCache.set(index, (byWords = new WeakMap()));
  let byNames = byWords.get(words);
  if (byNames === undefined) byWords.set(words, (byNames = new WeakMap()));
  let found = byNames.get(names);
  if (found === undefined) {
    const english = [...spellingWords(index)].filter((w) => words.has(w) || names.has(w));
    byNames.set(names, (found = new Set(english)));
  }
  return found;
}

export function parseLexiconOptions(settings: ResolvedStageSettings, resources: PipelineResources): LexiconOptions {
  const r = new OptionReader("lexicon", settings);
  const applyThreshold = r.applyThreshold(DEFAULT_LEXICON_THRESHOLD);
  const exact = r.classEnabled("exact");
  const phonetic = r.classEnabled("phonetic");
  const fuzzy = r.classEnabled("fuzzy");
  const crossSegment = r.classEnabled("cross_segment");
  const margin = r.number("margin", DEFAULT_MARGIN, 0, 1);
  const englishTerms = r.choice("english_terms", "keep", ENGLISH_TERM_POLICIES);
  const protectedEntries = r.choice("protected_entries", "keep", ENGLISH_TERM_POLICIES);
  const englishLevel = r.number("english_level", DEFAULT_ENGLISH_LEVEL, 0, 100);
  const extraStops = r.stringList("stop_words", []) ?? [];
  const domainEvidence = r.choice("domain_evidence", "required", DOMAIN_EVIDENCE_POLICIES);
  const evidenceSegments = r.number("evidence_segments", DEFAULT_EVIDENCE_SEGMENTS, 1, MAX_EVIDENCE_SEGMENTS);
  const loaded = resources.lexicons;
  const requested = r.stringList("packs", loaded?.map((p) => p.id) ?? []) ?? [];
  const ids = [...new Set(requested)];
  // Without resources (validation only) pack ids cannot be checked here; the
  // worker that compiles with resources does check them.
  if (loaded !== undefined) {
    const known = loaded.map((p) => p.id);
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length > 0) r.fail("params.packs", `unknown lexicon pack(s) ${unknown.join(", ")}; loaded: ${known.join(", ") || "none"}`);
  }
  r.finish();
  const stopWords = new Set<string>([...(resources.lexiconStopWords ?? []), ...extraStops.map((w) => w.toLowerCase())]);
  const index = loaded !== undefined && ids.length > 0 ? indexFor(loaded, ids) : undefined;
  const englishWords = resources.englishWords ?? NO_WORDS;
  const englishNames = resources.casing?.names ?? NO_NAMES;
  return {
    applyThreshold,
    index,
    exact,
    phonetic,
    fuzzy,
    crossSegment,
    margin,
    englishTerms,
    protectedEntries,
    englishWords,
    frequentEnglish: frequentEnglishWords(englishWords),
    englishLevel,
    domainEvidence,
    evidenceSegments: Math.round(evidenceSegments),
    englishNames,
    stopWords,
    englishInPacks: index === undefined ? new Set() : englishWordsInPacks(index, englishWords, englishNames),
  };
}
