// Limits from config answered with precise statuses: transport message size
// (RESOURCE_EXHAUSTED from grpc-js), words and characters per segment and
// segments per unary call (INVALID_ARGUMENT naming the field and the limit).
import { status, type ServiceError } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { segment, streamConfig } from "../../src/client/lipi-client.js";
import { decodeBadRequest, decodeFieldViolations } from "../../src/server/errors.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";

let t: TestLipi;
beforeAll(async () => {
  t = await startTestLipi("pglite", {
    server: { maxReceiveMessageBytes: 4096 },
    stream: { maxWordsPerSegment: 5, maxSegmentChars: 200, maxSegmentsPerRequest: 3 },
  });
});
afterAll(async () => {
  await t?.stop();
});

describe("limits", () => {
  it("refuses a message over the size limit with RESOURCE_EXHAUSTED", async () => {
    const probe = new StreamProbe(t.client);
    probe.config();
    probe.segment({ seq: 1, text: "x".repeat(5000) });
    const final = await probe.closed();
    expect(final.code).toBe(status.RESOURCE_EXHAUSTED);
  });

  it("rejects a segment with too many words or characters, naming the limit, and keeps the stream", async () => {
    const probe = new StreamProbe(t.client);
    probe.config();
    const word = (text: string, i: number) => ({ text, startMs: i * 10, endMs: i * 10 + 5, speaker: "" });
    probe.segment({ seq: 1, words: ["a", "b", "c", "d", "e", "f"].map(word) });
    probe.segment({ seq: 2, text: "y".repeat(201) });
    probe.segment({ seq: 3, text: "within limits." });
    expect((await probe.finish()).code).toBe(status.OK);
    const errors = probe.responses.flatMap((r) => (r.response?.$case === "error" ? [r.response.value] : []));
    expect(errors.map((e) => decodeBadRequest(e.status)[0])).toMatchObject([
      { field: "segment.words", description: "has 6 words; the limit is 5" },
      { field: "segment.text", description: "is 201 characters; the limit is 200" },
    ]);
    expect(probe.segments.map((s) => s.text)).toEqual(["Within limits."]);
  });

  it("rejects a Process call with more segments than allowed", async () => {
    const seg = segment({ text: "a" });
    const config = streamConfig();
    const err = await new Promise<ServiceError>((resolve) =>
      t.client.process({ config, segments: [seg, seg, seg, seg] }, (e) => resolve(e!)),
    );
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(decodeFieldViolations(err.metadata)).toMatchObject([{ field: "segments", description: "has 4 segments; the limit is 3" }]);
  });
});
