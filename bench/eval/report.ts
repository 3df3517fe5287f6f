// Output of the eval command: a readable report, and bench/results/quality.json
// where each suite's latest summary replaces only its own entry.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { Tally } from "./score.js";

export interface SuiteSummary {
  suite: string;
  files: ({ file: string } & Tally)[];
  overall: Tally;
  failures?: unknown[];
  [extra: string]: unknown;
}

/** The summary without its failure list (failures are for --failures, not the results file). */
export function withoutFailures<T extends SuiteSummary>(summary: T): Omit<T, "failures"> {
  const { failures: _failures, ...rest } = summary;
  return rest;
}

/** Merges one suite's summary into the results object: other suites' entries are kept as they were. */
export function mergeQuality(existing: unknown, summary: SuiteSummary, measuredAt: string): Record<string, unknown> {
  const base = typeof existing === "object" && existing !== null && !Array.isArray(existing) ? (existing as Record<string, unknown>) : {};
  const suites = typeof base.suites === "object" && base.suites !== null ? (base.suites as Record<string, unknown>) : {};
  return { ...base, suites: { ...suites, [summary.suite]: { measuredAt, ...withoutFailures(summary) } } };
}

export function writeQuality(file: string, summary: SuiteSummary, measuredAt = new Date().toISOString()): void {
  let existing: unknown = undefined;
  if (existsSync(file)) {
    try {
      existing = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      existing = undefined; // a corrupt file is replaced, not merged into
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(mergeQuality(existing, summary, measuredAt), null, 2) + "\n");
}

function pct(t: Tally): string {
  return `${(t.accuracy * 100).toFixed(1)}%`;
}

interface FormatLike {
  file?: string;
  profile?: string;
  records: number;
  skippedTooLong: number;
  raw: { sensitive: { wer: number }; normalised: { wer: number }; casing: Tally };
  processed: { sensitive: { wer: number }; normalised: { wer: number }; casing: Tally };
  punctuation: Record<"period" | "comma" | "question" | "sentenceEnd", { precision: number; recall: number; f1: number; truePositive: number; falsePositive: number }>;
}

function pct2(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** The `format` suite's block for one file (or overall). */
function formatFigures(name: string, f: FormatLike): string[] {
  const pr = (k: keyof FormatLike["punctuation"]) => {
    const p = f.punctuation[k];
    // No mark of the class predicted: precision is undefined (the JSON keeps precisionRecall's 1).
    const precision = p.truePositive + p.falsePositive === 0 ? "n/a" : p.precision.toFixed(3);
    return `${k} ${precision}/${p.recall.toFixed(3)}/${p.f1.toFixed(3)}`;
  };
  return [
    `  ${name}${f.profile ? `  [profile ${f.profile}]` : ""}  ${f.records} records${f.skippedTooLong ? `, ${f.skippedTooLong} skipped (too long)` : ""}`,
    `    WER case+punct sensitive: raw ${pct2(f.raw.sensitive.wer)} -> lipi ${pct2(f.processed.sensitive.wer)}`,
    `    WER normalised (no harm): raw ${pct2(f.raw.normalised.wer)} -> lipi ${pct2(f.processed.normalised.wer)}`,
    `    punctuation P/R/F1: ${pr("period")}  ${pr("comma")}  ${pr("question")}  ${pr("sentenceEnd")}`,
    `    casing accuracy: raw ${pct(f.raw.casing)} -> lipi ${pct(f.processed.casing)} (${f.processed.casing.total} aligned words)`,
  ];
}

/** Plain-text report: one line per file, the overall line, then the suite's own figures. */
export function formatReport(summary: SuiteSummary): string {
  if (summary.suite === "format") {
    const lines = [`suite format  (${String(summary.pipeline ?? "")}; number fold: ${String(summary.numberFold ?? "")})`];
    for (const f of summary.files as unknown as FormatLike[]) lines.push(...formatFigures(f.file ?? "", f));
    if (summary.files.length > 1) lines.push(...formatFigures("overall", summary.overall as unknown as FormatLike));
    return lines.join("\n");
  }
  const lines: string[] = [`suite ${summary.suite}  (${String(summary.pipeline ?? "")})`];
  const width = Math.max(8, ...summary.files.map((f) => f.file.length));
  for (const f of summary.files) lines.push(`  ${f.file.padEnd(width)}  ${String(f.correct).padStart(6)}/${String(f.total).padEnd(6)} ${pct(f)}`);
  lines.push(`  ${"overall".padEnd(width)}  ${String(summary.overall.correct).padStart(6)}/${String(summary.overall.total).padEnd(6)} ${pct(summary.overall)}`);
  const googleTn = summary.googleTn as { identity: Tally; changed: Tally } | undefined;
  if (googleTn) lines.push(`  GoogleTN (tolerant): identity rows ${pct(googleTn.identity)} of ${googleTn.identity.total}, changed rows ${pct(googleTn.changed)} of ${googleTn.changed.total}`);
  const rev16 = summary.rev16 as { precision: number; recall: number; f1: number; segments: number } | undefined;
  if (rev16) lines.push(`  Rev16 deletion-only removals: P ${rev16.precision.toFixed(3)}  R ${rev16.recall.toFixed(3)}  F1 ${rev16.f1.toFixed(3)}  (${rev16.segments} segments)`);
  const raw = summary.rev16Raw as { precision: number; recall: number; f1: number } | undefined;
  if (raw) lines.push(`  Rev16 as raw ASR (lower case, no punctuation): P ${raw.precision.toFixed(3)}  R ${raw.recall.toFixed(3)}  F1 ${raw.f1.toFixed(3)}`);
  const qa = summary.disflQa as { exact: Tally; noHarm: Tally } | undefined;
  if (qa) lines.push(`  Disfl-QA: exact ${pct(qa.exact)} of ${qa.exact.total}; fluent unchanged ${pct(qa.noHarm)}`);
  const typed = summary.disflQaTyped as { exact: Tally; noHarm: Tally } | undefined;
  if (typed) lines.push(`  Disfl-QA with typed_corrections (the setting for typed text): exact ${pct(typed.exact)}; fluent unchanged ${pct(typed.noHarm)}`);
  const read = summary.readText as { noHarm: Tally } | undefined;
  if (read) lines.push(`  read book text (LibriTTS): unchanged ${pct(read.noHarm)} of ${read.noHarm.total}`);
  return lines.join("\n");
}
