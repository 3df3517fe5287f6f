// Pipeline results in wire shape.
import type { ProcessedSegment } from "../gen/lipi/v1/transcript.js";
import type { SegmentResult } from "../pipeline/types.js";

export function toProcessedSegment(result: SegmentResult): ProcessedSegment {
  // The pipeline's result already has the wire's field names; this keeps the
  // mapping explicit so a rename on either side fails to compile.
  return {
    id: result.id,
    seq: result.seq,
    isFinal: result.isFinal,
    startMs: result.startMs,
    endMs: result.endMs,
    text: result.text,
    words: result.words,
    edits: result.edits,
    flags: result.flags,
    needsReview: result.needsReview,
    speaker: result.speaker,
  };
}
