// The last step of processing a caption file: put the pipeline's results
// back into cues. Without layout options each cue keeps its timing, id and
// settings and only its text changes (re-wrapped into lines). With layout
// options the processed words are laid out afresh into new cues, timed from
// the words' own timings.
import type { SegmentResult } from "../pipeline/types.js";
import { joinLines, type Cue } from "./cues.js";
import { breakLines } from "./line-breaking.js";
import { DEFAULT_LAYOUT, layoutCues, resolveLayoutOptions, type LayoutOptions, type TimedWord } from "./layout.js";
import type { CaptionProblem } from "./problems.js";

export interface AppliedResults {
  cues: Cue[];
  problems: CaptionProblem[];
}

/**
 * `results` are the pipeline's results for cuesToSegments(cues), in the same
 * order. A cue without a result (a failed segment) keeps its original text and
 * is reported, so a partial failure never drops a cue.
 */
export function applyResultsToCues(
  cues: readonly Cue[],
  results: readonly SegmentResult[],
  layoutOptions?: Partial<LayoutOptions>,
): AppliedResults {
  const problems: CaptionProblem[] = [];
  const missing = (cue: number) =>
    problems.push({ cue, kind: "empty_cue", severity: "error", message: "no processing result for this cue; original text kept" });
  if (!layoutOptions) {
    const maxChars = DEFAULT_LAYOUT.maxCharsPerLine;
    const out = cues.map((cue, i): Cue => {
      const result = results[i];
      if (!result) {
        missing(i + 1);
        return { ...cue, index: i + 1 };
      }
      const maxLines = Math.max(DEFAULT_LAYOUT.maxLinesPerCue, cue.lines.length);
      const lines = breakLines(result.text.split(/\s+/).filter(Boolean), maxChars, maxLines);
      return { ...cue, index: i + 1, text: joinLines(lines), lines };
    });
    return { cues: out, problems };
  }
  resolveLayoutOptions(layoutOptions); // fail fast on bad options, before any work
  const words: TimedWord[] = [];
  cues.forEach((cue, i) => {
    const result = results[i];
    if (!result) {
      missing(i + 1);
      words.push(...spreadWords(cue.text, cue.startMs, Math.max(cue.startMs, cue.endMs), ""));
    } else if (result.words.length > 0) {
      words.push(...result.words.map((w) => ({ text: w.text, startMs: w.startMs, endMs: w.endMs, speaker: w.speaker })));
    } else {
      words.push(...spreadWords(result.text, result.startMs, result.endMs, result.speaker));
    }
  });
  const laidOut = layoutCues(words, layoutOptions);
  return { cues: laidOut.cues, problems: [...problems, ...laidOut.problems] };
}

/** Timings for text with no word timings: the span shared out by word length. */
export function spreadWords(text: string, startMs: number, endMs: number, speaker: string): TimedWord[] {
  const tokens = text.split(/\s+/).filter(Boolean);
  const total = tokens.reduce((n, t) => n + t.length, 0);
  let at = startMs;
  let chars = 0;
  return tokens.map((t) => {
    chars += t.length;
    const end = Math.round(startMs + ((endMs - startMs) * chars) / total);
    const word = { text: t, startMs: at, endMs: end, speaker };
    at = end;
    return word;
  });
}
