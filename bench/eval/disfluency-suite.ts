// The `disfluency` suite:
// - Rev16 deletion-only segments: which verbatim tokens the stage removed vs
//   which the human non-verbatim transcript dropped (token P/R/F1, micro-averaged);
//   again in the form raw ASR gives (lower case, no punctuation), where no pause shows.
// - Disfl-QA: exact match with the fluent question after normalizeQuestion, and
//   no-harm: every fluent question run on its own must come out unchanged.
// - LibriTTS book text (`reference_spoken`: the sentences read aloud, numbers as
//   said): no-harm on fluent prose from another domain; every row should come out unchanged.
// Files are recognised by their rows' keys, so other splits can be dropped in.
import { readFileSync } from "node:fs";
import path from "node:path";

import type { CompiledPipeline } from "../../src/pipeline/index.js";
import { stageOnlyPipeline, textSegment } from "./pipelines.js";
import { rawAsrForm } from "./normalise.js";
import { normalizeQuestion, precisionRecall, scoreRemovals, tally, type PrecisionRecall, type Tally } from "./score.js";

export interface DisfluencySummary {
  suite: "disfluency";
  pipeline: string;
  files: ({ file: string } & Tally)[];
  overall: Tally;
  rev16?: Rev16Figures;
  /** The same rows as raw ASR gives them: lower case, no punctuation (rawAsrForm). */
  rev16Raw?: Rev16Figures;
  disflQa?: { exact: Tally; noHarm: Tally };
  /** Disfl-QA again with `typed_corrections: true`: its questions were typed, and that is the setting for typed text. */
  disflQaTyped?: { exact: Tally; noHarm: Tally };
  /** Read book text run through the stage: rows that came out unchanged. */
  readText?: { noHarm: Tally };
  failures?: { file: string; input: string; expected: string; got: string }[];
}

type Rev16Figures = PrecisionRecall & { segments: number; truePositive: number; falsePositive: number; falseNegative: number; unalignedTokens: number };
type Row = Record<string, unknown>;

export function readJsonl(file: string): Row[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Row);
}

export function defaultDisfluencyFiles(dataDir: string): string[] {
  return [
    path.join(dataDir, "disfluency/rev16/segments_dev.jsonl"),
    path.join(dataDir, "disfluency/disfl_qa/pairs_dev.jsonl"),
    path.join(dataDir, "asr-pairs/libritts_nemo_dev.jsonl"),
  ];
}

/** The source word indexes the output kept (a word's source span covers the words it came from). */
export function keptMask(pipeline: CompiledPipeline, text: string, count: number): boolean[] {
  const kept = new Array<boolean>(count).fill(false);
  for (const w of pipeline.run(textSegment(text), {}).result.words) {
    for (let i = w.source.start; i < w.source.end; i++) kept[i] = true;
  }
  return kept;
}

export function scoreRev16(pipeline: CompiledPipeline, rows: readonly Row[], failures: NonNullable<DisfluencySummary["failures"]>, file: string, form: (text: string) => string = (t) => t) {
  const c = { truePositive: 0, falsePositive: 0, falseNegative: 0, unaligned: 0 };
  let segments = 0;
  let exact = 0;
  for (const row of rows) {
    if (row.deletion_only === false || typeof row.verbatim !== "string" || typeof row.nonverbatim !== "string") continue;
    const input = form(row.verbatim);
    const verbatim = input.split(/\s+/).filter((t) => t !== "");
    const reference = form(row.nonverbatim).split(/\s+/).filter((t) => t !== "");
    const kept = keptMask(pipeline, input, verbatim.length);
    const s = scoreRemovals(verbatim, kept, reference);
    c.truePositive += s.truePositive;
    c.falsePositive += s.falsePositive;
    c.falseNegative += s.falseNegative;
    c.unaligned += s.unaligned;
    segments++;
    if (s.falsePositive === 0 && s.falseNegative === 0) exact++;
    else failures.push({ file, input, expected: form(row.nonverbatim), got: verbatim.filter((_, i) => kept[i]).join(" ") });
  }
  const pr = precisionRecall(c);
  return {
    tally: tally(segments, exact),
    rev16: { ...pr, segments, truePositive: c.truePositive, falsePositive: c.falsePositive, falseNegative: c.falseNegative, unalignedTokens: c.unaligned },
  };
}

function outputText(pipeline: CompiledPipeline, text: string): string {
  return pipeline.run(textSegment(text), {}).result.text;
}

export function scoreDisflQa(pipeline: CompiledPipeline, rows: readonly Row[], failures: NonNullable<DisfluencySummary["failures"]>, file: string) {
  let total = 0, exact = 0, unchanged = 0;
  for (const row of rows) {
    if (typeof row.disfluent !== "string" || typeof row.fluent !== "string") continue;
    total++;
    const got = outputText(pipeline, row.disfluent);
    if (normalizeQuestion(got) === normalizeQuestion(row.fluent)) exact++;
    else failures.push({ file, input: row.disfluent, expected: row.fluent, got });
    // No harm is strict: a fluent question comes back byte-identical (whitespace runs aside).
    const fluent = row.fluent.trim().replace(/\s+/g, " ");
    const again = outputText(pipeline, row.fluent);
    if (again === fluent) unchanged++;
    else failures.push({ file: `${file} (no-harm)`, input: row.fluent, expected: fluent, got: again });
  }
  return { exact: tally(total, exact), noHarm: tally(total, unchanged) };
}

/** Fluent text the stage should leave as it is: the share of rows that come out byte-identical (whitespace runs aside). */
export function scoreUnchanged(pipeline: CompiledPipeline, texts: readonly string[], failures: NonNullable<DisfluencySummary["failures"]>, file: string): Tally {
  let unchanged = 0;
  for (const t of texts) {
    const text = t.trim().replace(/\s+/g, " ");
    const got = outputText(pipeline, text);
    if (got === text) unchanged++;
    else failures.push({ file: `${file} (no-harm)`, input: text, expected: text, got });
  }
  return tally(texts.length, unchanged);
}

export function runDisfluencySuite(files: readonly string[], repoRoot: string): DisfluencySummary {
  const { pipeline, note } = stageOnlyPipeline("disfluency", [{}], undefined);
  if (pipeline === null) throw new Error(note);
  const typed = stageOnlyPipeline("disfluency", [{ params: { typed_corrections: true } }], undefined).pipeline;
  const summary: DisfluencySummary = { suite: "disfluency", pipeline: note, files: [], overall: tally(0, 0), failures: [] };
  const failures = summary.failures!;
  for (const file of files) {
    const rows = readJsonl(file);
    const shown = path.relative(repoRoot, file);
    const first = rows[0] ?? {};
    if ("verbatim" in first) {
      const r = scoreRev16(pipeline, rows, failures, shown);
      summary.files.push({ file: shown, ...r.tally });
      summary.rev16 = r.rev16;
      // Scored the same way; its misses are not listed.
      summary.rev16Raw = scoreRev16(pipeline, rows, [], shown, rawAsrForm).rev16;
    } else if ("disfluent" in first) {
      const r = scoreDisflQa(pipeline, rows, failures, shown);
      summary.files.push({ file: shown, ...r.exact });
      summary.disflQa = r;
      // Scored the same way; its misses are not listed again.
      if (typed !== null) summary.disflQaTyped = scoreDisflQa(typed, rows, [], shown);
    } else if ("reference_spoken" in first) {
      const texts = rows.map((r) => r.reference_spoken).filter((t): t is string => typeof t === "string" && t.trim() !== "");
      const noHarm = scoreUnchanged(pipeline, texts, failures, shown);
      summary.files.push({ file: shown, ...noHarm });
      summary.readText = { noHarm };
    } else {
      throw new Error(`${shown}: rows have none of verbatim/nonverbatim, disfluent/fluent or reference_spoken keys`);
    }
  }
  const total = summary.files.reduce((s, f) => s + f.total, 0);
  summary.overall = tally(total, summary.files.reduce((s, f) => s + f.correct, 0));
  return summary;
}
