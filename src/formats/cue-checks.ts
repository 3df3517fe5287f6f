// What SRT and WebVTT parsing share once the lines are grouped: reading the
// timing line, recovering timings that could not be read, checking cue text
// (markup, empty, multi-line) and the order of cues in time.
import type { ScannedBlock, SourceLine } from "./caption-lines.js";
import { joinLines, type Cue } from "./cues.js";
import { findMarkup, stripMarkup } from "./markup.js";
import type { CaptionProblem } from "./problems.js";
import { formatTimestamp, parseTimestamp, type TimestampDialect } from "./timestamps.js";

export type MarkupMode = "keep" | "strip";

/** A cue before its timing is settled: a side that could not be read is undefined. */
export interface CueDraft {
  id?: string;
  startMs?: number;
  endMs?: number;
  settings?: string;
  timingLine?: number;
  /** Where the cue's numbering or text begins, for problems about a cue with no timing line. */
  firstLine: number;
  lines: SourceLine[];
}

/** A recovered cue with no neighbour to end at lasts this long. */
const RECOVERED_DURATION_MS = 2000;

export interface ReadTiming {
  startMs?: number;
  endMs?: number;
  settings?: string;
  /** Any timestamp had no hours field (VTT short form). */
  omittedHours: boolean;
}

/** Reads both timestamps of a timing line; reports each deviation against the cue. */
export function readTiming(
  block: ScannedBlock,
  dialect: TimestampDialect,
  cue: number,
  problems: CaptionProblem[],
): ReadTiming {
  const line = block.timing.n;
  const excerpt = block.timing.text;
  const report = (severity: "error" | "warning", message: string) =>
    problems.push({ line, cue, kind: "bad_timestamp", severity, message, excerpt });
  if (block.arrow !== "-->") report("warning", `arrow "${block.arrow}" should be "-->"`);
  const [endText = "", ...rest] = block.timingRight.split(/\s+/).filter(Boolean);
  const settings = rest.join(" ") || undefined;
  let omittedHours = false;
  const read = (text: string, side: "start" | "end"): number | undefined => {
    if (text === "") {
      report("error", `the ${side} time is missing`);
      return undefined;
    }
    const parsed = parseTimestamp(text, dialect);
    if (!parsed.ok) {
      report("error", `${side} time: ${parsed.error}`);
      return undefined;
    }
    if (!parsed.value.hadHours) omittedHours = true;
    if (parsed.value.issues.length > 0) {
      report("warning", `${side} time "${text}": ${parsed.value.issues.join("; ")}; read as ${formatTimestamp(parsed.value.ms, dialect)}`);
    }
    return parsed.value.ms;
  };
  return { startMs: read(block.timingLeft, "start"), endMs: read(endText, "end"), settings, omittedHours };
}

export interface FinishOptions {
  dialect: TimestampDialect;
  markup: MarkupMode;
}

/**
 * Turns drafts into cues: fills unreadable timings from the neighbours
 * (previous end, next start), checks text and time order. Every draft
 * becomes a cue, so no text is dropped.
 */
export function finishCues(drafts: CueDraft[], options: FinishOptions, problems: CaptionProblem[]): Cue[] {
  const cues: Cue[] = [];
  drafts.forEach((draft, i) => {
    const index = i + 1;
    const previous = cues[i - 1];
    const previousEnd = previous ? Math.max(previous.startMs, previous.endMs) : 0;
    let startMs = draft.startMs;
    let endMs = draft.endMs;
    const recovered = startMs === undefined || endMs === undefined;
    if (startMs === undefined) startMs = endMs !== undefined ? Math.min(previousEnd, endMs) : previousEnd;
    if (endMs === undefined) {
      const nextStart = drafts.slice(i + 1).find((d) => d.startMs !== undefined)?.startMs;
      endMs = nextStart !== undefined && nextStart >= startMs ? nextStart : startMs + RECOVERED_DURATION_MS;
    }
    if (recovered) {
      const span = `${formatTimestamp(startMs, options.dialect)} --> ${formatTimestamp(endMs, options.dialect)}`;
      problems.push({
        line: draft.timingLine ?? draft.firstLine,
        cue: index,
        kind: "bad_timestamp",
        severity: "error",
        message: `timing recovered from the neighbouring cues as ${span}`,
      });
    }
    const lines = cueText(draft, index, options.markup, problems);
    const cue: Cue = { index, startMs, endMs, text: joinLines(lines), lines };
    if (draft.id !== undefined) cue.id = draft.id;
    if (draft.settings !== undefined) cue.settings = draft.settings;
    cue.line = draft.timingLine ?? draft.firstLine;
    if (recovered) cue.timingRecovered = true;
    cues.push(cue);
  });
  checkTimeOrder(cues, options.dialect, problems);
  return cues;
}

function cueText(draft: CueDraft, cue: number, markup: MarkupMode, problems: CaptionProblem[]): string[] {
  const line = draft.timingLine ?? draft.firstLine;
  if (draft.lines.length === 0) {
    problems.push({ line, cue, kind: "empty_cue", severity: "warning", message: "cue has no text" });
    return [];
  }
  if (draft.lines.length > 1) {
    problems.push({
      line: (draft.lines[0] as SourceLine).n,
      cue,
      kind: "multi_line",
      severity: "info",
      message: `${draft.lines.length} lines of text, joined with spaces for processing`,
    });
  }
  return draft.lines.map((source) => {
    const found = findMarkup(source.text);
    if (found.length === 0) return source.text;
    const action = markup === "strip" ? "stripped" : "kept";
    problems.push({
      line: source.n,
      cue,
      kind: "markup",
      severity: "warning",
      message: `markup ${found.map((m) => JSON.stringify(m)).join(", ")} ${action}`,
      ...(markup === "strip" ? { excerpt: source.text } : {}),
    });
    return markup === "strip" ? stripMarkup(source.text) : source.text;
  });
}

function checkTimeOrder(cues: Cue[], dialect: TimestampDialect, problems: CaptionProblem[]): void {
  const ts = (ms: number) => formatTimestamp(ms, dialect);
  cues.forEach((cue, i) => {
    const at = { line: cue.line, cue: cue.index };
    if (cue.endMs < cue.startMs) {
      problems.push({ ...at, kind: "end_before_start", severity: "error", message: `ends at ${ts(cue.endMs)}, before it starts at ${ts(cue.startMs)}` });
    } else if (cue.endMs === cue.startMs) {
      problems.push({ ...at, kind: "zero_duration", severity: "warning", message: `starts and ends at ${ts(cue.startMs)}` });
    }
    const previous = cues[i - 1];
    if (!previous) return;
    if (cue.startMs < previous.startMs) {
      problems.push({ ...at, kind: "out_of_order", severity: "warning", message: `starts at ${ts(cue.startMs)}, before cue ${previous.index} (${ts(previous.startMs)})` });
    } else if (cue.startMs < previous.endMs) {
      problems.push({ ...at, kind: "overlap", severity: "warning", message: `starts at ${ts(cue.startMs)}, before cue ${previous.index} ends (${ts(previous.endMs)})` });
    }
  });
}
