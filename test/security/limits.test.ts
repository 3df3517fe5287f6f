// Limits on a running server, each answered with a precise status and
// audited: message size, concurrent streams per subject, per-subject rate
// (with retry info, and recovery), stream duration; and the one record per
// stream with its segment counts.
import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StreamStatus_Kind } from "../../src/gen/lipi/v1/transcript.js";
import { decodeRetryDelayMs } from "../../src/server/errors.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";
import { callProcess, MemoryAuditSink, newRequestId, waitForEntry } from "./support.js";

const STREAM = "/lipi.v1.TranscriptService/StreamProcess";
const audit = new MemoryAuditSink();
let lipi: TestLipi;

beforeAll(async () => {
  lipi = await startTestLipi(
    "postgres",
    {
      server: { maxReceiveMessageBytes: 64 * 1024 },
      stream: { maxSegmentChars: 200 },
      limits: { rate: { callsPerSecond: 2, burst: 5 }, maxConcurrentStreamsPerSubject: 2, maxStreamDurationMs: 1_500 },
    },
    { auditSink: audit },
  );
  // Warm the worker pool up, so timings below are about limits, not first-run start-up.
  expect((await callProcess(lipi.client, newRequestId("warm-up"))).code).toBe(status.OK);
});
afterAll(async () => {
  await lipi?.stop();
});

const clientFor = async (subject: string) => lipi.clientWith((await lipi.mint(["operator"], { subject })).token);
const started = (probe: StreamProbe) => probe.responses.some((r) => r.response?.$case === "status" && r.response.value.kind === StreamStatus_Kind.KIND_STARTED);

describe("limits", () => {
  it("an oversized message is RESOURCE_EXHAUSTED and audited", async () => {
    const client = await clientFor("big-talker");
    const requestId = newRequestId("oversized");
    const outcome = await callProcess(client, requestId, "word ".repeat(20_000));
    client.close();
    expect(outcome.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(outcome.details).toMatch(/larger than/);
    const entry = await audit.forRequest(requestId);
    expect(entry).toMatchObject({ method: "/lipi.v1.TranscriptService/Process", code: status.RESOURCE_EXHAUSTED });
    expect(entry.message).toMatch(/larger than max \(\d+ vs 65536\)/);
  });

  it("a third concurrent stream of one subject is RESOURCE_EXHAUSTED; another subject and a later stream are not", async () => {
    const client = await clientFor("streamer");
    const open = [new StreamProbe(client), new StreamProbe(client)];
    for (const probe of open) {
      probe.config();
      await probe.waitFor(() => started(probe));
    }
    const third = new StreamProbe(client);
    third.config();
    const refused = await third.closed();
    expect(refused.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(refused.details).toBe("too many concurrent streams: the limit is 2 per subject");
    const entry = await waitForEntry(audit, (e) => e.subject === "streamer" && e.code === status.RESOURCE_EXHAUSTED);
    expect(entry).toMatchObject({ method: STREAM, roles: ["operator"], message: refused.details });

    // The limit is per subject: someone else still gets a stream.
    const other = await clientFor("bystander");
    const theirs = new StreamProbe(other);
    theirs.config();
    await theirs.waitFor(() => started(theirs));
    expect((await theirs.finish()).code).toBe(status.OK);

    // A slot comes back when a stream ends.
    expect((await open[0]!.finish()).code).toBe(status.OK);
    const again = new StreamProbe(client);
    again.config();
    await again.waitFor(() => started(again));
    expect((await again.finish()).code).toBe(status.OK);
    expect((await open[1]!.finish()).code).toBe(status.OK);
    client.close();
    other.close();
  });

  it("a subject over its rate gets RESOURCE_EXHAUSTED with RetryInfo, and gets through after the delay", async () => {
    const client = await clientFor("rater");
    for (let i = 0; i < 5; i++) expect((await callProcess(client, newRequestId("burst"))).code).toBe(status.OK);
    const requestId = newRequestId("over-rate");
    const refused = await callProcess(client, requestId);
    expect(refused.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(refused.details).toMatch(/rate limit exceeded \(2 calls\/s, burst 5\); retry in \d+ ms/);
    const delay = decodeRetryDelayMs(refused.trailers);
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(500); // one token at 2 per second
    expect(await audit.forRequest(requestId)).toMatchObject({ code: status.RESOURCE_EXHAUSTED, subject: "rater", message: refused.details });

    await new Promise((r) => setTimeout(r, delay! + 20));
    const recovered = newRequestId("recovered");
    expect((await callProcess(client, recovered)).code).toBe(status.OK);
    expect((await audit.forRequest(recovered)).code).toBe(status.OK);
    client.close();
  });

  it("a stream longer than limits.maxStreamDurationMs ends with RESOURCE_EXHAUSTED, its counts in the audit record", async () => {
    const client = await clientFor("long-talker");
    const probe = new StreamProbe(client);
    probe.config({ sessionId: "marathon" });
    probe.segment({ text: "um the first words", seq: 1 });
    await probe.waitFor(() => probe.segments.length === 1);
    const ended = await probe.closed(5_000);
    client.close();
    expect(ended.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(ended.details).toMatch(/maximum duration \(limits\.maxStreamDurationMs = 1500 ms\)/);
    const entry = await waitForEntry(audit, (e) => e.subject === "long-talker");
    expect(entry).toMatchObject({ method: STREAM, code: status.RESOURCE_EXHAUSTED, resourceIds: { session: "marathon" } });
    expect(entry.counts).toMatchObject({ segmentsReceived: 1, segmentsProcessed: 1 });
    expect(entry.durationMs).toBeGreaterThanOrEqual(1_400);
  });
});

describe("the stream's audit record", () => {
  it("is one record when the stream ends, with its ids and segment counts (rejected segments included)", async () => {
    const client = await clientFor("counter");
    const probe = new StreamProbe(client);
    probe.config({ sessionId: "counted-session" });
    probe.segment({ text: "um one", seq: 1 });
    probe.segment({ text: "x".repeat(300), seq: 2 }); // over stream.maxSegmentChars: a SegmentError, the stream goes on
    probe.segment({ text: "uh two", seq: 3 });
    probe.segment({ text: "three", seq: 4 });
    await probe.waitFor(() => probe.responses.length === 5);
    expect(audit.entries.filter((e) => e.subject === "counter")).toEqual([]); // nothing until it ends
    expect((await probe.finish()).code).toBe(status.OK);
    client.close();

    const entry = await waitForEntry(audit, (e) => e.subject === "counter");
    expect(audit.entries.filter((e) => e.subject === "counter")).toHaveLength(1);
    expect(entry).toMatchObject({ method: STREAM, code: status.OK, roles: ["operator"], message: "" });
    expect(entry.resourceIds.session).toBe("counted-session");
    expect(entry.resourceIds.stream).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry.counts).toMatchObject({ segmentsReceived: 4, segmentsProcessed: 3, segmentsRejected: 1 });
    expect(entry.requestId).not.toBe("");
  });
});
