// Worker side of the pipeline metrics: counters for one batch, filled while
// the batch runs and sent back with its reply (codec.ts BatchMetrics). One
// small object per batch crosses the thread boundary, never one per segment.
import type { SegmentResult } from "../pipeline/types.js";
import { KEY_SEPARATOR, type BatchMetrics } from "./codec.js";

export function emptyBatchMetrics(): BatchMetrics {
  return { segments: 0, needsReview: 0, pipelineMs: 0, encodeMs: 0, stageMs: {}, edits: {}, flags: {} };
}

/** Counts the edits, flags and review requests of a job's results into the batch's metrics. */
export function countResults(metrics: BatchMetrics, results: readonly SegmentResult[]): void {
  metrics.segments += results.length;
  for (const result of results) {
    if (result.needsReview) metrics.needsReview++;
    for (const edit of result.edits) {
      const key = edit.stage + KEY_SEPARATOR + edit.rule + KEY_SEPARATOR + (edit.applied ? "applied" : "suggested");
      metrics.edits[key] = (metrics.edits[key] ?? 0) + 1;
    }
    for (const flag of result.flags) {
      const key = flag.stage + KEY_SEPARATOR + flag.code;
      metrics.flags[key] = (metrics.flags[key] ?? 0) + 1;
    }
  }
}
