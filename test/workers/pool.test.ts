// PipelinePool on real worker threads, with a stand-in pipeline
// (fixtures/fake-pipeline.ts) so the pool's behaviour is tested on its own.
import { afterEach, describe, expect, it } from "vitest";
import { StageOptionsError } from "../../src/pipeline/errors.js";
import type { ProfileInput } from "../../src/pipeline/types.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import {
  JobFailedError,
  PipelinePool,
  PoolClosedError,
  WorkerCrashedError,
} from "../../src/workers/pool.js";
import { CRASH_MARKER, SLOW_MARKER } from "./fixtures/crash-marker.js";
import { job, nextTick, poolSettings } from "./helpers.js";

const fakeWorkerUrl = new URL("./fixtures/fake-worker.ts", import.meta.url);

const profiles: Record<string, ProfileInput> = {
  clean: { stages: { disfluency: { params: { fillers: ["um", "uh"] } } } },
  verbatim: { stages: { disfluency: { enabled: false } } },
};

let pool: PipelinePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function startPool(settings = poolSettings()): PipelinePool {
  pool = new PipelinePool({ settings, profiles, logger: silentLogger, workerUrl: fakeWorkerUrl });
  return pool;
}

describe("PipelinePool (stand-in pipeline, real threads)", () => {
  it("batches jobs from many streams made in one tick and maps results back in order", async () => {
    const pool = startPool();
    const jobs = Array.from({ length: 40 }, (_, stream) =>
      job(`s${stream}`, [`um hello ${stream}`, `uh world ${stream}`, `bye ${stream}`], {
        profile: stream % 2 === 0 ? "clean" : "verbatim",
      }),
    );
    const results = await Promise.all(jobs.map((j) => pool.process(j)));

    results.forEach((result, stream) => {
      expect(result.results.map((r) => r.id)).toEqual([`s${stream}-0`, `s${stream}-1`, `s${stream}-2`]);
      expect(result.results.map((r) => r.text)).toEqual(
        stream % 2 === 0
          ? [`hello ${stream}`, `world ${stream}`, `bye ${stream}`]
          : [`um hello ${stream}`, `uh world ${stream}`, `bye ${stream}`],
      );
      expect(result.context).toEqual({ segments: 3, lastSeq: 2 });
    });
    const stats = pool.stats();
    expect(stats.batches).toBeLessThan(jobs.length);
    expect(stats.avgBatchSegments).toBeGreaterThan(3);
    expect(stats.threads).toBe(2);
  });

  it("splits a tick's work at maxBatchSegments without splitting a job", async () => {
    const pool = startPool(poolSettings({ maxBatchSegments: 8 }));
    const jobs = Array.from({ length: 10 }, (_, stream) => job(`s${stream}`, ["a", "b", "c"]));
    const results = await Promise.all(jobs.map((j) => pool.process(j)));
    expect(results.every((r) => r.results.length === 3)).toBe(true);
    // 2 jobs (6 segments) fit in 8; 10 jobs need 5 batches.
    expect(pool.stats().batches).toBe(5);
    expect(pool.stats().avgBatchSegments).toBe(6);
  });

  it("threads the returned context into the stream's next job", async () => {
    const pool = startPool();
    const first = await pool.process(job("s", ["one", "two"]));
    const second = await pool.process(job("s", ["three"], { context: first.context }));
    expect(second.context).toEqual({ segments: 3, lastSeq: 0 });
  });

  it("fails only the job whose options are bad, with the pipeline's StageOptionsError", async () => {
    const pool = startPool(poolSettings({ threads: 1 }));
    const outcomes = await Promise.allSettled([
      pool.process(job("good-1", ["um fine"])),
      pool.process(job("bad", ["um fine"], { overrides: { disfluency: { params: { apply_threshold: 7 } } } })),
      pool.process(job("good-2", ["uh fine"])),
    ]);
    expect(pool.stats().batches).toBe(1);
    expect(outcomes[0]).toMatchObject({ status: "fulfilled", value: { results: [{ text: "fine" }] } });
    expect(outcomes[2]).toMatchObject({ status: "fulfilled", value: { results: [{ text: "fine" }] } });
    expect(outcomes[1]!.status).toBe("rejected");
    const error = (outcomes[1] as PromiseRejectedResult).reason as unknown;
    expect(error).toBeInstanceOf(StageOptionsError);
    expect((error as StageOptionsError).violations).toEqual([
      { stage: "disfluency", param: "params.apply_threshold", reason: "must be a number between 0 and 1" },
    ]);
  });

  it("rejects an unknown profile at once", async () => {
    const pool = startPool();
    const error = await pool.process(job("s", ["x"], { profile: "nope" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as JobFailedError).remoteName).toBe("UnknownProfileError");
  });

  it("fails only the crashed batch with WorkerCrashedError, replaces the thread and keeps serving", async () => {
    const pool = startPool(poolSettings({ threads: 1, concurrentTasksPerThread: 1 }));
    const crashed = await Promise.allSettled([
      pool.process(job("a", ["fine"])),
      pool.process(job("b", [CRASH_MARKER])),
    ]);
    for (const outcome of crashed) {
      expect(outcome.status).toBe("rejected");
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(WorkerCrashedError);
    }
    const after = await Promise.all([pool.process(job("a", ["um next"])), pool.process(job("c", ["uh more"]))]);
    expect(after.map((r) => r.results[0]!.text)).toEqual(["next", "more"]);
    expect(pool.stats()).toMatchObject({ crashes: 1, threads: 1 });
  });

  it("resends a batch that was only queued behind the crashing one", async () => {
    const pool = startPool(poolSettings({ threads: 1, concurrentTasksPerThread: 2 }));
    const culprit = pool.process(job("culprit", [SLOW_MARKER, CRASH_MARKER]));
    await nextTick(); // the culprit's batch is on the thread, blocked for 200 ms
    const bystander = pool.process(job("bystander", ["um still here"]));
    await nextTick(); // dispatched as a second task on the same thread
    expect(pool.stats().inFlightTasks).toBe(2);

    await expect(culprit).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(bystander).resolves.toMatchObject({ results: [{ text: "still here" }] });
    expect(pool.stats().crashes).toBe(1);
  });

  it("applies updateProfiles to the next job on every thread", async () => {
    const pool = startPool();
    const before = await pool.process(job("s", ["um hello there"]));
    expect(before.results[0]!.text).toBe("hello there");

    pool.updateProfiles({ ...profiles, clean: { stages: { disfluency: { params: { fillers: ["there"] } } } } });
    // Enough ticks of work that both threads see tasks after the update.
    for (let round = 0; round < 3; round += 1) {
      const after = await Promise.all(
        Array.from({ length: 8 }, (_, stream) => pool.process(job(`s${stream}`, ["um hello there"]))),
      );
      expect(after.map((r) => r.results[0]!.text)).toEqual(Array(8).fill("um hello"));
    }
  });

  it("reports saturation while more work waits than maxQueuedTasks allows", async () => {
    const pool = startPool(poolSettings({ threads: 1, concurrentTasksPerThread: 1, maxBatchSegments: 1, maxQueuedTasks: 2 }));
    const pending = Array.from({ length: 10 }, (_, stream) => pool.process(job(`s${stream}`, ["x"])));
    await nextTick();
    expect(pool.stats()).toMatchObject({ inFlightTasks: 1, pendingJobs: 9, queuedTasks: 9 });
    expect(pool.saturated()).toBe(true);
    await Promise.all(pending);
    expect(pool.saturated()).toBe(false);
    expect(pool.stats()).toMatchObject({ inFlightTasks: 0, pendingJobs: 0, queuedTasks: 0 });
  });

  it("close() finishes accepted jobs, stops the threads and refuses new jobs", async () => {
    const pool = startPool();
    const accepted = Array.from({ length: 20 }, (_, stream) => pool.process(job(`s${stream}`, ["um a", "b"])));
    const closed = pool.close();
    await expect(pool.process(job("late", ["x"]))).rejects.toBeInstanceOf(PoolClosedError);
    const results = await Promise.all(accepted);
    expect(results.every((r) => r.results.length === 2)).toBe(true);
    await closed;
    expect(pool.stats().threads).toBe(0);
  });

  it("answers a job without segments without a round trip", async () => {
    const pool = startPool();
    await expect(pool.process(job("s", [], { context: { keep: 1 } }))).resolves.toEqual({
      results: [],
      context: { keep: 1 },
    });
    expect(pool.stats().batches).toBe(0);
  });
});
