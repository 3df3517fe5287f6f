// Pipeline results in wire shape. Workers encode the responses of a stream
// themselves, so the main thread receives bytes (one buffer per job) instead
// of object graphs: copying a result's words and edits between threads costs
// several times what the pipeline itself does, and the main thread is the
// one that also runs gRPC for every stream.
import { ProcessedSegment, StreamProcessResponse } from "../gen/lipi/v1/transcript.js";
import type { SegmentResult } from "../pipeline/types.js";

const NO_DETAILS: Readonly<Record<string, string>> = Object.freeze({});

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
    // The wire's map field is never absent; most edits have no details.
    edits: result.edits.map((e) => ({ ...e, details: e.details ?? NO_DETAILS })),
    flags: result.flags,
    needsReview: result.needsReview,
    speaker: result.speaker,
  };
}

/** What the main thread still needs to know of a result it only forwards. */
export interface ResultSummary {
  editsApplied: number;
  editsSuggested: number;
  needsReview: boolean;
}

/** StreamProcessResponse messages, serialised back to back in one buffer. */
export interface EncodedResponses {
  bytes: Uint8Array;
  /** ends[i] is where response i ends; response i starts at ends[i - 1] (or 0). */
  ends: number[];
  summaries: ResultSummary[];
}

export function summarize(result: SegmentResult): ResultSummary {
  let editsApplied = 0;
  for (const edit of result.edits) if (edit.applied) editsApplied++;
  return { editsApplied, editsSuggested: result.edits.length - editsApplied, needsReview: result.needsReview };
}

export function encodeResponses(results: readonly SegmentResult[]): EncodedResponses {
  const parts: Uint8Array[] = [];
  const ends: number[] = [];
  let total = 0;
  for (const result of results) {
    const part = StreamProcessResponse.encode({ response: { $case: "segment", value: toProcessedSegment(result) } }).finish();
    parts.push(part);
    total += part.length;
    ends.push(total);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, ends, summaries: results.map(summarize) };
}

/** Response i of an encoded batch, as a Buffer view (no copy). */
export function encodedResponseAt(encoded: EncodedResponses, i: number): Buffer {
  const start = i === 0 ? 0 : encoded.ends[i - 1]!;
  return Buffer.from(encoded.bytes.buffer, encoded.bytes.byteOffset + start, encoded.ends[i]! - start);
}
