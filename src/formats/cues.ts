// The cue model shared by SRT and WebVTT, and its conversion to and from
// the pipeline's data: a cue becomes one segment (text only; the pipeline
// interpolates word timings over the cue), and a result's text becomes the
// cue's text again.
import type { SegmentInput, SegmentResult } from "../pipeline/types.js";
import { stripMarkup } from "./markup.js";

export interface Cue {
  /** 1-based position in the cue list. Renderers number cues by position, not by this field. */
  index: number;
  /** WebVTT cue identifier. */
  id?: string;
  startMs: number;
  endMs: number;
  /** The cue's lines joined with single spaces: what gets processed. */
  text: string;
  /** The lines as written; renderers write these while they still spell `text`. */
  lines: string[];
  /** WebVTT cue settings ("align:start line:0") or SRT coordinates, written back after the end time. */
  settings?: string;
  /** 1-based source line of the timing line (or of the cue's first line when it had none), when parsed. */
  line?: number;
  /** The timing could not be read and was recovered from the neighbouring cues. */
  timingRecovered?: boolean;
}

/** How a parsed file was written, so rendering it back gives the same bytes. */
export interface SourceStyle {
  bom: boolean;
  lineEnding: "\n" | "\r\n";
  /** The file ended with a blank line after the last cue. */
  finalBlankLine: boolean;
}

export function joinLines(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join(" ");
}

/**
 * The lines a renderer should write: `lines` while they still spell `text`
 * (a caller that only replaced `text` gets it written as one line), and never
 * a blank line, which would end the cue early.
 */
export function linesToRender(cue: Pick<Cue, "text" | "lines">): string[] {
  const lines = joinLines(cue.lines) === cue.text.trim() ? cue.lines : cue.text.split(/\r\n|\r|\n/);
  return lines.map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
}

/** Renumbers cues 1..n (after splitting, merging or dropping cues). */
export function renumberCues(cues: readonly Cue[]): Cue[] {
  return cues.map((cue, i) => ({ ...cue, index: i + 1 }));
}

/**
 * One segment per cue, in order. Markup is stripped (the pipeline works on
 * words, not tags) and an end before the start is clamped, because the
 * pipeline requires end >= start; the parser has already reported both.
 */
export function cuesToSegments(cues: readonly Cue[], idPrefix = "cue-"): SegmentInput[] {
  return cues.map((cue, i) => ({
    id: `${idPrefix}${i + 1}`,
    seq: i + 1,
    isFinal: true,
    startMs: cue.startMs,
    endMs: Math.max(cue.startMs, cue.endMs),
    text: stripMarkup(cue.text),
    words: [],
  }));
}

/** A cue for one processed segment, keeping the segment's timing. */
export function resultToCue(result: SegmentResult, index: number, lines: string[]): Cue {
  return { index, startMs: result.startMs, endMs: result.endMs, text: joinLines(lines), lines };
}
