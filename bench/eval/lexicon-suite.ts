// The `lexicon` suite: the lexicon stage alone, with the lecture profile's
// lexicon settings, compiled through compileProfile like the server.
// - Variants: `heard<TAB>canonical` files (default: the set lexicon-variants.ts
//   generates from the CC0 glossary, in memory), each heard form put into a plain
//   English carrier sentence; correct when the output is the carrier with the
//   canonical in its place. Recall = correct / pairs; precision = correct /
//   outputs that changed at all (a wrong change costs precision, no change
//   costs recall only).
// - No harm: English sentences that must come through untouched (GoogleTN
//   identity rows, LibriTTS references): applied lexicon edits (and
//   suggestions) per 10,000 sentences. Target: at most 1 applied.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { compileProfile, type CompiledPipeline, type PipelineResources, type ProfileInput, type StageSettingsInput } from "../../src/pipeline/index.js";
import type { LexiconPack } from "../../src/pipeline/lexicon/types.js";
import { STAGE_NAMES } from "../../src/pipeline/index.js";
import { textSegment } from "./pipelines.js";
import { tally, type Tally } from "./score.js";
import { parseTsv, readTsv, type TsvRow } from "./tsv.js";
import { DEFAULT_SEED, generateLexiconVariants, glossaryPath, variantsTsv } from "./lexicon-variants.js";

export interface VariantFile extends Tally {
  file: string;
  changed: number;
  precision: number;
  recall: number;
}

export interface NoHarmFile {
  file: string;
  sentences: number;
  appliedEdits: number;
  suggestedEdits: number;
  appliedPer10k: number;
  /** Applied edits by match kind: "exact" ones rewrite a spelling the pack lists ("Shiva" -> "Śiva"). */
  appliedByRule: Record<string, number>;
}

interface NoHarmOverall {
  sentences: number;
  appliedEdits: number;
  suggestedEdits: number;
  appliedPer10k: number;
}

/** An English text source for the no-harm count: a GoogleTN TSV (identity rows), or JSON lines and the field holding the text. */
export interface NoHarmSource {
  file: string;
  field?: "reference" | "asr";
}

export interface LexiconSummary {
  suite: "lexicon";
  pipeline: string;
  files: VariantFile[];
  overall: Tally & { precision: number; recall: number; changed: number };
  noHarm: NoHarmFile[];
  noHarmOverall: NoHarmOverall;
  /**
   * The same count on English the target does not name: Earnings-21 references
   * and raw recogniser output (lower-case, unpunctuated, as lipi receives it,
   * where names lose the capital that protects them).
   */
  noHarmBeyond: NoHarmFile[];
  noHarmBeyondOverall: NoHarmOverall;
  failures?: Array<{ file: string; line: number; heard: string; expected: string; got: string }>;
  harmed?: Array<{ file: string; sentence: string; edits: string[] }>;
}

/** Carriers alternate so a term is seen at a sentence start, mid-sentence and at the end (casing off: lower-case). */
const CARRIERS = ["today we talk about {} in some detail", "{} was explained by the teacher", "the students asked about {}"];

function lectureLexiconSettings(profiles: Record<string, ProfileInput> | undefined): StageSettingsInput {
  return profiles?.["lecture"]?.stages?.["lexicon"] ?? { params: { packs: ["yoga-vedanta"] } };
}

export function lexiconOnlyPipeline(resources: PipelineResources, profiles?: Record<string, ProfileInput>): { pipeline: CompiledPipeline; note: string } {
  const settings = lectureLexiconSettings(profiles);
  const stages: Record<string, StageSettingsInput> = {};
  for (const name of STAGE_NAMES) stages[name] = name === "lexicon" ? { ...settings, enabled: true } : { enabled: false };
  return { pipeline: compileProfile({ stages }, undefined, resources), note: `lexicon ${JSON.stringify(settings.params ?? {})}` };
}

function expectedIn(carrier: string, canonical: string): string {
  const at = carrier.indexOf("{}");
  return carrier.replace("{}", at === 0 ? canonical[0]!.toUpperCase() + canonical.slice(1) : canonical);
}

/** A variants source: a TSV file, or the generated set (name and rows). */
export interface VariantSet {
  name: string;
  rows: TsvRow[];
}

/** The default set: misspellings generated from the glossary under `dataDir` with the dev seed or the one given (empty when the glossary is missing). */
export function generatedVariantSet(dataDir: string, packs: readonly LexiconPack[], seed = DEFAULT_SEED): VariantSet[] {
  const file = glossaryPath(dataDir);
  if (!existsSync(file)) return [];
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got ${seed}`);
  const generated = generateLexiconVariants(readFileSync(file, "utf8"), packs, seed);
  return [{ name: `generated from ${path.basename(file)} (seed ${seed})`, rows: parseTsv(variantsTsv(generated, seed)).rows }];
}

function scoreVariants(p: CompiledPipeline, set: VariantSet, failures: NonNullable<LexiconSummary["failures"]>): VariantFile {
  const { rows } = set;
  const shown = set.name;
  let correct = 0;
  let changed = 0;
  rows.forEach((row, i) => {
    const carrier = CARRIERS[i % CARRIERS.length]!;
    const heard = carrier.indexOf("{}") === 0 ? row.spoken[0]!.toUpperCase() + row.spoken.slice(1) : row.spoken;
    const input = carrier.replace("{}", heard);
    const got = p.run(textSegment(input), {}).result.text;
    const expected = expectedIn(carrier, row.written);
    if (got !== input) changed++;
    // Case is the casing stage's business (and a heard capital is kept on a term): compared case-insensitively.
    if (got.toLowerCase() === expected.toLowerCase()) correct++;
    else failures.push({ file: shown, line: row.line, heard: row.spoken, expected, got });
  });
  const t = tally(rows.length, correct);
  return { file: shown, ...t, changed, precision: changed === 0 ? 1 : correct / changed, recall: t.accuracy };
}

/** English sentences from a GoogleTN TSV (identity rows only) or a JSON-lines file of {reference} (or the field given). */
export function noHarmSentences(file: string, field: NonNullable<NoHarmSource["field"]> = "reference"): string[] {
  if (file.endsWith(".tsv")) return readTsv(file).rows.filter((r) => r.spoken === r.written).map((r) => r.written);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => (JSON.parse(l) as Record<string, unknown>)[field])
    .filter((s): s is string => typeof s === "string" && s !== "");
}

function scoreNoHarm(p: CompiledPipeline, source: NoHarmSource, shown: string, harmed: NonNullable<LexiconSummary["harmed"]>): NoHarmFile {
  const file = source.file;
  const sentences = noHarmSentences(file, source.field);
  let applied = 0;
  let suggested = 0;
  const appliedByRule: Record<string, number> = {};
  for (const s of sentences) {
    const edits = p.run(textSegment(s), {}).result.edits;
    const a = edits.filter((e) => e.applied).length;
    for (const e of edits) if (e.applied) appliedByRule[e.rule] = (appliedByRule[e.rule] ?? 0) + 1;
    applied += a;
    suggested += edits.length - a;
    if (edits.length > 0) harmed.push({ file: shown, sentence: s, edits: edits.map((e) => `${e.before} -> ${e.after} (${e.rule} ${e.confidence}${e.applied ? "" : ", suggested"})`) });
  }
  return { file: shown, sentences: sentences.length, appliedEdits: applied, suggestedEdits: suggested, appliedPer10k: sentences.length === 0 ? 0 : (applied * 10000) / sentences.length, appliedByRule };
}

/** The no-harm English sets under `dataDir` that exist (the target's: GoogleTN identity rows, LibriTTS references). */
export function defaultNoHarmFiles(dataDir: string): string[] {
  return [path.join(dataDir, "itn/google_tn_nemo/sentences.tsv"), path.join(dataDir, "asr-pairs/libritts_nemo_dev.jsonl")].filter(existsSync);
}

/** English beyond the target's sets, under `dataDir`, that exists: Earnings-21 references, and LibriTTS and Earnings-21 recogniser output. */
export function beyondNoHarmSources(dataDir: string): NoHarmSource[] {
  const earnings = path.join(dataDir, "asr-pairs/earnings21/segments_dev.jsonl");
  const libritts = path.join(dataDir, "asr-pairs/libritts_nemo_dev.jsonl");
  const sources: NoHarmSource[] = [{ file: earnings, field: "reference" }, { file: libritts, field: "asr" }, { file: earnings, field: "asr" }];
  return sources.filter((s) => existsSync(s.file));
}

function overallOf(files: readonly NoHarmFile[]): NoHarmOverall {
  const sentences = files.reduce((s, f) => s + f.sentences, 0);
  const appliedEdits = files.reduce((s, f) => s + f.appliedEdits, 0);
  const suggestedEdits = files.reduce((s, f) => s + f.suggestedEdits, 0);
  return { sentences, appliedEdits, suggestedEdits, appliedPer10k: sentences === 0 ? 0 : (appliedEdits * 10000) / sentences };
}

/** Variant sets from TSV files (`heard<TAB>canonical`). */
export function variantFiles(files: readonly string[], repoRoot: string): VariantSet[] {
  return files.map((f) => ({ name: path.relative(repoRoot, f), rows: readTsv(f).rows }));
}

export function runLexiconSuite(
  variantSets: readonly VariantSet[],
  noHarmFiles: readonly string[],
  resources: PipelineResources,
  repoRoot: string,
  profiles?: Record<string, ProfileInput>,
  beyond: readonly NoHarmSource[] = [],
): LexiconSummary {
  const { pipeline, note } = lexiconOnlyPipeline(resources, profiles);
  const failures: NonNullable<LexiconSummary["failures"]> = [];
  const harmed: NonNullable<LexiconSummary["harmed"]> = [];
  const files = variantSets.map((set) => scoreVariants(pipeline, set, failures));
  const total = files.reduce((s, f) => s + f.total, 0);
  const correct = files.reduce((s, f) => s + f.correct, 0);
  const changed = files.reduce((s, f) => s + f.changed, 0);
  const noHarm = noHarmFiles.map((f) => scoreNoHarm(pipeline, { file: f }, path.relative(repoRoot, f), harmed));
  const noHarmBeyond = beyond.map((b) => scoreNoHarm(pipeline, b, `${path.relative(repoRoot, b.file)} (${b.field ?? "reference"})`, harmed));
  return {
    suite: "lexicon",
    pipeline: note,
    files,
    overall: { ...tally(total, correct), changed, precision: changed === 0 ? 1 : correct / changed, recall: total === 0 ? 0 : correct / total },
    noHarm,
    noHarmOverall: overallOf(noHarm),
    noHarmBeyond,
    noHarmBeyondOverall: overallOf(noHarmBeyond),
    failures,
    harmed,
  };
}

/** The report's lexicon lines (recall/precision per file, no-harm counts). */
export function formatLexiconReport(s: LexiconSummary): string {
  const lines = [`suite lexicon  (${s.pipeline})`];
  for (const f of [...s.files, { ...s.overall, file: "overall" }]) {
    lines.push(`  ${f.file}  recall ${f.recall.toFixed(3)} (${f.correct}/${f.total})  precision ${f.precision.toFixed(3)} (${f.correct}/${f.changed} changed)`);
  }
  const noHarmLine = (n: NoHarmFile) => {
    const kinds = Object.entries(n.appliedByRule).map(([k, v]) => `${k} ${v}`).join(", ");
    return `  no harm ${n.file}: ${n.appliedEdits} applied${kinds ? ` (${kinds})` : ""}, ${n.suggestedEdits} suggested edits in ${n.sentences} sentences (${n.appliedPer10k.toFixed(2)} per 10k)`;
  };
  for (const n of s.noHarm) lines.push(noHarmLine(n));
  const o = s.noHarmOverall;
  lines.push(`  no harm overall: ${o.appliedEdits} applied in ${o.sentences} sentences (${o.appliedPer10k.toFixed(2)} per 10k; target <= 1)`);
  if (s.noHarmBeyond.length > 0) {
    for (const n of s.noHarmBeyond) lines.push(noHarmLine(n));
    const b = s.noHarmBeyondOverall;
    lines.push(`  no harm beyond the target's sets: ${b.appliedEdits} applied in ${b.sentences} sentences (${b.appliedPer10k.toFixed(2)} per 10k)`);
  }
  return lines.join("\n");
}
