// Data the stages need that is loaded once per process (never per segment):
// parsed tables, later lexicons. Loading is I/O and lives in src/resources;
// the pipeline only receives the parsed result at compile time, so it stays pure.
import type { ItnTables } from "./stages/itn/tables.js";

export interface PipelineResources {
  /** English ITN tables; without them the itn stage compiles but changes nothing. */
  itn?: ItnTables;
  /** Lower-case profane words (config/redaction/profanity-en.txt) for the redaction stage's profanity class. */
  profanity?: readonly string[];
}

export type { ItnTables } from "./stages/itn/tables.js";
