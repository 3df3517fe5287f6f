// What crosses between the main thread and pipeline workers. Everything here
// is plain data (structured clone, no classes, no functions) and only what the
// worker needs: stream keys, loggers and promise plumbing stay on the main side.
import type { EncodedResponses } from "./wire.js";
import type {
  ProfileInput,
  SegmentInput,
  SegmentResult,
  StageSettingsInput,
  StreamContext,
} from "../pipeline/types.js";

/** Profiles by name, as one versioned snapshot. Versions only grow. */
export interface ProfilesSnapshot {
  version: number;
  profiles: Record<string, ProfileInput>;
}

/** Handed to every worker at start (piscina's workerData). */
export interface WorkerBootData {
  /**
   * The snapshot current when the pool was built. Threads started later
   * (crash replacement) also get this one and catch up through a stale reply.
   */
  snapshot: ProfilesSnapshot;
  /**
   * Int32 slots, one written per task as the worker starts it, so the pool
   * can tell, after a thread dies, which of its tasks was running (the
   * culprit) and which were only waiting behind it (safe to run again).
   */
  startedMarks: SharedArrayBuffer;
}

/**
 * What a job wants back: result objects (unary calls, persistence), the
 * encoded StreamProcessResponse bytes (live streams), or both.
 */
export type JobOutput = "results" | "encoded" | "both";

/** One stream's job inside a batch. */
export interface WireJob {
  profile: string;
  overrides: Record<string, StageSettingsInput>;
  segments: SegmentInput[];
  context: StreamContext;
  output: JobOutput;
}

/** One worker task: many jobs from many streams. */
export interface BatchTask {
  /** Positive, unique per pool; also keys the started-mark slot. */
  batchId: number;
  /** The profiles version this batch must run with (or newer). */
  version: number;
  /** Attached only when the worker said it was behind. */
  snapshot?: ProfilesSnapshot;
  jobs: WireJob[];
}

/** An error thrown for one job, flattened so it survives structured clone. */
export interface WireError {
  name: string;
  message: string;
  /** Plain own properties of the original error (code, field, violations…). */
  details: Record<string, unknown>;
}

export type WireJobOutcome =
  | { ok: true; results?: SegmentResult[]; encoded?: EncodedResponses; context: StreamContext }
  | { ok: false; error: WireError };

/**
 * Counters a worker gathers while running one batch, returned with the reply
 * so the main thread can update metrics without seeing per-segment objects.
 * Keys join their label values with KEY_SEPARATOR; the values come from
 * stage and rule names in code, so their number stays bounded.
 */
export interface BatchMetrics {
  segments: number;
  needsReview: number;
  /** Milliseconds running the pipeline over every segment of the batch. */
  pipelineMs: number;
  /** Milliseconds encoding responses (jobs that asked for bytes). */
  encodeMs: number;
  /** Milliseconds by pipeline stage, when the compiled pipeline reports them. */
  stageMs: Record<string, number>;
  /** `stage␟rule␟applied|suggested` → edits. */
  edits: Record<string, number>;
  /** `stage␟code` → flags raised. */
  flags: Record<string, number>;
}

export const KEY_SEPARATOR = "\u001f";

export type BatchTaskReply =
  /** One outcome per job, in the order of BatchTask.jobs; metrics when the worker gathers them. */
  | { kind: "done"; outcomes: WireJobOutcome[]; metrics?: BatchMetrics }
  /** The worker's profiles are older than the task's version: resend with a snapshot. */
  | { kind: "stale"; workerVersion: number };

/**
 * Asks a worker to compile each profile with its resources — nothing cached,
 * nothing run — before the pool lets the profiles go live.
 */
export interface ProfilesCheckTask {
  checkProfiles: Record<string, ProfileInput>;
}

/** A profile that does not compile, and why (the pipeline's own message). */
export interface ProfileProblem {
  profile: string;
  message: string;
}

export type WorkerTask = BatchTask | ProfilesCheckTask;
export type WorkerReply = BatchTaskReply | { kind: "profiles-checked"; problems: ProfileProblem[] };

/** Started-mark slots; more than the pool can ever have in flight at once. */
export const STARTED_MARK_SLOTS = 4096;

export function startedMarkSlot(batchId: number): number {
  return batchId % STARTED_MARK_SLOTS;
}

export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) {
    return { name: "Error", message: String(error), details: {} };
  }
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === "name" || key === "message" || key === "stack" || key === "cause") continue;
    // Keep only what structured clone carries faithfully; drop the rest
    // rather than fail the whole batch reply on one odd property.
    try {
      details[key] = structuredClone(value);
    } catch {
      details[key] = String(value);
    }
  }
  return { name: error.name, message: error.message, details };
}
