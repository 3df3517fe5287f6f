// The span of one pipeline batch. A batch serves many streams at once, so it
// is a root span with a link to each stream's call span (OpenTelemetry's
// pattern for batched work) rather than a child of any one of them; the
// worker's timings arrive with its reply and become attributes (an event
// with the same figures would only double what every span exports).
import { SpanKind, SpanStatusCode, isSpanContextValid, type Link, type Span, type SpanContext } from "@opentelemetry/api";
import type { BatchMetrics } from "../workers/codec.js";
import { lipiTracer } from "./tracing.js";

export const BATCH_SPAN_NAME = "lipi.pipeline.batch";

export function startBatchSpan(batchId: number, segments: number, streams: Array<SpanContext | undefined>): Span {
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const stream of streams) {
    if (!stream || !isSpanContextValid(stream) || seen.has(stream.spanId)) continue;
    seen.add(stream.spanId);
    links.push({ context: stream });
  }
  return lipiTracer().startSpan(BATCH_SPAN_NAME, {
    kind: SpanKind.INTERNAL,
    root: true,
    links,
    attributes: { "lipi.batch.id": batchId, "lipi.batch.jobs": streams.length, "lipi.batch.segments": segments },
  });
}

export function endBatchSpan(span: Span, roundTripMs: number, worker: BatchMetrics | undefined): void {
  span.setAttribute("lipi.batch.round_trip_ms", round(roundTripMs));
  if (worker) {
    const stages: Record<string, number> = {};
    for (const stage in worker.stageMs) stages[`lipi.stage.${stage}.ms`] = round(worker.stageMs[stage]!);
    span.setAttributes({
      "lipi.batch.pipeline_ms": round(worker.pipelineMs),
      "lipi.batch.encode_ms": round(worker.encodeMs),
      "lipi.batch.queue_ms": round(Math.max(0, roundTripMs - worker.pipelineMs - worker.encodeMs)),
      "lipi.batch.needs_review": worker.needsReview,
      ...stages,
    });
  }
  span.end();
}

export function failBatchSpan(span: Span, error: Error): void {
  span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  span.end();
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
