// Process, the unary twin: same pipeline, whole-call INVALID_ARGUMENT with
// every field violation listed.
import { Metadata, status, type ServiceError } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcessRequest, ProcessResponse } from "../../src/gen/lipi/v1/transcript.js";
import { segment, streamConfig } from "../../src/client/lipi-client.js";
import { decodeFieldViolations } from "../../src/server/errors.js";
import { listSegments, listStreams } from "../../src/store/index.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";

let lipi: TestLipi;
beforeAll(async () => {
  lipi = await startTestLipi("pglite");
});
afterAll(async () => {
  await lipi?.stop();
});

const seg = segment;
const config = streamConfig();

function processCall(request: ProcessRequest): Promise<ProcessResponse> {
  return new Promise((resolve, reject) => lipi.client.process(request, (err, res) => (err ? reject(err) : resolve(res!))));
}

describe("Process", () => {
  it("processes segments in order with the stream's rules", async () => {
    const res = await processCall({
      config,
      segments: [
        seg({ seq: 1, words: [{ text: "uh", startMs: 0, endMs: 200, confidence: 0.9, speaker: "" }, { text: "hello", startMs: 250, endMs: 600, confidence: 0.8, speaker: "" }, { text: "world.", startMs: 650, endMs: 900, confidence: 0.95, speaker: "" }] }),
        seg({ seq: 2, text: "and then some" }),
      ],
    });
    expect(res.segments.map((s) => s.text)).toEqual(["Hello world.", "And then some."]);
    const hello = res.segments[0]!.words[0]!;
    expect(hello).toMatchObject({ text: "Hello", startMs: 250, endMs: 600, source: { start: 1, end: 2 } });
    expect(hello.confidence).toBeCloseTo(0.8);
  });

  it("fails the whole call with INVALID_ARGUMENT listing every bad field", async () => {
    const err = (await processCall({
      config: { ...config, profile: "nope" },
      segments: [seg({ text: "fine" }), seg({ startMs: 10, endMs: 5, text: "bad" }), seg({ stability: 3, text: "bad" })],
    }).catch((e: ServiceError) => e)) as ServiceError;
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(decodeFieldViolations(err.metadata).map((v) => v.field)).toEqual([
      "config.profile",
      "segments[1].end_ms",
      "segments[2].stability",
    ]);
  });

  it("echoes the caller's x-request-id, or makes one", async () => {
    const headersOf = (metadata: Metadata) =>
      new Promise<Metadata>((resolve, reject) => {
        const call = lipi.client.process({ config, segments: [] }, metadata, (err) => err && reject(err));
        call.on("metadata", resolve);
      });
    const given = new Metadata();
    given.set("x-request-id", "req-42");
    expect((await headersOf(given)).get("x-request-id")).toEqual(["req-42"]);
    const made = (await headersOf(new Metadata())).get("x-request-id")[0];
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("stores the final segments when asked to persist, with the caller who sent them", async () => {
    await processCall({
      config: { ...config, sessionId: "unary-persist", persist: true },
      segments: [seg({ seq: 1, text: "um stored one." }), seg({ seq: 2, text: "interim", isFinal: false }), seg({ seq: 3, text: "stored two" })],
    });
    const deadline = Date.now() + 10_000;
    let stored = await listSegments(lipi.lipi.database.pool, "unary-persist");
    while (stored.length < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      stored = await listSegments(lipi.lipi.database.pool, "unary-persist");
    }
    expect(stored.map((s) => [s.seq, s.processed.text])).toEqual([
      [1, "Stored one."],
      [3, "Stored two."],
    ]);
    expect((await listStreams(lipi.lipi.database.pool, "unary-persist")).map((s) => s.subject)).toEqual(["test-admin"]);
  });

  it("requires a config", async () => {
    const err = (await processCall({ segments: [seg({ text: "x" })] }).catch((e: ServiceError) => e)) as ServiceError;
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(decodeFieldViolations(err.metadata)[0]!.field).toBe("config");
  });
});
