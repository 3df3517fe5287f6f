// A worker thread that dies mid-batch fails only that batch: its segments
// get INTERNAL errors, the stream (and every other stream) goes on, and the
// pool replaces the thread.
import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRASH_MARKER } from "../workers/fixtures/crash-marker.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";

let t: TestLipi;
beforeAll(async () => {
  t = await startTestLipi("pglite", {}, { workerUrl: new URL("../workers/fixtures/crashing-worker.ts", import.meta.url) });
});
afterAll(async () => {
  await t?.stop();
});

describe("worker crash", () => {
  it("answers the crashed batch with INTERNAL and keeps serving the stream", async () => {
    const victim = new StreamProbe(t.client);
    victim.config();
    victim.segment({ seq: 1, text: "before the crash." });
    await victim.waitFor(() => victim.segments.length === 1);
    victim.segment({ seq: 2, text: CRASH_MARKER });
    await victim.waitFor(() => victim.responses.some((r) => r.response?.$case === "error"));
    victim.segment({ seq: 3, text: "after the crash." });

    const bystander = new StreamProbe(t.client);
    bystander.config();
    bystander.segment({ seq: 1, text: "unrelated stream." });

    expect((await victim.finish()).code).toBe(status.OK);
    expect((await bystander.finish()).code).toBe(status.OK);
    const error = victim.responses.find((r) => r.response?.$case === "error")!.response;
    expect(error?.$case === "error" && error.value).toMatchObject({ seq: 2, status: { code: status.INTERNAL } });
    expect(victim.segments.map((s) => s.text)).toEqual(["Before the crash.", "After the crash."]);
    expect(bystander.segments.map((s) => s.text)).toEqual(["Unrelated stream."]);
    expect(t.lipi.pool.stats().crashes).toBe(1);
  });
});
