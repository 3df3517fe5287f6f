// After real calls on loopback, /metrics shows what happened: gRPC server
// metrics under go-grpc-prometheus's names, per-segment stream latency,
// pipeline batch phases, edits by stage and rule, pool and buffer gauges,
// default process metrics — and no ids among the label values.
import { Metadata, status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcessRequest, ProcessResponse } from "../../src/gen/lipi/v1/transcript.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";
import { scrape } from "./prometheus-text.js";

let t: TestLipi;
beforeAll(async () => {
  t = await startTestLipi("pglite");
});
afterAll(async () => {
  await t?.stop();
});

const STREAM = { grpc_type: "bidi_stream", grpc_service: "lipi.v1.TranscriptService", grpc_method: "StreamProcess" };
const UNARY = { grpc_type: "unary", grpc_service: "lipi.v1.TranscriptService", grpc_method: "Process" };
const SEGMENTS = 40;

function processCall(request: Partial<ProcessRequest>): Promise<{ err: { code: number } | null; response?: ProcessResponse }> {
  return new Promise((resolve) =>
    t.client.process({ segments: [], ...request } as ProcessRequest, new Metadata(), (err, response) => resolve({ err, response })),
  );
}

describe("/metrics", () => {
  it("counts a stream's messages, its status, per-segment latency and the pipeline's work", async () => {
    const before = await scrape(t.observabilityUrl!);
    const probe = new StreamProbe(t.client);
    probe.config({});
    for (let i = 1; i <= SEGMENTS; i++) probe.segment({ seq: i, text: `um so this is segment ${i} uh of the talk.` });
    probe.segment({ seq: 3, text: "out of order" }); // answered with a SegmentError; the stream goes on
    await probe.waitFor(() => probe.segments.length === SEGMENTS);
    expect((await probe.finish()).code).toBe(status.OK);

    const after = await scrape(t.observabilityUrl!);
    const moved = (name: string, labels: Record<string, string> = {}) => after.value(name, labels) - before.value(name, labels);

    expect(moved("grpc_server_started_total", STREAM)).toBe(1);
    expect(moved("grpc_server_handled_total", { ...STREAM, grpc_code: "OK" })).toBe(1);
    expect(moved("grpc_server_handling_seconds_count", STREAM)).toBe(1);
    expect(moved("grpc_server_msg_received_total", STREAM)).toBe(1 + SEGMENTS + 1); // config, segments, the bad one
    expect(moved("grpc_server_msg_sent_total", STREAM)).toBe(probe.responses.length);
    expect(after.types.get("grpc_server_handling_seconds")).toBe("histogram");

    expect(moved("lipi_segments_processed_total")).toBe(SEGMENTS);
    expect(moved("lipi_stream_segment_latency_seconds_count")).toBe(SEGMENTS);
    expect(moved("lipi_stream_segment_errors_total", { grpc_code: "InvalidArgument" })).toBe(1);
    const batches = moved("lipi_pipeline_batch_seconds_count", { phase: "total" });
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(moved("lipi_pipeline_batch_seconds_count", { phase: "pipeline" })).toBe(batches);
    expect(moved("lipi_pipeline_batch_seconds_sum", { phase: "pipeline" })).toBeGreaterThan(0);
    expect(moved("lipi_pool_batch_segments_sum")).toBe(SEGMENTS);
    // Every enabled stage reports its time once per batch.
    for (const stage of ["disfluency", "itn", "casing"]) {
      expect(moved("lipi_pipeline_stage_seconds_count", { stage })).toBe(batches);
    }
    // Two fillers per segment, removed by the disfluency stage.
    expect(moved("lipi_edits_total", { stage: "disfluency", outcome: "applied" })).toBe(2 * SEGMENTS);
    expect(after.find("lipi_edits_total", { stage: "disfluency" }).every((s) => s.labels["rule"] !== "")).toBe(true);
  });

  it("counts unary calls by status code", async () => {
    const before = await scrape(t.observabilityUrl!);
    const ok = await processCall({
      config: { profile: "", stages: {}, lexiconIds: [], language: "", sessionId: "", persist: false, interimHandling: 0 },
      segments: [{ id: "a", seq: 1, isFinal: true, stability: 0, startMs: 0, endMs: 0, text: "uh hello there", words: [], speaker: "" }],
    });
    expect(ok.err).toBeNull();
    const bad = await processCall({}); // no config
    expect(bad.err?.code).toBe(status.INVALID_ARGUMENT);
    const after = await scrape(t.observabilityUrl!);
    const moved = (name: string, labels: Record<string, string>) => after.value(name, labels) - before.value(name, labels);
    expect(moved("grpc_server_started_total", UNARY)).toBe(2);
    expect(moved("grpc_server_handled_total", { ...UNARY, grpc_code: "OK" })).toBe(1);
    expect(moved("grpc_server_handled_total", { ...UNARY, grpc_code: "InvalidArgument" })).toBe(1);
    expect(moved("grpc_server_handling_seconds_count", UNARY)).toBe(2);
  });

  it("exposes pool, write buffer, readiness and default process metrics, with bounded labels", async () => {
    const now = await scrape(t.observabilityUrl!);
    expect(now.value("lipi_pool_threads")).toBe(2);
    for (const name of ["lipi_pool_utilization_ratio", "lipi_pool_queued_tasks", "lipi_pool_in_flight_tasks", "lipi_pool_worker_crashes_total", "lipi_streams_open"]) {
      expect(now.has(name), name).toBe(true);
    }
    expect(now.find("lipi_write_buffer_rows", { buffer: "persistence" })).toHaveLength(1);
    expect(now.find("lipi_write_buffer_retries_total", { buffer: "persistence" })).toHaveLength(1);
    expect(now.value("lipi_ready")).toBe(1);
    expect(now.value("lipi_health_check_status", { check: "store" })).toBe(1);
    for (const name of ["nodejs_eventloop_lag_seconds", "nodejs_eventloop_lag_p99_seconds", "process_cpu_user_seconds_total", "nodejs_heap_size_used_bytes"]) {
      expect(now.has(name), name).toBe(true);
    }
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    const leaks = now.samples.filter((s) => Object.values(s.labels).some((v) => uuid.test(v) || v.includes("127.0.0.1:")));
    expect(leaks).toEqual([]);
  });

  it("answers /healthz and /readyz with JSON details", async () => {
    const live = await fetch(`${t.observabilityUrl}/healthz`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${t.observabilityUrl}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(body.status).toBe("ready");
    expect(Object.keys(body.checks).sort()).toEqual(["draining", "pool", "store"]);
    expect((await fetch(`${t.observabilityUrl}/nope`)).status).toBe(404);
  });
});
