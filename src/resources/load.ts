// Loads the data the pipeline needs (I/O lives here, not in src/pipeline):
// the English ITN tables under config/itn/en and the redaction word list under
// config/redaction, read once per process (each
// worker thread at start, the CLI at start) and handed to compileProfile.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ITN_TABLE_NAMES, parseItnTables, parseWordList, type ItnTableSources, type PipelineResources } from "../pipeline/index.js";

/** config/itn/en, relative to this module (src/ or dist/, both two levels below the root). */
export const DEFAULT_ITN_DIR = fileURLToPath(new URL("../../config/itn/en/", import.meta.url));

/** config/redaction: the redaction stage's word lists. */
export const DEFAULT_REDACTION_DIR = fileURLToPath(new URL("../../config/redaction/", import.meta.url));

export interface LoadResourcesOptions {
  /** Directory holding the ITN tables (default: config/itn/en). */
  itnDir?: string;
  /** Directory holding profanity-en.txt (default: config/redaction). A missing file is an empty list. */
  redactionDir?: string;
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
  return { itn: parseItnTables(sources), profanity };
}
