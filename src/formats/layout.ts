// Caption re-layout: from timed words to cues that respect line length, line
// count, duration and reading speed. Cues break at the strongest natural
// boundary that leaves them reasonably full; each cue is timed from its first
// and last word, then lengthened into the following silence when it is too
// short or too fast to read. What cannot be met is reported, never hidden.
import type { Cue } from "./cues.js";
import { boundaryStrength, breakLines, greedyLineCount, joinedLength } from "./line-breaking.js";
import type { CaptionProblem } from "./problems.js";

export interface LayoutOptions {
  maxCharsPerLine: number;
  maxLinesPerCue: number;
  minDurationMs: number;
  maxDurationMs: number;
  /** Reading speed limit, characters (spaces included) per second. */
  maxCharsPerSecond: number;
  /** Silence between words this long (or a change of speaker) always starts a new cue. */
  breakOnGapMs: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  maxCharsPerLine: 42,
  maxLinesPerCue: 2,
  minDurationMs: 1000,
  maxDurationMs: 7000,
  maxCharsPerSecond: 17,
  breakOnGapMs: 1500,
};

export interface TimedWord {
  text: string;
  startMs: number;
  endMs: number;
  speaker?: string;
}

export interface LayoutResult {
  cues: Cue[];
  problems: CaptionProblem[];
}

/** Cost of ending a cue at a boundary of strength 0..3 (see boundaryStrength), against an empty cue's cost of 1. */
const BOUNDARY_COST = [1, 0.6, 0.3, 0];

export function resolveLayoutOptions(options: Partial<LayoutOptions> = {}): LayoutOptions {
  const resolved = { ...DEFAULT_LAYOUT, ...options };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`layout option ${name} must be a positive number, got ${value}`);
  }
  if (resolved.minDurationMs > resolved.maxDurationMs) throw new RangeError("layout option minDurationMs must not exceed maxDurationMs");
  return resolved;
}

export function layoutCues(input: readonly TimedWord[], options: Partial<LayoutOptions> = {}): LayoutResult {
  const opts = resolveLayoutOptions(options);
  const words = input.filter((w) => w.text.trim() !== "").map((w) => ({ ...w, text: w.text.trim() }));
  const texts = words.map((w) => w.text);
  const hardBreakBefore = (j: number): boolean => {
    const a = words[j - 1];
    const b = words[j];
    return !!a && !!b && (a.speaker !== b.speaker || b.startMs - a.endMs >= opts.breakOnGapMs);
  };

  const spans = chooseCueSpans(words, texts, opts, hardBreakBefore);
  const problems: CaptionProblem[] = [];
  const cues: Cue[] = spans.map(([i, j], k) => {
    const lines = breakLines(texts.slice(i, j), opts.maxCharsPerLine, opts.maxLinesPerCue);
    return { index: k + 1, startMs: (words[i] as TimedWord).startMs, endMs: (words[j - 1] as TimedWord).endMs, text: lines.join(" "), lines };
  });
  cues.forEach((cue, k) => retime(cue, cues[k + 1]?.startMs, opts, problems));
  return { cues, problems };
}

/**
 * Splits the words into cues, optimally over the whole run rather than cue
 * by cue, so a greedy early break cannot strand a two-word fragment at the end
 * of a sentence. A cue costs (1 - fill)^2 (fuller is better) plus the cost of
 * the boundary it ends at; a cue must fit the lines, the maximum duration
 * (unless it is a single word) and must not cross a hard break.
 */
function chooseCueSpans(
  words: readonly TimedWord[],
  texts: readonly string[],
  opts: LayoutOptions,
  hardBreakBefore: (j: number) => boolean,
): Array<[number, number]> {
  const n = words.length;
  const capacity = opts.maxCharsPerLine * opts.maxLinesPerCue;
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue;
    for (let j = i + 1; j <= n; j++) {
      if (j > i + 1) {
        const duration = (words[j - 1] as TimedWord).endMs - (words[i] as TimedWord).startMs;
        if (hardBreakBefore(j - 1) || duration > opts.maxDurationMs) break;
        if (greedyLineCount(texts.slice(i, j), opts.maxCharsPerLine) > opts.maxLinesPerCue) break;
      }
      const fill = Math.min(1, joinedLength(texts.slice(i, j)) / capacity);
      const strength = j === n || hardBreakBefore(j) ? 3 : boundaryStrength(texts, j);
      const cost = (best[i] as number) + (1 - fill) ** 2 + (BOUNDARY_COST[strength] as number);
      if (cost < (best[j] as number)) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }
  const spans: Array<[number, number]> = [];
  for (let j = n; j > 0; j = from[j] as number) spans.unshift([from[j] as number, j]);
  return spans;
}

/** Lengthens a cue that is too short or too fast, up to the next cue's start, then reports what is still off. */
function retime(cue: Cue, nextStartMs: number | undefined, opts: LayoutOptions, problems: CaptionProblem[]): void {
  const chars = cue.text.length;
  const wanted = Math.max(opts.minDurationMs, Math.ceil((chars / opts.maxCharsPerSecond) * 1000));
  if (cue.endMs - cue.startMs < wanted) {
    const ceiling = Math.min(cue.startMs + Math.min(wanted, opts.maxDurationMs), nextStartMs ?? Infinity);
    cue.endMs = Math.max(cue.endMs, ceiling);
  }
  const at = { cue: cue.index };
  const duration = cue.endMs - cue.startMs;
  for (const line of cue.lines) {
    if (line.length > opts.maxCharsPerLine) {
      problems.push({ ...at, kind: "line_too_long", severity: "warning", message: `line of ${line.length} characters (limit ${opts.maxCharsPerLine}): "${line}"` });
    }
  }
  if (cue.lines.length > opts.maxLinesPerCue) {
    problems.push({ ...at, kind: "too_many_lines", severity: "warning", message: `${cue.lines.length} lines (limit ${opts.maxLinesPerCue})` });
  }
  if (duration < opts.minDurationMs) {
    problems.push({ ...at, kind: "min_duration", severity: "warning", message: `lasts ${duration} ms (minimum ${opts.minDurationMs}); the next cue starts too soon to lengthen it` });
  }
  if (duration > opts.maxDurationMs) {
    problems.push({ ...at, kind: "max_duration", severity: "warning", message: `lasts ${duration} ms (maximum ${opts.maxDurationMs}); its words alone take that long` });
  }
  const cps = duration > 0 ? (chars * 1000) / duration : Infinity;
  if (cps > opts.maxCharsPerSecond) {
    problems.push({ ...at, kind: "reading_speed", severity: "warning", message: `${cps.toFixed(1)} characters per second (limit ${opts.maxCharsPerSecond})` });
  }
}
