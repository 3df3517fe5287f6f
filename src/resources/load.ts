// Loads the data the pipeline needs (I/O lives here, not in src/pipeline):
// the English ITN tables under config/itn/en, read once per process (each
// worker thread at start, the CLI at start) and handed to compileProfile.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ITN_TABLE_NAMES, parseItnTables, type ItnTableSources, type PipelineResources } from "../pipeline/index.js";

/** config/itn/en, relative to this module (src/ or dist/, both two levels below the root). */
export const DEFAULT_ITN_DIR = fileURLToPath(new URL("../../config/itn/en/", import.meta.url));

export interface LoadResourcesOptions {
  /** Directory holding the ITN tables (default: config/itn/en). */
  itnDir?: string;
}

/** Reads and parses every table; throws naming the file and line of a bad row. A missing file is an empty table. */
export function loadPipelineResources(options: LoadResourcesOptions = {}): PipelineResources {
  const dir = options.itnDir ?? DEFAULT_ITN_DIR;
  const sources: ItnTableSources = {};
  for (const name of ITN_TABLE_NAMES) {
    const path = `${dir.endsWith("/") ? dir : `${dir}/`}${name}.tsv`;
    if (existsSync(path)) sources[name] = readFileSync(path, "utf8");
  }
  return { itn: parseItnTables(sources) };
}
