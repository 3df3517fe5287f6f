// 20 concurrent streams × 500 segments through the real server, worker pool
// and store: every stream gets its own segments back in order with the
// right content, and every final segment is persisted, in order.
import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, listSegments } from "../../src/store/sessions.js";
import { startTestLipi, type DatabaseChoice, type TestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";

const STREAMS = 20;
const SEGMENTS = 500;

const sentence = (stream: number, i: number) => `um stream ${stream} says uh sentence ${i} to you.`;
const expected = (stream: number, i: number) => `Stream ${stream} says sentence ${i} to you.`;

async function runStream(t: TestLipi, stream: number, persist: boolean): Promise<StreamProbe> {
  const probe = new StreamProbe(t.client);
  probe.config({ sessionId: `load-${stream}`, persist });
  for (let i = 1; i <= SEGMENTS; i++) {
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
      const session = await getSession(db, `load-${s}`);
      expect(session?.profile).toBe("clean");
      expect(session?.status).toBe("completed");
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
});
