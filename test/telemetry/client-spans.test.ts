// An application that starts OpenTelemetry before it loads lipi's client (the
// usual --import setup) gets gRPC client spans for its calls, and lipi's
// server span is their child: traceparent crosses the wire in metadata with
// no code of the caller's. Tracing starts first here and everything that
// touches @grpc/grpc-js is imported afterwards, so the instrumentation patches
// the client constructors before the generated client is built.
import { SpanKind } from "@opentelemetry/api";
import { tracing } from "@opentelemetry/sdk-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTracing, stopTracing } from "../../src/telemetry/tracing.js";

const exporter = new tracing.InMemorySpanExporter();
startTracing({ enabled: true, spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] });
const { startTestLipi } = await import("../helpers/lipi.js");
const { segment, streamConfig } = await import("../../src/client/lipi-client.js");
const { StreamProbe } = await import("../helpers/stream-probe.js");

let t: Awaited<ReturnType<typeof startTestLipi>>;
beforeAll(async () => {
  t = await startTestLipi("pglite", { tracing: { enabled: true } });
});
afterAll(async () => {
  await t?.stop();
  await stopTracing();
});

async function spanPair(method: string): Promise<{ client: tracing.ReadableSpan; server: tracing.ReadableSpan }> {
  const name = `grpc.lipi.v1.TranscriptService/${method}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const spans = exporter.getFinishedSpans().filter((s) => s.name === name);
    const client = spans.find((s) => s.kind === SpanKind.CLIENT);
    const server = spans.find((s) => s.kind === SpanKind.SERVER);
    if (client && server) return { client, server };
    if (Date.now() > deadline) throw new Error(`no client/server span pair for ${method}: ${spans.map((s) => SpanKind[s.kind]).join(", ")}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("client spans", () => {
  it("a unary call's client span is the parent of lipi's server span", async () => {
    exporter.reset();
    const request = { config: streamConfig(), segments: [segment({ seq: 1, text: "um it costs twenty dollars" })] };
    const response = await new Promise<{ segments: Array<{ text: string }> }>((resolve, reject) =>
      t.client.process(request, (err, value) => (err ? reject(err) : resolve(value!))),
    );
    expect(response.segments[0]?.text).toContain("costs $20");
    const { client, server } = await spanPair("Process");
    expect(server.spanContext().traceId).toBe(client.spanContext().traceId);
    expect(server.parentSpanContext?.spanId).toBe(client.spanContext().spanId);
  });

  it("a stream's client span is the parent of lipi's server span", async () => {
    exporter.reset();
    const probe = new StreamProbe(t.client);
    probe.config({});
    probe.segment({ seq: 1, text: "uh so it begins" });
    await probe.waitFor(() => probe.segments.length === 1);
    await probe.finish();
    const { client, server } = await spanPair("StreamProcess");
    expect(server.spanContext().traceId).toBe(client.spanContext().traceId);
    expect(server.parentSpanContext?.spanId).toBe(client.spanContext().spanId);
  });
});
