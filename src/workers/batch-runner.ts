// The worker side of a batch: given a compile function it runs BatchTasks.
// Kept apart from worker.ts (which binds the real pipeline) so test fixtures
// can build the same handler around a wrapped compile function.
import { workerData } from "node:worker_threads";
import type {
  ProfileInput,
  SegmentInput,
  SegmentResult,
  StageSettingsInput,
  StreamContext,
} from "../pipeline/types.js";
import type { StageTiming } from "../pipeline/profile.js";
import {
  startedMarkSlot,
  toWireError,
  type BatchTask,
  type BatchTaskReply,
  type ProfilesSnapshot,
  type WireJob,
  type WorkerBootData,
  type WireJobOutcome,
  type BatchMetrics,
  type WorkerTask,
  type WorkerReply,
} from "./codec.js";
import { checkProfiles } from "./profile-check.js";
import { countResults, emptyBatchMetrics } from "./batch-metrics.js";
import { encodeResponses } from "./wire.js";

/** The slice of the pipeline's compiled profile that workers use. */
export interface CompiledPipeline {
  run(segment: SegmentInput, context: StreamContext, timing?: StageTiming): { result: SegmentResult; context: StreamContext };
}

export type CompileProfile = (
  profile: ProfileInput,
  overrides?: Record<string, StageSettingsInput>,
) => CompiledPipeline;

/**
 * Compiled pipelines kept per worker. Streams mostly share a handful of
 * (profile, overrides) pairs; the bound only stops a client that sends a new
 * override set per stream from growing memory without limit.
 */
export const COMPILED_CACHE_ENTRIES = 64;

export class UnknownProfileError extends Error {
  override readonly name = "UnknownProfileError";
  constructor(readonly profile: string) {
    super(`unknown profile "${profile}"`);
  }
}

export interface BatchRunner {
  run(task: BatchTask): BatchTaskReply;
  readonly version: number;
  readonly cachedPipelines: number;
}

export function createBatchRunner(
  compile: CompileProfile,
  initial: ProfilesSnapshot,
  startedMarks?: SharedArrayBuffer,
): BatchRunner {
  let snapshot = initial;
  // Map keeps insertion order: re-inserting on a hit makes the first key the
  // least recently used one.
  const compiled = new Map<string, CompiledPipeline>();
  const marks = startedMarks ? new Int32Array(startedMarks) : undefined;

  function pipelineFor(job: WireJob): CompiledPipeline {
    const key = cacheKey(job.profile, job.overrides);
    const hit = compiled.get(key);
    if (hit) {
      compiled.delete(key);
      compiled.set(key, hit);
      return hit;
    }
    const profile = Object.hasOwn(snapshot.profiles, job.profile) ? snapshot.profiles[job.profile] : undefined;
    if (!profile) throw new UnknownProfileError(job.profile);
    const pipeline = compile(profile, job.overrides);
    compiled.set(key, pipeline);
    if (compiled.size > COMPILED_CACHE_ENTRIES) {
      compiled.delete(compiled.keys().next().value as string);
    }
    return pipeline;
  }

  function runJob(job: WireJob, metrics: BatchMetrics): WireJobOutcome {
    try {
      const pipeline = pipelineFor(job);
      let context = job.context;
      const results: SegmentResult[] = [];
      const started = performance.now();
      const timing: StageTiming = { now: () => performance.now(), stageMs: metrics.stageMs };
      for (const segment of job.segments) {
        const step = pipeline.run(segment, context, timing);
        results.push(step.result);
        context = step.context;
      }
      const ran = performance.now();
      const encoded = job.output !== "results" ? encodeResponses(results) : undefined;
      metrics.pipelineMs += ran - started;
      metrics.encodeMs += performance.now() - ran;
      countResults(metrics, results);
      return {
        ok: true,
        context,
        ...(job.output !== "encoded" ? { results } : {}),
        ...(encoded ? { encoded } : {}),
      };
    } catch (error) {
      // A bad option or a pipeline bug fails this job only; the other
      // streams in the batch still get their results.
      return { ok: false, error: toWireError(error) };
    }
  }

  return {
    run(task) {
      if (task.snapshot && task.snapshot.version > snapshot.version) {
        snapshot = task.snapshot;
        compiled.clear();
      }
      if (snapshot.version < task.version) {
        return { kind: "stale", workerVersion: snapshot.version };
      }
      if (marks) Atomics.store(marks, startedMarkSlot(task.batchId), task.batchId);
      const metrics = emptyBatchMetrics();
      return { kind: "done", outcomes: task.jobs.map((job) => runJob(job, metrics)), metrics };
    },
    get version() {
      return snapshot.version;
    },
    get cachedPipelines() {
      return compiled.size;
    },
  };
}

/** A piscina task handler for this thread, booted from the pool's workerData: batches, and profile checks. */
export function createWorkerHandler(compile: CompileProfile): (task: WorkerTask) => WorkerReply {
  const boot = workerData as WorkerBootData;
  const runner = createBatchRunner(compile, boot.snapshot, boot.startedMarks);
  return (task) =>
    "checkProfiles" in task ? { kind: "profiles-checked", problems: checkProfiles((profile) => compile(profile), task.checkProfiles) } : runner.run(task);
}

/** Same profile + same overrides (whatever the key order) → same key. */
export function cacheKey(profile: string, overrides: Record<string, StageSettingsInput>): string {
  return `${profile}\u0000${stableStringify(overrides)}`;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
