// The batcher and the worker-side runner, without threads.
import { describe, expect, it } from "vitest";
import type { ProfileInput } from "../../src/pipeline/types.js";
import { MicroBatcher } from "../../src/workers/batcher.js";
import { COMPILED_CACHE_ENTRIES, cacheKey, createBatchRunner } from "../../src/workers/batch-runner.js";
import type { BatchTask } from "../../src/workers/codec.js";
import { fakeCompile } from "./fixtures/fake-pipeline.js";
import { nextTick, segment } from "./helpers.js";

describe("MicroBatcher", () => {
  it("dispatches one tick's items together, in order, split at maxBatchSize", async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number>({
      maxBatchSize: 5,
      sizeOf: (n) => n,
      hasCapacity: () => true,
      dispatch: (batch) => batches.push(batch),
    });
    for (const n of [2, 2, 1, 3, 9, 1]) batcher.add(n);
    expect(batches).toEqual([]);
    await nextTick();
    expect(batches).toEqual([[2, 2, 1], [3], [9], [1]]);
  });

  it("holds items while there is no capacity and lets later ones join them", async () => {
    let capacity = 0;
    const batches: string[][] = [];
    const batcher = new MicroBatcher<string>({
      maxBatchSize: 10,
      sizeOf: () => 1,
      hasCapacity: () => capacity > 0,
      dispatch: (batch) => {
        capacity -= 1;
        batches.push(batch);
      },
    });
    batcher.add("a");
    await nextTick();
    batcher.add("b");
    await nextTick();
    expect(batches).toEqual([]);
    expect(batcher.pendingItems).toBe(2);
    capacity = 1;
    batcher.flush();
    expect(batches).toEqual([["a", "b"]]);
    expect(batcher.pendingSize).toBe(0);
  });
});

describe("batch runner (worker side)", () => {
  const profiles: Record<string, ProfileInput> = { clean: { stages: { disfluency: { params: { fillers: ["um"] } } } } };
  const task = (version: number, extra: Partial<BatchTask> = {}): BatchTask => ({
    batchId: 1,
    version,
    jobs: [{ profile: "clean", overrides: {}, segments: [segment("x", 0, "um hi")], context: {}, output: "results" }],
    ...extra,
  });

  it("asks for a snapshot when behind, then drops its compiled pipelines", () => {
    const runner = createBatchRunner(fakeCompile, { version: 1, profiles });
    expect(runner.run(task(1))).toMatchObject({ kind: "done", outcomes: [{ ok: true, results: [{ text: "hi" }] }] });
    expect(runner.cachedPipelines).toBe(1);
    expect(runner.run(task(2))).toEqual({ kind: "stale", workerVersion: 1 });

    const newer = { version: 2, profiles: { clean: { stages: { disfluency: { params: { fillers: ["hi"] } } } } } };
    expect(runner.run(task(2, { snapshot: newer }))).toMatchObject({
      kind: "done",
      outcomes: [{ ok: true, results: [{ text: "um" }] }],
    });
    expect(runner.version).toBe(2);
    // An older task runs with the newer profiles; versions never go back.
    expect(runner.run(task(1, { snapshot: { version: 1, profiles } }))).toMatchObject({
      outcomes: [{ ok: true, results: [{ text: "um" }] }],
    });
  });

  it("bounds its compiled-pipeline cache", () => {
    const runner = createBatchRunner(fakeCompile, { version: 1, profiles });
    for (let i = 0; i < COMPILED_CACHE_ENTRIES + 10; i += 1) {
      runner.run(task(1, { jobs: [{ ...task(1).jobs[0]!, overrides: { disfluency: { params: { fillers: [`f${i}`] } } } }] }));
    }
    expect(runner.cachedPipelines).toBe(COMPILED_CACHE_ENTRIES);
  });

  it("keys the cache by overrides content, not key order", () => {
    expect(cacheKey("p", { a: { enabled: true, params: { x: 1, y: 2 } } })).toBe(
      cacheKey("p", { a: { params: { y: 2, x: 1 }, enabled: true } }),
    );
    expect(cacheKey("p", { a: { enabled: true } })).not.toBe(cacheKey("p", { a: { enabled: false } }));
  });
});
