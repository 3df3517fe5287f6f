// 20 concurrent streams × 500 segments through the real server, worker pool
// and store: every stream gets its own segments back in order with the
// right content, and every final segment is persisted, in order. Streams
// that share a session id (concurrently, or a resume after a disconnect)
// are each persisted whole.
import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSegments, listStreams, listStreamSegments } from "../../src/store/streams.js";
import { startTestLipi, type DatabaseChoice, type TestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";

const STREAMS = 20;
const SEGMENTS = 500;

const sentence = (stream: number, i: number) => `um stream ${stream} says uh sentence ${i} to you.`;
const expected = (stream: number, i: number) => `Stream ${stream} says sentence ${i} to you.`;

async function runStream(
  t: TestLipi,
  stream: number,
  persist: boolean,
  { sessionId = `load-${stream}`, segments = SEGMENTS }: { sessionId?: string; segments?: number } = {},
): Promise<StreamProbe> {
  const probe = new StreamProbe(t.client);
  probe.config({ sessionId, persist });
  for (let i = 1; i <= segments; i++) {
    const start = i * 4_000;
    const words = sentence(stream, i)
      .split(" ")
      .map((text, w) => ({ text, startMs: start + w * 400, endMs: start + w * 400 + 350, confidence: 0.9, speaker: "" }));
    // Honour back-pressure like a well-behaved client.
    if (!probe.segment({ seq: i, id: `${stream}-${i}`, words })) {
      await new Promise((resolve) => probe.call.once("drain", resolve));
    }
  }
  const final = await probe.finish(60_000);
  expect(final.code).toBe(status.OK);
  return probe;
}

describe.each<DatabaseChoice>(["pglite", "postgres"])("20 streams × 500 segments against %s", (database) => {
  let t: TestLipi;
  beforeAll(async () => {
    t = await startTestLipi(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("returns every segment in order with its content, and persists them", async () => {
    const probes = await Promise.all(Array.from({ length: STREAMS }, (_, s) => runStream(t, s, true)));
    probes.forEach((probe, s) => {
      const segments = probe.segments;
      expect(segments).toHaveLength(SEGMENTS);
      segments.forEach((seg, i) => {
        expect(seg.seq).toBe(i + 1);
        expect(seg.id).toBe(`${s}-${i + 1}`);
        expect(seg.text).toBe(expected(s, i + 1));
      });
    });

    // Persistence is off the hot path: wait for the writer to catch up.
    const deadline = Date.now() + 30_000;
    while (t.lipi.writer.stats().pendingRows > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const db = t.lipi.database.pool;
    for (let s = 0; s < STREAMS; s++) {
      const streams = await listStreams(db, `load-${s}`);
      expect(streams).toHaveLength(1);
      expect(streams[0]!.profile).toBe("clean");
      expect(streams[0]!.status).toBe("completed");
      const stored = await listSegments(db, `load-${s}`);
      expect(stored).toHaveLength(SEGMENTS);
      expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: SEGMENTS }, (_, i) => i + 1));
      const sample = stored[41]!;
      expect(sample.raw.words.map((w) => w.text).join(" ")).toBe(sentence(s, 42));
      expect(sample.processed.text).toBe(expected(s, 42));
      expect(sample.edits.filter((e) => e.stage === "disfluency" && e.applied).map((e) => e.before)).toEqual(["um", "uh"]);
      expect(sample.edits.find((e) => e.stage === "casing")).toMatchObject({ before: "stream", after: "Stream", applied: true });
    }
  });

  it("persists every stream of a session: two at once with the same id, then a resume", async () => {
    const sessionId = `shared-${database}`;
    const perStream = 60;
    const seqs = Array.from({ length: perStream }, (_, i) => i + 1);
    await Promise.all([100, 101].map((s) => runStream(t, s, true, { sessionId, segments: perStream })));
    await runStream(t, 102, true, { sessionId, segments: perStream }); // the client reconnects
    await t.lipi.writer.flush();
    expect(t.lipi.writer.stats().duplicateRows).toBe(0);

    const db = t.lipi.database.pool;
    const streams = await listStreams(db, sessionId);
    expect(streams).toHaveLength(3);
    expect(streams.every((stream) => stream.status === "completed" && stream.sessionId === sessionId)).toBe(true);
    expect(streams.map((stream) => stream.subject)).toEqual(["test-admin", "test-admin", "test-admin"]);
    const byStream = await Promise.all(streams.map((stream) => listStreamSegments(db, stream.streamId)));
    for (const own of byStream) {
      expect(own.map((seg) => seg.seq)).toEqual(seqs);
      // Each stream holds one client stream's segments, whole.
      expect(new Set(own.map((seg) => seg.segmentId.split("-")[0])).size).toBe(1);
    }
    expect(byStream.map((own) => own[0]!.segmentId.split("-")[0]).sort()).toEqual(["100", "101", "102"]);
    expect(byStream[2]![0]!.segmentId).toBe("102-1"); // the resume started last
    expect(await listSegments(db, sessionId)).toEqual(byStream.flat());
  });
});
