// StreamProcess semantics over real gRPC on loopback: the config-first rule,
// ordering, per-segment errors that leave the stream (and others) alive,
// mid-stream config updates, and flush.
import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StreamStatus_Kind } from "../../src/gen/lipi/v1/transcript.js";
import { decodeBadRequest, decodeFieldViolations } from "../../src/server/errors.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";

let lipi: TestLipi;
beforeAll(async () => {
  lipi = await startTestLipi("pglite");
});
afterAll(async () => {
  await lipi?.stop();
});

const kinds = (probe: StreamProbe) =>
  probe.responses.map((r) =>
    r.response?.$case === "status" ? `status:${StreamStatus_Kind[r.response.value.kind]}` : `${r.response?.$case}`,
  );

describe("StreamProcess", () => {
  it("ends with FAILED_PRECONDITION when the first message is not a config", async () => {
    const probe = new StreamProbe(lipi.client);
    probe.segment({ text: "hello there", seq: 1 });
    const final = await probe.closed();
    expect(final.code).toBe(status.FAILED_PRECONDITION);
    expect(final.details).toMatch(/first message .* config/);
  });

  it("rejects an invalid config with INVALID_ARGUMENT naming the field", async () => {
    const probe = new StreamProbe(lipi.client);
    probe.config({ profile: "no-such-profile" });
    const final = await probe.closed();
    expect(final.code).toBe(status.INVALID_ARGUMENT);
    const violations = decodeFieldViolations(final.metadata);
    expect(violations.map((v) => v.field)).toEqual(["config.profile"]);
    expect(violations[0]!.description).toMatch(/unknown profile "no-such-profile"/);
  });

  it("refuses a lexicon pack the server has not loaded, naming the field and the packs it has", async () => {
    const probe = new StreamProbe(lipi.client);
    probe.config({ lexiconIds: ["yoga-vedanta", "no-such-pack"] });
    const final = await probe.closed();
    expect(final.code).toBe(status.INVALID_ARGUMENT);
    const violations = decodeFieldViolations(final.metadata);
    expect(violations.map((v) => v.field)).toEqual(["config.lexicon_ids[1]"]);
    expect(violations[0]!.description).toBe('unknown lexicon pack "no-such-pack"; loaded: yoga-vedanta');
  });

  it("takes a loaded lexicon pack by id and applies its terms", async () => {
    const probe = new StreamProbe(lipi.client);
    probe.config({ lexiconIds: ["yoga-vedanta"] });
    probe.segment({ seq: 1, text: "we read the bhagavad geeta today" });
    const final = await probe.finish();
    expect(final.code).toBe(status.OK);
    expect(probe.segments.map((s) => s.text)).toEqual(["We read the Bhagavad Gītā today."]);
    // The match's entry, score and runner-up travel with the edit.
    const edit = probe.segments[0]!.edits.find((e) => e.stage === "lexicon")!;
    expect(edit).toMatchObject({ before: "bhagavad geeta", after: "Bhagavad Gītā", applied: true });
    expect(edit.details).toMatchObject({ entry: "yoga-vedanta/bhagavad-gita", score: expect.stringMatching(/^0\.\d{3}$/) });
    expect(probe.segments[0]!.edits.find((e) => e.stage === "punctuation")!.details).toEqual({});
  });

  it("acknowledges the config, then answers segments in order with edits and timings", async () => {
    const probe = new StreamProbe(lipi.client);
    probe.config({ sessionId: "order-1" });
    for (let i = 1; i <= 50; i++) probe.segment({ seq: i, id: `s${i}`, text: `um segment number ${i} here.`, startMs: i * 1000, endMs: i * 1000 + 900 });
    const final = await probe.finish();
    expect(final.code).toBe(status.OK);
    const first = probe.responses[0]!.response;
    expect(first?.$case).toBe("status");
    if (first?.$case === "status") {
      expect(first.value.kind).toBe(StreamStatus_Kind.KIND_STARTED);
      expect(first.value.sessionId).toBe("order-1");
      expect(first.value.profile).toBe("clean");
    }
    const segments = probe.segments;
    expect(segments.map((s) => s.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const s7 = segments[6]!;
    expect(s7.id).toBe("s7");
    expect(s7.text).toBe("Segment number 7 here.");
    expect(s7.edits.some((e) => e.stage === "disfluency" && e.before.toLowerCase().startsWith("um") && e.applied)).toBe(true);
    // Interpolated timings stay inside the segment's span and in order.
    expect(s7.words[0]!.startMs).toBeGreaterThanOrEqual(7000);
    expect(s7.words.at(-1)!.endMs).toBeLessThanOrEqual(7900);
    for (let i = 1; i < s7.words.length; i++) expect(s7.words[i]!.startMs).toBeGreaterThanOrEqual(s7.words[i - 1]!.endMs);
  });

  it("answers a malformed segment with a SegmentError in its place and keeps the stream going", async () => {
    const probe = new StreamProbe(lipi.client);
    const bystander = new StreamProbe(lipi.client);
    probe.config();
    bystander.config();
    probe.segment({ seq: 1, text: "first one" });
    probe.segment({ seq: 2, id: "bad", startMs: 500, endMs: 100, text: "backwards" });
    probe.segment({ seq: 3, words: [{ text: "", startMs: 0, endMs: 10, speaker: "" }] });
    probe.segment({ seq: 3, text: "corrected resend." }); // a rejected seq may be sent again
    probe.segment({ seq: 1, text: "going backwards" });
    probe.segment({ seq: 4, text: "last one" });
    bystander.segment({ seq: 1, text: "unaffected" });
    const final = await probe.finish();
    expect(final.code).toBe(status.OK);
    expect(kinds(probe)).toEqual(["status:KIND_STARTED", "segment", "error", "error", "segment", "error", "segment"]);
    const errors = probe.responses.flatMap((r) => (r.response?.$case === "error" ? [r.response.value] : []));
    expect(errors[0]!.segmentId).toBe("bad");
    expect(errors[0]!.status!.code).toBe(status.INVALID_ARGUMENT);
    expect(decodeBadRequest(errors[0]!.status).map((v) => v.field)).toEqual(["segment.end_ms"]);
    expect(decodeBadRequest(errors[1]!.status).map((v) => v.field)).toEqual(["segment.words[0].text"]);
    expect(decodeBadRequest(errors[2]!.status)[0]!.description).toMatch(/must increase: got 1 after 3/);
    expect(probe.segments.map((s) => s.text)).toEqual(["First one.", "Corrected resend.", "Last one."]);
    expect((await bystander.finish()).code).toBe(status.OK);
    expect(bystander.segments.map((s) => s.text)).toEqual(["Unaffected."]);
  });

  it("applies an update_config from the next segment on, in order", async () => {
    const probe = new StreamProbe(lipi.client);
    probe.config();
    probe.segment({ seq: 1, text: "uh keep going." });
    probe.send({ $case: "updateConfig", value: { profile: "", stages: { disfluency: { enabled: false, classes: {}, params: {} } }, lexiconIds: [], replaceLexicons: false } });
    probe.segment({ seq: 2, text: "uh keep going." });
    probe.send({ $case: "updateConfig", value: { profile: "", stages: { disfluency: { classes: {}, params: { apply_threshold: "2" } } }, lexiconIds: [], replaceLexicons: false } });
    probe.segment({ seq: 3, text: "uh still verbatim" });
    await probe.finish();
    expect(kinds(probe)).toEqual(["status:KIND_STARTED", "segment", "status:KIND_CONFIG_UPDATED", "segment", "error", "segment"]);
    expect(probe.segments.map((s) => s.text)).toEqual(["Keep going.", "Uh keep going.", "Uh still verbatim."]);
    const error = probe.responses[4]!.response;
    expect(error?.$case === "error" && decodeBadRequest(error.value.status)[0]!.field).toBe(
      "update_config.stages.disfluency.params.apply_threshold",
    );
  });

  it("answers a flush after everything sent before it", async () => {
    const probe = new StreamProbe(lipi.client);
    probe.config();
    for (let i = 1; i <= 20; i++) probe.segment({ seq: i, text: `line ${i}` });
    probe.send({ $case: "flush", value: {} });
    await probe.waitFor(() => kinds(probe).includes("status:KIND_FLUSHED"));
    const flushedAt = kinds(probe).indexOf("status:KIND_FLUSHED");
    expect(probe.responses.slice(0, flushedAt).filter((r) => r.response?.$case === "segment")).toHaveLength(20);
    const flushed = probe.responses[flushedAt]!.response;
    expect(flushed?.$case === "status" && flushed.value.stats?.segmentsProcessed).toBe(20);
    await probe.finish();
  });

  it("carries sentence context from one segment to the next", async () => {
    const probe = new StreamProbe(lipi.client);
    probe.config();
    // A final segment closes its sentence unless it cannot end there ("… and").
    probe.segment({ seq: 1, text: "the first part of a sentence and" });
    probe.segment({ seq: 2, text: "goes on here" });
    probe.segment({ seq: 3, text: "then a new one" });
    await probe.finish();
    expect(probe.segments.map((s) => s.text)).toEqual(["The first part of a sentence and", "goes on here.", "Then a new one."]);
  });
});
