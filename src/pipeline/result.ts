// Turning the final token list into the SegmentResult sent back to clients.
import type { EditLog } from "./edits.js";
import type { Token } from "./tokens.js";
import { segmentSpan } from "./tokens.js";
import type { OutputWordResult, SegmentInput, SegmentResult, SourceWord } from "./types.js";

/**
 * The segment's span: its own when it has one; when the engine left it empty
 * (start == end, e.g. proto defaults) but gave word timings, the words' extent.
 */
function resultSpan(segment: SegmentInput, sources: readonly SourceWord[]): { startMs: number; endMs: number } {
  const span = segmentSpan(segment);
  if (span.endMs > span.startMs || sources.length === 0 || segment.words.length === 0) return span;
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const w of sources) {
    if (Number.isFinite(w.startMs) && w.startMs < startMs) startMs = w.startMs;
    if (Number.isFinite(w.endMs) && w.endMs > endMs) endMs = w.endMs;
  }
  return startMs <= endMs ? { startMs, endMs } : span;
}

export function buildResult(segment: SegmentInput, sources: readonly SourceWord[], tokens: readonly Token[], log: EditLog): SegmentResult {
  const words: OutputWordResult[] = new Array(tokens.length);
  const texts: string[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    texts[i] = t.text;
    words[i] = {
      text: t.text,
      startMs: t.startMs,
      endMs: t.endMs,
      confidence: t.confidence,
      speaker: t.speaker,
      source: { start: t.source.start, end: t.source.end },
    };
  }
  const { startMs, endMs } = resultSpan(segment, sources);
  return {
    id: segment.id,
    seq: segment.seq,
    isFinal: segment.isFinal,
    startMs,
    endMs,
    text: texts.join(" "),
    words,
    edits: log.edits,
    flags: log.flags,
    needsReview: log.needsReview,
    speaker: segment.speaker || (tokens[0]?.speaker ?? ""),
  };
}
