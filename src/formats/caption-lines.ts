// The line-level scan shared by the SRT and WebVTT parsers: normalises the
// text (BOM, CRLF, trailing whitespace), finds timing lines, and groups what
// lies between them. Both formats are "blocks separated by blank lines", but
// real files lose blank lines and gain stray ones, so cues are anchored on
// their timing lines (the one line that cannot be mistaken for text) rather
// than on blank lines.
import type { SourceStyle } from "./cues.js";
import type { CaptionProblem } from "./problems.js";

export interface SourceLine {
  /** 1-based line number. */
  n: number;
  text: string;
}

export interface ScannedBlock {
  /** The line just before the timing line: an SRT index or a VTT identifier. */
  header?: SourceLine;
  /** The header was not preceded by a blank line. */
  headerJoinedToPrevious: boolean;
  timing: SourceLine;
  /** Text before the arrow (the start time). */
  timingLeft: string;
  /** Text after the arrow (end time, then settings). */
  timingRight: string;
  arrow: string;
  /** The body (lines after the timing line up to the next cue), split at blank lines. */
  paragraphs: SourceLine[][];
  /** A blank line came straight after the timing line. */
  bodyStartsBlank: boolean;
}

export interface ScannedText {
  style: SourceStyle;
  /** Paragraphs before the first cue (a VTT header and blocks; stray text in SRT). */
  preamble: SourceLine[][];
  blocks: ScannedBlock[];
  problems: CaptionProblem[];
}

export interface ScanOptions {
  /** A non-blank line that is a cue header even when no blank line precedes it. */
  isHeaderCandidate: (text: string) => boolean;
  /** The first line belongs to the file header and can never be a cue header (WEBVTT). */
  firstLineIsFileHeader?: boolean;
}

// The start time is one token with a digit in it; loose on purpose so a
// damaged timestamp is still recognised as a timing line and reported.
const TIMING_LINE = /^\s*(\S{1,40}?)\s*(-->|->)\s*(.*)$/;
const NUMERIC_ONLY = /^[\d:.,]+$/;

export function splitTimingLine(text: string): { left: string; arrow: string; right: string } | null {
  const m = TIMING_LINE.exec(text);
  if (!m) return null;
  const [, left, arrow, right] = m as unknown as [string, string, string, string];
  if (!/\d/.test(left)) return null;
  // "->" is common in prose ("A -> B"); only take it between two number-like tokens.
  if (arrow === "->" && !(NUMERIC_ONLY.test(left) && NUMERIC_ONLY.test(right.trim().split(/\s+/)[0] ?? ""))) return null;
  return { left, arrow, right: right.trim() };
}

export function isBlank(line: SourceLine | undefined): boolean {
  return line === undefined || line.text.trim() === "";
}

export function scanCaptionText(raw: string, options: ScanOptions): ScannedText {
  const problems: CaptionProblem[] = [];
  const bom = raw.startsWith("\uFEFF");
  if (bom) problems.push({ line: 1, kind: "bom", severity: "info", message: "byte-order mark at the start of the file" });
  const body = bom ? raw.slice(1) : raw;
  const lineEnding = body.includes("\r\n") ? "\r\n" : "\n";
  const rawLines = body.split(/\r\n|\r|\n/);
  if (rawLines.length > 0 && rawLines[rawLines.length - 1] === "") rawLines.pop(); // the final terminator

  const lines: SourceLine[] = rawLines.map((text, i) => {
    const trimmed = text.trimEnd();
    if (trimmed !== text && trimmed !== "") {
      problems.push({ line: i + 1, kind: "whitespace", severity: "warning", message: "trailing whitespace removed" });
    }
    return { n: i + 1, text: trimmed };
  });
  reportBlankRuns(lines, problems);
  let trailingBlank = 0;
  while (trailingBlank < lines.length && isBlank(lines[lines.length - 1 - trailingBlank])) trailingBlank++;
  const style: SourceStyle = { bom, lineEnding, finalBlankLine: trailingBlank > 0 };

  const timingAt: number[] = [];
  const firstCandidate = options.firstLineIsFileHeader ? 1 : 0;
  lines.forEach((line, i) => {
    if (i >= firstCandidate && splitTimingLine(line.text)) timingAt.push(i);
  });

  const starts: number[] = [];
  const blocks: ScannedBlock[] = timingAt.map((t, k) => {
    const lowerBound = k === 0 ? firstCandidate : (timingAt[k - 1] as number) + 1;
    const h = t - 1;
    let header: SourceLine | undefined;
    let joined = false;
    const candidate = lines[h];
    if (h >= lowerBound && candidate && !isBlank(candidate)) {
      const precededByBlank = h === 0 || isBlank(lines[h - 1]);
      if (precededByBlank || options.isHeaderCandidate(candidate.text.trim())) {
        header = candidate;
        joined = !precededByBlank;
      }
    }
    starts.push(header ? h : t);
    const split = splitTimingLine((lines[t] as SourceLine).text) as NonNullable<ReturnType<typeof splitTimingLine>>;
    return {
      header,
      headerJoinedToPrevious: joined,
      timing: lines[t] as SourceLine,
      timingLeft: split.left,
      timingRight: split.right,
      arrow: split.arrow,
      paragraphs: [],
      bodyStartsBlank: false,
    };
  });
  blocks.forEach((block, k) => {
    const from = (timingAt[k] as number) + 1;
    const to = k + 1 < blocks.length ? (starts[k + 1] as number) : lines.length;
    block.paragraphs = paragraphs(lines.slice(from, to));
    block.bodyStartsBlank = from < to && isBlank(lines[from]);
  });
  const preamble = paragraphs(lines.slice(0, blocks.length > 0 ? (starts[0] as number) : lines.length));
  return { style, preamble, blocks, problems };
}

function paragraphs(lines: SourceLine[]): SourceLine[][] {
  const out: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Blank lines at the start, or two or more in a row: harmless, but not what a clean file has. */
function reportBlankRuns(lines: SourceLine[], problems: CaptionProblem[]): void {
  let run = 0;
  let seenContent = false;
  for (const line of lines) {
    if (!isBlank(line)) {
      seenContent = true;
      run = 0;
      continue;
    }
    run++;
    if (!seenContent || run === 2) {
      const message = seenContent ? "more than one blank line between blocks" : "blank line before the first block";
      problems.push({ line: line.n, kind: "extra_blank_line", severity: "info", message });
    }
  }
}
