// The `itn` suite: exact match per spoken->written file; GoogleTN sentences
// (space-tokenized Wikipedia text) with the tolerant key, identity rows (must
// stay unchanged) and changed rows (must be normalised) reported apart.
import path from "node:path";

import type { CompiledPipeline } from "../../src/pipeline/index.js";
import { runText, stageOnlyPipeline } from "./pipelines.js";
import { itnExact, tally, tolerantKey, type Tally } from "./score.js";
import { readTsv, type TsvRow } from "./tsv.js";

export interface FileResult extends Tally {
  file: string;
}

export interface Failure {
  file: string;
  line: number;
  spoken: string;
  expected: string;
  got: string;
}

export interface ItnSummary {
  suite: "itn";
  pipeline: string;
  files: FileResult[];
  overall: Tally;
  googleTn?: { file: string; identity: Tally; changed: Tally; all: Tally };
  malformedLines: number;
  failures?: Failure[];
}

/** NeMo's conventions first (the ITN stage's `style: nemo` preset), then plain defaults. */
export const ITN_SETTINGS = [{ params: { style: "nemo" } }, {}] as const;

/** GoogleTN's file is told apart by name: it is scored tolerantly, not exactly. */
export function isGoogleTn(file: string): boolean {
  return path.basename(path.dirname(file)) === "google_tn_nemo" || /google.?tn/i.test(path.basename(file));
}

function scoreRows(pipeline: CompiledPipeline | null, file: string, rows: readonly TsvRow[], tolerant: boolean, failures: Failure[]) {
  let identityTotal = 0, identityCorrect = 0, changedTotal = 0, changedCorrect = 0;
  for (const row of rows) {
    const got = pipeline === null ? null : runText(pipeline, row.spoken);
    const ok = got !== null && (tolerant ? tolerantKey(got) === tolerantKey(row.written) : itnExact(got, row.written));
    const identity = tolerant ? tolerantKey(row.spoken) === tolerantKey(row.written) : itnExact(row.spoken, row.written);
    if (identity) { identityTotal++; if (ok) identityCorrect++; }
    else { changedTotal++; if (ok) changedCorrect++; }
    if (!ok) failures.push({ file, line: row.line, spoken: row.spoken, expected: row.written, got: got ?? "(no itn stage)" });
  }
  return { identity: tally(identityTotal, identityCorrect), changed: tally(changedTotal, changedCorrect) };
}

export function runItnSuite(files: readonly string[], resources: unknown, repoRoot: string): ItnSummary {
  const { pipeline, note } = stageOnlyPipeline("itn", ITN_SETTINGS, resources);
  // GoogleTN is Wikipedia text, not NeMo's test style: it is scored with the
  // settings lipi ships (the default style), which is what users get.
  const shipped = stageOnlyPipeline("itn", [{}], resources).pipeline;
  const results: FileResult[] = [];
  const failures: Failure[] = [];
  let malformed = 0;
  let googleTn: ItnSummary["googleTn"];
  for (const file of files) {
    const { rows, malformed: bad } = readTsv(file);
    malformed += bad.length;
    const shown = path.relative(repoRoot, file);
    const tolerant = isGoogleTn(file);
    const { identity, changed } = scoreRows(tolerant ? shipped : pipeline, shown, rows, tolerant, failures);
    const all = tally(identity.total + changed.total, identity.correct + changed.correct);
    results.push({ file: shown, ...all });
    if (tolerant) googleTn = { file: shown, identity, changed, all };
  }
  // Overall is exact match over the exact-match files; GoogleTN (tolerant,
  // another style) is reported in its own block.
  const exact = results.filter((r) => r.file !== googleTn?.file);
  const total = exact.reduce((s, r) => s + r.total, 0);
  const correct = exact.reduce((s, r) => s + r.correct, 0);
  const summary: ItnSummary = { suite: "itn", pipeline: note, files: results, overall: tally(total, correct), malformedLines: malformed, failures };
  if (googleTn !== undefined) summary.googleTn = googleTn;
  return summary;
}
