// A client that sends far faster than the server processes and does not
// read its responses: the server stops reading (HTTP/2 flow control pushes
// back to the client), its queue and memory stay bounded, and once the
// client reads again every one of the 100k segments is answered in order.
import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StreamProcessResponse } from "../../src/gen/lipi/v1/transcript.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";

const TOTAL = 100_000;
const MAX_PENDING = 128;

let t: TestLipi;
beforeAll(async () => {
  t = await startTestLipi("pglite", { stream: { maxPendingSegments: MAX_PENDING, resumePendingSegments: 32 } });
});
afterAll(async () => {
  await t?.stop();
});

const segment = (seq: number) => ({
  request: {
    $case: "segment" as const,
    value: { id: "", seq, isFinal: true, stability: 0, startMs: seq * 1000, endMs: seq * 1000 + 800, text: `um this is segment ${seq} of the flood`, words: [], speaker: "" },
  },
});

describe("back-pressure", () => {
  it("keeps server memory bounded for a client that does not read, and drops nothing", async () => {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const call = t.client.streamProcess();
    let finalStatus: number | undefined;
    call.on("status", (s) => (finalStatus = s.code));
    call.on("error", () => undefined);
    call.pause(); // never read until told to
    call.write({ request: { $case: "config", value: { profile: "", stages: {}, lexiconIds: [], language: "", sessionId: "", persist: false, interimHandling: 0 } } });

    let maxDepth = 0;
    const sampler = setInterval(() => {
      for (const s of t.lipi.server.sessions.list()) maxDepth = Math.max(maxDepth, s.queueDepth);
    }, 5);

    // Phase 1: send without reading until the transport stops taking more.
    let sent = 0;
    let stalled = false;
    while (sent < TOTAL && !stalled) {
      if (call.write(segment(sent + 1))) {
        sent++;
        continue;
      }
      sent++;
      stalled = !(await Promise.race([
        new Promise<boolean>((r) => call.once("drain", () => r(true))),
        new Promise<boolean>((r) => setTimeout(() => r(false), 1_500)),
      ]));
    }
    global.gc?.();
    const heapStalled = process.memoryUsage().heapUsed;
    expect(stalled).toBe(true); // the server pushed back long before 100k
    expect(sent).toBeLessThan(TOTAL / 4);
    expect(maxDepth).toBeLessThanOrEqual(MAX_PENDING + 1);
    // Client and server share this process: both together stay small.
    expect(heapStalled - heapBefore).toBeLessThan(64 * 1024 * 1024);

    // Phase 2: read again and send the rest; every segment comes back in order.
    const seqs: number[] = [];
    call.on("data", (r: StreamProcessResponse) => {
      if (r.response?.$case === "segment") seqs.push(r.response.value.seq);
    });
    call.resume();
    while (sent < TOTAL) {
      if (!call.write(segment(++sent))) await new Promise((r) => call.once("drain", r));
    }
    call.end();
    const deadline = Date.now() + 120_000;
    while (finalStatus === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    clearInterval(sampler);
    expect(finalStatus).toBe(status.OK);
    expect(seqs).toHaveLength(TOTAL);
    expect(seqs.every((seq, i) => seq === i + 1)).toBe(true);
    expect(maxDepth).toBeLessThanOrEqual(MAX_PENDING + 1);
  }, 180_000);
});
