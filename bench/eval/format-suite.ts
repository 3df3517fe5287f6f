// The `format` suite: end-to-end formatting of raw ASR output (asr-pairs
// format: JSON lines of {asr, reference}). For every file, the raw ASR text and
// lipi's output (a whole profile, as the server runs it) are scored against the
// reference:
// - WER (a) case- and punctuation-sensitive: tokens split on whitespace with
//   punctuation attached ("Hello," ≠ "hello"), i.e. formatting quality;
// - WER (b) after standard normalisation (normalise.ts; numbers folded by
//   lipi's ITN on every side): the no-harm check — lipi must not make the
//   words worse than the raw ASR;
// - punctuation P/R/F1 for periods, commas, question marks and sentence ends
//   (periods + question marks together), and casing accuracy, on the words of
//   the output that align to an identical reference word (per-word keys:
//   lowercase, edge punctuation stripped).
// Earnings-21 references are verbatim (they keep "um"), so files whose path
// mentions "earnings" run with the `verbatim` profile, others with `clean`.
// Rev16 (verbatim vs clean transcripts of podcasts) is read as {asr, reference}
// with its verbatim side in raw ASR form: the clean profile's fillers, repairs
// and punctuation after removal, scored against what a transcriber wrote.
// Records that name their recording (`file_id`, as Earnings-21 segments do)
// are fed as a real client streams a call: consecutive segments of one
// recording in one stream, the context carried from segment to segment.
// Records without one (LibriTTS: each utterance its own clip) are a stream each.
import { readFileSync } from "node:fs";
import path from "node:path";

import { compileProfile, type CompiledPipeline, type PipelineResources, type StreamContext } from "../../src/pipeline/index.js";
import type { ProfileConfig } from "../../src/config/schema.js";
import { firstLetterUpper, normalisedTokens, rawAsrForm, sensitiveTokens, trailingMark, wordKey, type Mark } from "./normalise.js";
import { runText, stageOnlyPipeline, textSegment } from "./pipelines.js";
import { precisionRecall, round, tally, type PrecisionRecall, type Tally } from "./score.js";
import { addErrors, alignTokens, emptyErrors, MAX_ALIGN_TOKENS, wer, wordErrors, type WordErrors } from "./wer.js";

export interface AsrPair {
  asr: string;
  reference: string;
  /** 1-based line in the file. */
  line: number;
  /** The recording the record was cut from (`file_id`): consecutive records of one recording are one stream. */
  stream?: string;
}

export class JsonlFormatError extends Error {
  constructor(
    readonly file: string,
    readonly lines: { line: number; reason: string }[],
  ) {
    const shown = lines.slice(0, 10).map((l) => `line ${l.line}: ${l.reason}`).join("; ");
    super(`${file}: ${lines.length} malformed line${lines.length === 1 ? "" : "s"} (${shown}${lines.length > 10 ? "; …" : ""})`);
  }
}

/** Parses asr-pairs JSON lines; blank lines are skipped, any other bad line rejects the file with its line number. */
export function parseAsrPairs(content: string, file = "(input)"): AsrPair[] {
  const rows: AsrPair[] = [];
  const bad: { line: number; reason: string }[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      bad.push({ line: i + 1, reason: "not JSON" });
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      bad.push({ line: i + 1, reason: "not a JSON object" });
      continue;
    }
    const row = value as Record<string, unknown>;
    // A verbatim/clean transcript pair (Rev16): the verbatim side as raw ASR gives it, against the clean one.
    const transcripts = typeof row.asr !== "string" && typeof row.verbatim === "string" && typeof row.nonverbatim === "string";
    const asr = transcripts ? rawAsrForm(row.verbatim as string) : row.asr;
    const reference = transcripts ? row.nonverbatim : row.reference;
    if (typeof asr !== "string" || typeof reference !== "string") {
      bad.push({ line: i + 1, reason: "asr and reference (or verbatim and nonverbatim) must be strings" });
      continue;
    }
    const stream = typeof row.file_id === "string" || typeof row.file_id === "number" ? String(row.file_id) : undefined;
    rows.push({ asr, reference, line: i + 1, ...(stream !== undefined ? { stream } : {}) });
  }
  if (bad.length > 0) throw new JsonlFormatError(file, bad);
  return rows;
}

export function readAsrPairs(file: string, shown = file): AsrPair[] {
  return parseAsrPairs(readFileSync(file, "utf8"), shown);
}

export function defaultFormatFiles(dataDir: string): string[] {
  return [
    path.join(dataDir, "asr-pairs/libritts_nemo_dev.jsonl"),
    path.join(dataDir, "asr-pairs/earnings21/segments_dev.jsonl"),
    path.join(dataDir, "disfluency/rev16/segments_dev.jsonl"),
  ];
}

/** Earnings-21 references are verbatim: its files get the verbatim profile; everything else clean. */
export function profileForFile(file: string): "clean" | "verbatim" {
  return /earnings/i.test(file) ? "verbatim" : "clean";
}

// ---- punctuation and casing ----------------------------------------------------

export type MarkClass = "period" | "comma" | "question";
export interface ClassCounts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}
export interface FormatCounts {
  period: ClassCounts;
  comma: ClassCounts;
  question: ClassCounts;
  sentenceEnd: ClassCounts;
  /** Aligned words whose first character is a letter on both sides, and those whose first-letter case matches. */
  casingTotal: number;
  casingCorrect: number;
}

function emptyClass(): ClassCounts {
  return { truePositive: 0, falsePositive: 0, falseNegative: 0 };
}
export function emptyFormatCounts(): FormatCounts {
  return { period: emptyClass(), comma: emptyClass(), question: emptyClass(), sentenceEnd: emptyClass(), casingTotal: 0, casingCorrect: 0 };
}
function addClass(into: ClassCounts, c: ClassCounts): void {
  into.truePositive += c.truePositive;
  into.falsePositive += c.falsePositive;
  into.falseNegative += c.falseNegative;
}
export function addFormatCounts(into: FormatCounts, c: FormatCounts): void {
  addClass(into.period, c.period);
  addClass(into.comma, c.comma);
  addClass(into.question, c.question);
  addClass(into.sentenceEnd, c.sentenceEnd);
  into.casingTotal += c.casingTotal;
  into.casingCorrect += c.casingCorrect;
}

interface Word {
  key: string;
  token: string;
  mark: Mark;
}

/** Words with their keys; a token with no letters or digits (" — ", a lone ".") gives its mark to the word before. */
function words(text: string): Word[] {
  const out: Word[] = [];
  for (const token of sensitiveTokens(text)) {
    const key = wordKey(token);
    if (key === "") {
      const prev = out.at(-1);
      if (prev !== undefined && prev.mark === null) prev.mark = trailingMark(token);
      continue;
    }
    out.push({ key, token, mark: trailingMark(token) });
  }
  return out;
}

function scoreClass(c: ClassCounts, hyp: boolean, ref: boolean): void {
  if (hyp && ref) c.truePositive++;
  else if (hyp) c.falsePositive++;
  else if (ref) c.falseNegative++;
}

/**
 * Punctuation and casing of `hyp` against `ref`: words are aligned on their
 * keys and only words equal on both sides (alignment matches) are scored: the
 * mark after each such word per class, and first-letter case. Null when the
 * record is too long to align.
 */
export function scoreFormatting(hyp: string, ref: string, maxTokens = MAX_ALIGN_TOKENS): FormatCounts | null {
  const h = words(hyp);
  const r = words(ref);
  const ops = alignTokens(r.map((w) => w.key), h.map((w) => w.key), maxTokens);
  if (ops === null) return null;
  const c = emptyFormatCounts();
  for (const o of ops) {
    if (o.op !== "match") continue;
    const hw = h[o.hyp]!;
    const rw = r[o.ref]!;
    scoreClass(c.period, hw.mark === ".", rw.mark === ".");
    scoreClass(c.comma, hw.mark === ",", rw.mark === ",");
    scoreClass(c.question, hw.mark === "?", rw.mark === "?");
    const hEnd = hw.mark === "." || hw.mark === "?";
    const rEnd = rw.mark === "." || rw.mark === "?";
    scoreClass(c.sentenceEnd, hEnd, rEnd);
    const hu = firstLetterUpper(hw.token);
    const ru = firstLetterUpper(rw.token);
    if (hu !== null && ru !== null) {
      c.casingTotal++;
      if (hu === ru) c.casingCorrect++;
    }
  }
  return c;
}

// ---- the suite -----------------------------------------------------------------

export interface WerFigures extends WordErrors {
  wer: number;
}
export interface SideFigures {
  /** (a) case- and punctuation-sensitive. */
  sensitive: WerFigures;
  /** (b) after standard normalisation (lowercase, no punctuation, numbers folded). */
  normalised: WerFigures;
  casing: Tally;
}
export interface FormatFigures {
  /** Records scored (the exact tally: output equal to the reference after normalisation). */
  total: number;
  correct: number;
  accuracy: number;
  records: number;
  /** Records not scored because one side exceeds MAX_ALIGN_TOKENS tokens. */
  skippedTooLong: number;
  raw: SideFigures;
  processed: SideFigures;
  punctuation: Record<MarkClass | "sentenceEnd", PrecisionRecall & ClassCounts>;
}
export interface FormatFileResult extends FormatFigures {
  file: string;
  profile: string;
}
export interface FormatFailure {
  file: string;
  line: number;
  asr: string;
  reference: string;
  got: string;
  rawErrors: number;
  processedErrors: number;
}
export interface FormatSummary {
  suite: "format";
  pipeline: string;
  numberFold: string;
  files: FormatFileResult[];
  overall: FormatFigures;
  /** Records where lipi's output has more normalised word errors than the raw ASR (no-harm misses). */
  failures?: FormatFailure[];
}

interface Accumulator {
  records: number;
  skipped: number;
  exact: number;
  rawSensitive: WordErrors;
  rawNormalised: WordErrors;
  procSensitive: WordErrors;
  procNormalised: WordErrors;
  rawFormat: FormatCounts;
  procFormat: FormatCounts;
}

function emptyAccumulator(): Accumulator {
  return {
    records: 0,
    skipped: 0,
    exact: 0,
    rawSensitive: emptyErrors(),
    rawNormalised: emptyErrors(),
    procSensitive: emptyErrors(),
    procNormalised: emptyErrors(),
    rawFormat: emptyFormatCounts(),
    procFormat: emptyFormatCounts(),
  };
}

function addAccumulator(into: Accumulator, a: Accumulator): void {
  into.records += a.records;
  into.skipped += a.skipped;
  into.exact += a.exact;
  addErrors(into.rawSensitive, a.rawSensitive);
  addErrors(into.rawNormalised, a.rawNormalised);
  addErrors(into.procSensitive, a.procSensitive);
  addErrors(into.procNormalised, a.procNormalised);
  addFormatCounts(into.rawFormat, a.rawFormat);
  addFormatCounts(into.procFormat, a.procFormat);
}

function werFigures(e: WordErrors): WerFigures {
  return { ...e, wer: round(wer(e)) };
}

function errorsOf(e: WordErrors): number {
  return e.substitutions + e.deletions + e.insertions;
}

function figures(a: Accumulator): FormatFigures {
  const scored = a.records - a.skipped;
  const pr = (c: ClassCounts) => ({ ...precisionRecall(c), ...c });
  return {
    ...tally(scored, a.exact),
    records: a.records,
    skippedTooLong: a.skipped,
    raw: {
      sensitive: werFigures(a.rawSensitive),
      normalised: werFigures(a.rawNormalised),
      casing: tally(a.rawFormat.casingTotal, a.rawFormat.casingCorrect),
    },
    processed: {
      sensitive: werFigures(a.procSensitive),
      normalised: werFigures(a.procNormalised),
      casing: tally(a.procFormat.casingTotal, a.procFormat.casingCorrect),
    },
    punctuation: {
      period: pr(a.procFormat.period),
      comma: pr(a.procFormat.comma),
      question: pr(a.procFormat.question),
      sentenceEnd: pr(a.procFormat.sentenceEnd),
    },
  };
}

/** Scores one file's records into `acc`; `process` is lipi, `fold` the number fold used by the normalisation. */
export function scoreRecords(
  rows: readonly AsrPair[],
  process: (text: string, row: AsrPair) => string,
  fold: ((text: string) => string) | undefined,
  file: string,
  failures: FormatFailure[] | undefined,
  maxTokens = MAX_ALIGN_TOKENS,
): Accumulator {
  const acc = emptyAccumulator();
  for (const row of rows) {
    acc.records++;
    const got = process(row.asr, row);
    const refS = sensitiveTokens(row.reference);
    const refN = normalisedTokens(row.reference, fold);
    const rawS = wordErrors(refS, sensitiveTokens(row.asr), maxTokens);
    const rawN = wordErrors(refN, normalisedTokens(row.asr, fold), maxTokens);
    const procS = wordErrors(refS, sensitiveTokens(got), maxTokens);
    const procN = wordErrors(refN, normalisedTokens(got, fold), maxTokens);
    const rawF = scoreFormatting(row.asr, row.reference, maxTokens);
    const procF = scoreFormatting(got, row.reference, maxTokens);
    if (rawS === null || rawN === null || procS === null || procN === null || rawF === null || procF === null) {
      acc.skipped++;
      continue;
    }
    addErrors(acc.rawSensitive, rawS);
    addErrors(acc.rawNormalised, rawN);
    addErrors(acc.procSensitive, procS);
    addErrors(acc.procNormalised, procN);
    addFormatCounts(acc.rawFormat, rawF);
    addFormatCounts(acc.procFormat, procF);
    if (errorsOf(procN) === 0) acc.exact++;
    if (failures !== undefined && errorsOf(procN) > errorsOf(rawN)) {
      failures.push({ file, line: row.line, asr: row.asr, reference: row.reference, got, rawErrors: errorsOf(rawN), processedErrors: errorsOf(procN) });
    }
  }
  return acc;
}

/** Runs records through `pipeline`, carrying the stream context across consecutive records of the same recording. */
function streamRunner(pipeline: CompiledPipeline): (text: string, row: AsrPair) => string {
  let stream: string | undefined;
  let context: StreamContext = {};
  return (text, row) => {
    if (row.stream === undefined || row.stream !== stream) context = {};
    stream = row.stream;
    const run = pipeline.run(textSegment(text), context);
    context = run.context;
    return run.result.text;
  };
}

/** Numbers folded to digits on every side: ITN alone, no spell-out thresholds, no thousands separator, titles left as said. */
export const NUMBER_FOLD_SETTINGS = [
  { classes: { title: false }, params: { spell_out_below: 0, prose_spell_out_below: 0, ordinal_spell_out_below: 0, thousands_separator: "none" } },
  {},
] as const;

export interface FormatSuiteOptions {
  profiles: Record<string, ProfileConfig>;
  resources: unknown;
  repoRoot: string;
  /** One profile for every file instead of the per-file choice (profileForFile). */
  profile?: string;
}

export function runFormatSuite(files: readonly string[], options: FormatSuiteOptions): FormatSummary {
  const resources = (options.resources ?? {}) as PipelineResources;
  const { pipeline: foldPipeline, note: foldNote } = stageOnlyPipeline("itn", NUMBER_FOLD_SETTINGS, options.resources);
  const fold = foldPipeline === null ? undefined : (text: string) => runText(foldPipeline, text);
  const compiled = new Map<string, CompiledPipeline>();
  const pipelineFor = (name: string): CompiledPipeline => {
    let p = compiled.get(name);
    if (p === undefined) {
      const profile = options.profiles[name];
      if (profile === undefined) throw new Error(`no profile named "${name}" (known: ${Object.keys(options.profiles).join(", ")})`);
      p = compileProfile(profile, undefined, resources);
      compiled.set(name, p);
    }
    return p;
  };
  const failures: FormatFailure[] = [];
  const results: FormatFileResult[] = [];
  const overall = emptyAccumulator();
  const used = new Set<string>();
  for (const file of files) {
    const shown = path.relative(options.repoRoot, file);
    const profile = options.profile ?? profileForFile(file);
    used.add(profile);
    const pipeline = pipelineFor(profile);
    const rows = readAsrPairs(file, shown);
    const acc = scoreRecords(rows, streamRunner(pipeline), fold, shown, failures);
    results.push({ file: shown, profile, ...figures(acc) });
    addAccumulator(overall, acc);
  }
  return {
    suite: "format",
    pipeline: `profiles ${[...used].join(", ")}`,
    numberFold: foldPipeline === null ? `none (${foldNote})` : foldNote,
    files: results,
    overall: figures(overall),
    failures,
  };
}
