// PipelinePool with the real worker entry (src/workers/worker.ts, found next
// to pool.ts and run through tsx) and the real pipeline.
import { afterEach, describe, expect, it } from "vitest";
import { StageOptionsError, type ProfileInput } from "../../src/pipeline/index.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { PipelinePool, WorkerCrashedError } from "../../src/workers/pool.js";
import { ProcessedSegment, StreamProcessResponse } from "../../src/gen/lipi/v1/transcript.js";
import { encodedResponseAt, toProcessedSegment } from "../../src/workers/wire.js";
import { CRASH_MARKER } from "./fixtures/crash-marker.js";
import { job, poolSettings } from "./helpers.js";

const profiles: Record<string, ProfileInput> = {
  clean: {
    stages: { disfluency: { enabled: true, params: { fillers: ["um", "uh"], apply_threshold: 0.5 } }, casing: { enabled: true } },
  },
  verbatim: { stages: { disfluency: { enabled: false }, casing: { enabled: true } } },
};

let pool: PipelinePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("PipelinePool (real pipeline, real threads)", () => {
  it("runs the worker next to pool.ts and batches many streams' jobs", async () => {
    pool = new PipelinePool({ settings: poolSettings(), profiles, logger: silentLogger });
    const p = pool;
    const jobs = Array.from({ length: 30 }, (_, stream) =>
      job(`s${stream}`, ["um hello there", "uh we went home"], { profile: stream % 3 === 0 ? "verbatim" : "clean" }),
    );
    const results = await Promise.all(jobs.map((j) => p.process(j)));
    results.forEach((result, stream) => {
      expect(result.results.map((r) => [r.id, r.seq])).toEqual([
        [`s${stream}-0`, 0],
        [`s${stream}-1`, 1],
      ]);
      const [first] = result.results;
      if (stream % 3 === 0) expect(first!.text.toLowerCase()).toContain("um");
      else expect(first!.text.toLowerCase()).not.toContain("um");
    });
    expect(p.stats().batches).toBeLessThan(jobs.length);
  });

  it("fails only the job with bad options", async () => {
    pool = new PipelinePool({ settings: poolSettings({ threads: 1 }), profiles, logger: silentLogger });
    const [good, bad] = await Promise.allSettled([
      pool.process(job("good", ["um fine"])),
      pool.process(job("bad", ["um fine"], { overrides: { disfluency: { params: { apply_threshold: "x" } } } })),
    ]);
    expect(good.status).toBe("fulfilled");
    expect(bad.status).toBe("rejected");
    const error = (bad as PromiseRejectedResult).reason as StageOptionsError;
    expect(error).toBeInstanceOf(StageOptionsError);
    expect(error.violations[0]).toMatchObject({ stage: "disfluency", param: "params.apply_threshold" });
  });

  it("survives a real worker crash: the batch in flight fails, the next jobs succeed", async () => {
    pool = new PipelinePool({
      settings: poolSettings({ threads: 1, concurrentTasksPerThread: 1 }),
      profiles,
      logger: silentLogger,
      workerUrl: new URL("./fixtures/crashing-worker.ts", import.meta.url),
    });
    const p = pool;
    const crashed = await Promise.allSettled([p.process(job("a", ["um fine"])), p.process(job("b", [CRASH_MARKER]))]);
    expect(crashed.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect((crashed[0] as PromiseRejectedResult).reason).toBeInstanceOf(WorkerCrashedError);

    const next = await Promise.all([p.process(job("a", ["um hello"])), p.process(job("c", ["uh bye"]))]);
    expect(next.map((r) => r.results[0]!.text.toLowerCase())).toEqual(["hello", "bye"]);
    expect(p.stats().crashes).toBe(1);
  });

  it("takes a changed filler list into account from the next job on", async () => {
    pool = new PipelinePool({ settings: poolSettings(), profiles, logger: silentLogger });
    const before = await pool.process(job("s", ["um hello there"]));
    expect(before.results[0]!.text.toLowerCase()).toBe("hello there");

    pool.updateProfiles({
      ...profiles,
      clean: { stages: { disfluency: { params: { fillers: ["there"] } }, casing: { enabled: true } } },
    });
    const p = pool;
    const after = await Promise.all(Array.from({ length: 6 }, (_, i) => p.process(job(`s${i}`, ["um hello there"]))));
    for (const result of after) expect(result.results[0]!.text.toLowerCase()).toBe("um hello");
  });

  it("returns serialised StreamProcessResponses that decode to the same results, with summaries", async () => {
    pool = new PipelinePool({ settings: poolSettings(), profiles, logger: silentLogger });
    const texts = ["um hello there.", "uh we went home", "and came back"];
    const objects = await pool.process(job("o", texts));
    const both = await pool.process({ ...job("o", texts), output: "both" as const });
    const encodedOnly = await pool.process({ ...job("o", texts), output: "encoded" as const });
    expect(encodedOnly.results).toBeUndefined();
    expect(both.results).toEqual(objects.results);
    for (const output of [both, encodedOnly]) {
      const decoded = output.encoded.ends.map((_, i) => StreamProcessResponse.decode(encodedResponseAt(output.encoded, i)));
      expect(decoded.map((d) => d.response?.$case)).toEqual(["segment", "segment", "segment"]);
      expect(decoded.map((d) => (d.response?.$case === "segment" ? d.response.value : undefined))).toEqual(
        // float fields are float32 on the wire: compare with the objects' own round trip
        objects.results.map((r) => ProcessedSegment.decode(ProcessedSegment.encode(toProcessedSegment(r)).finish())),
      );
      expect(output.encoded.summaries).toEqual(
        objects.results.map((r) => ({
          editsApplied: r.edits.filter((e) => e.applied).length,
          editsSuggested: r.edits.filter((e) => !e.applied).length,
          needsReview: r.needsReview,
        })),
      );
    }
  });
});
