// With tracing on, spans reach an in-memory exporter with the right
// relations: the caller's span is the parent of the server's (traceparent
// travels in metadata), each pipeline batch span links to the calls it
// served and carries the worker's timings, pg queries are traced, and log
// lines written inside a span carry its ids.
import { Metadata, status } from "@grpc/grpc-js";
import { context, propagation, SpanKind, trace } from "@opentelemetry/api";
import { tracing } from "@opentelemetry/sdk-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcessRequest, TranscriptServiceClient } from "../../src/gen/lipi/v1/transcript.js";
import { BATCH_SPAN_NAME } from "../../src/telemetry/batch-span.js";
import { traceLogFields } from "../../src/telemetry/logger.js";
import { lipiTracer, stopTracing } from "../../src/telemetry/tracing.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";

const exporter = new tracing.InMemorySpanExporter();
let t: TestLipi;
beforeAll(async () => {
  t = await startTestLipi("pglite", { tracing: { enabled: true } }, { spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] });
});
afterAll(async () => {
  await t?.stop();
  await stopTracing();
});

const spans = () => exporter.getFinishedSpans();

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met; spans: ${spans().map((s) => s.name).join(", ")}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("tracing", () => {
  it("links caller → server span → batch spans for a stream, and traces the store's queries", async () => {
    exporter.reset();
    // The caller (an ASR engine) sends its trace context as W3C traceparent metadata.
    const caller = lipiTracer().startSpan("asr-engine", { kind: SpanKind.CLIENT });
    const metadata = new Metadata();
    propagation.inject(trace.setSpan(context.active(), caller), metadata, { set: (carrier, key, value) => carrier.set(key, value) });
    const probe = new StreamProbe({ streamProcess: () => t.client.streamProcess(metadata) } as unknown as TranscriptServiceClient);
    probe.config({ persist: true, sessionId: "traced" });
    for (let i = 1; i <= 20; i++) probe.segment({ seq: i, text: `uh segment ${i} here.` });
    await probe.waitFor(() => probe.segments.length === 20);
    expect((await probe.finish()).code).toBe(status.OK);
    caller.end();
    await t.lipi.writer.flush();

    const serverName = "grpc.lipi.v1.TranscriptService/StreamProcess";
    await until(() => spans().some((s) => s.name === serverName && s.kind === SpanKind.SERVER) && spans().some((s) => s.name.startsWith("pg")));
    const server = spans().find((s) => s.name === serverName && s.kind === SpanKind.SERVER)!;
    expect(server.spanContext().traceId).toBe(caller.spanContext().traceId);
    expect(server.parentSpanContext?.spanId).toBe(caller.spanContext().spanId);

    const batches = spans().filter((s) => s.name === BATCH_SPAN_NAME);
    const served = batches.filter((b) => b.links.some((l) => l.context.spanId === server.spanContext().spanId));
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(served.reduce((n, b) => n + Number(b.attributes["lipi.batch.segments"]), 0)).toBe(20);
    for (const batch of served) {
      expect(batch.parentSpanContext).toBeUndefined(); // a root: it may serve many streams
      expect(batch.attributes["lipi.batch.pipeline_ms"]).toEqual(expect.any(Number));
      expect(batch.attributes["lipi.stage.disfluency.ms"]).toEqual(expect.any(Number));
    }
    expect(spans().some((s) => s.name.startsWith("pg") && s.kind === SpanKind.CLIENT)).toBe(true);
  });

  it("links the batch span of a unary call to its server span", async () => {
    exporter.reset();
    const request = {
      config: { profile: "", stages: {}, lexiconIds: [], language: "", sessionId: "", persist: false, interimHandling: 0 },
      segments: [{ id: "a", seq: 1, isFinal: true, stability: 0, startMs: 0, endMs: 0, text: "um hello", words: [], speaker: "" }],
    } as ProcessRequest;
    await new Promise<void>((resolve, reject) => t.client.process(request, new Metadata(), (err) => (err ? reject(err) : resolve())));
    const serverName = "grpc.lipi.v1.TranscriptService/Process";
    await until(() => spans().some((s) => s.name === serverName && s.kind === SpanKind.SERVER));
    const server = spans().find((s) => s.name === serverName && s.kind === SpanKind.SERVER)!;
    await until(() => spans().some((s) => s.name === BATCH_SPAN_NAME));
    const batch = spans().find((s) => s.name === BATCH_SPAN_NAME)!;
    expect(batch.links.map((l) => l.context.spanId)).toContain(server.spanContext().spanId);
  });

  it("puts trace and span ids into log lines written inside a span", () => {
    expect(traceLogFields()).toEqual({});
    lipiTracer().startActiveSpan("test", (span) => {
      expect(traceLogFields()).toEqual({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId });
      span.end();
    });
  });
});
