// One shape for everything the caption parsers and the layout have to say
// about their input. Parsers never throw on content: they report here and
// keep going, so a caller can show every problem at once and still get cues.

export type ProblemSeverity =
  /** Content was damaged or had to be guessed (timing recovered, text with no cue). */
  | "error"
  /** Not what the format allows, but repaired without guessing. */
  | "warning"
  /** Legal input worth knowing about (a BOM, a multi-line cue the pipeline will re-wrap). */
  | "info";

export type ProblemKind =
  // cue numbering (SRT index, VTT identifier)
  | "bad_index"
  | "missing_index"
  | "duplicate_index"
  // timing
  | "bad_timestamp"
  | "end_before_start"
  | "zero_duration"
  | "overlap"
  | "out_of_order"
  // cue text
  | "empty_cue"
  | "markup"
  | "multi_line"
  | "orphan_text"
  // file structure
  | "bom"
  | "whitespace"
  | "missing_blank_line"
  | "extra_blank_line"
  | "missing_final_blank_line"
  | "missing_header"
  | "bad_header"
  | "misplaced_block"
  | "skipped_block"
  | "bad_setting"
  // layout constraints that could not all be met
  | "line_too_long"
  | "too_many_lines"
  | "reading_speed"
  | "min_duration"
  | "max_duration";

export interface CaptionProblem {
  /** 1-based line in the source text; absent for problems not tied to a line (layout). */
  line?: number;
  /** 1-based position of the cue in the returned cue list (not the index written in the file). */
  cue?: number;
  kind: ProblemKind;
  message: string;
  severity: ProblemSeverity;
  /**
   * Source text the problem is about, verbatim, when the returned cues do not
   * carry it (a bad index, an unreadable timing line, text outside any cue):
   * together, cues and excerpts account for every non-blank line of the input.
   */
  excerpt?: string;
}

/** "line 12, cue 4: error bad_timestamp: …" — for logs and CLI output. */
export function formatProblem(p: CaptionProblem): string {
  const where = [p.line !== undefined ? `line ${p.line}` : "", p.cue !== undefined ? `cue ${p.cue}` : ""]
    .filter(Boolean)
    .join(", ");
  return `${where ? `${where}: ` : ""}${p.severity} ${p.kind}: ${p.message}`;
}

export function hasErrors(problems: readonly CaptionProblem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
