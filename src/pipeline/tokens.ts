// The token model stages work on, and turning a segment into source words.
import type { SegmentInput, SourceWord, Span } from "./types.js";

/**
 * A word in flight through the pipeline. `source` is the half-open range of
 * source word indexes it came from; its timings are the min start / max end of
 * those words and its confidence their minimum, so timing survives any edit.
 * Tokens are treated as immutable: a stage that changes one makes a new one.
 */
export interface Token {
  readonly text: string;
  readonly source: Span;
  readonly startMs: number;
  readonly endMs: number;
  readonly confidence: number;
  readonly speaker: string;
}

const WHITESPACE_RUN = /\s+/g;
const WHITESPACE_SPLIT = /\s+/;
/** Whitespace that is not a single plain space: needs collapsing. */
const UNTIDY_WHITESPACE = /\s{2,}|[^\S ]/;
/** Control characters other than whitespace (a stray DEL, NUL or C1 code in recogniser or typed text): never part of a word. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, "g");

/** A finite number, or the fallback. Protects against NaN/undefined coming off the wire. */
function finiteOr(value: number | undefined, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** The segment's own span, made sane: missing start -> 0, missing or backwards end -> start. */
export function segmentSpan(segment: SegmentInput): { startMs: number; endMs: number } {
  const startMs = finiteOr(segment.startMs, 0);
  const endMs = Math.max(startMs, finiteOr(segment.endMs, startMs));
  return { startMs, endMs };
}

/**
 * The segment's source words: its `words` when given, else `text` split on
 * whitespace with interpolated timings. Source word indexes in spans refer to
 * this list.
 *
 * Interpolation: the segment's span is shared out in proportion to each word's
 * character length (a long word takes longer to say; spaces are not counted),
 * rounded to whole ms so neighbours share a boundary exactly. When start == end
 * (or timings are missing) every word gets the same zero-length instant.
 * Interpolated words carry the segment's confidence and speaker.
 */
export function tokenizeSegment(segment: SegmentInput): SourceWord[] {
  if (segment.words.length > 0) return segment.words;
  const parts = segment.text.split(WHITESPACE_SPLIT).filter((p) => p.length > 0);
  if (parts.length === 0) return [];
  const { startMs, endMs } = segmentSpan(segment);
  const duration = endMs - startMs;
  let totalChars = 0;
  for (const p of parts) totalChars += p.length;
  const words: SourceWord[] = new Array(parts.length);
  let before = 0;
  for (let i = 0; i < parts.length; i++) {
    const text = parts[i]!;
    const after = before + text.length;
    const word: SourceWord = {
      text,
      startMs: startMs + Math.round((duration * before) / totalChars),
      endMs: startMs + Math.round((duration * after) / totalChars),
    };
    if (segment.confidence !== undefined) word.confidence = segment.confidence;
    if (segment.speaker !== undefined) word.speaker = segment.speaker;
    words[i] = word;
    before = after;
  }
  return words;
}

/**
 * One token per source word. Word text loses control characters, is trimmed
 * and inner whitespace runs collapse to one space (rendering normalisation, not
 * an edit); words that are only whitespace (or controls) produce no token. A
 * word without its own confidence/speaker inherits the segment's; with neither,
 * confidence is 1 (no evidence of doubt) and speaker "". Non-finite word
 * timings fall back to the segment's span.
 */
export function toTokens(sources: readonly SourceWord[], segment: SegmentInput): Token[] {
  const span = segmentSpan(segment);
  const defaultConfidence = finiteOr(segment.confidence, 1);
  const defaultSpeaker = segment.speaker ?? "";
  const tokens: Token[] = [];
  for (let i = 0; i < sources.length; i++) {
    const w = sources[i]!;
    const text = normalizeWordText(w.text);
    if (text.length === 0) continue;
    tokens.push({
      text,
      source: { start: i, end: i + 1 },
      startMs: finiteOr(w.startMs, span.startMs),
      endMs: finiteOr(w.endMs, span.endMs),
      confidence: finiteOr(w.confidence, defaultConfidence),
      speaker: w.speaker !== undefined && w.speaker !== "" ? w.speaker : defaultSpeaker,
    });
  }
  return tokens;
}

/** How source word text is normalised before stages see it (control characters dropped, trim + single spaces). */
export function normalizeWordText(text: string): string {
  const trimmed = (CONTROL.test(text) ? text.replace(CONTROLS, "") : text).trim();
  return UNTIDY_WHITESPACE.test(trimmed) ? trimmed.replace(WHITESPACE_RUN, " ") : trimmed;
}

/** The same token with new text; source and timings are kept. */
export function withText(token: Token, text: string): Token {
  return { ...token, text };
}

/**
 * A token covering several adjacent tokens (for stages that join words, e.g. ITN
 * "nineteen ninety five" -> "1995"): span is their union, timings min/max,
 * confidence the minimum. `parts` must be non-empty, in order and adjacent in
 * the source (no removed word between them), so the span's timings are exactly
 * the parts' min/max.
 */
export function mergeTokens(parts: readonly Token[], text: string): Token {
  const first = parts[0]!;
  let startMs = first.startMs;
  let endMs = first.endMs;
  let confidence = first.confidence;
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.startMs < startMs) startMs = p.startMs;
    if (p.endMs > endMs) endMs = p.endMs;
    if (p.confidence < confidence) confidence = p.confidence;
  }
  const last = parts[parts.length - 1]!;
  return { text, source: { start: first.source.start, end: last.source.end }, startMs, endMs, confidence, speaker: first.speaker };
}
