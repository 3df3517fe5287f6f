// The pipeline worker pool: the server's one door to the worker threads.
// process() calls from all streams are micro-batched (batcher.ts) into piscina
// tasks; a task runs many jobs, each job its segments in order. Per-stream
// order and context threading belong to the stream session, which keeps at
// most one job per stream in flight.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { LipiConfig } from "../config/schema.js";
import type {
  ProfileInput,
  SegmentInput,
  SegmentResult,
  StageSettingsInput,
  StreamContext,
} from "../pipeline/types.js";
import type { Span, SpanContext } from "@opentelemetry/api";
import type { Logger } from "../telemetry/logger.js";
import { endBatchSpan, failBatchSpan, startBatchSpan } from "../telemetry/batch-span.js";
import { activeSpanContext, tracingEnabled } from "../telemetry/tracing.js";
import { siblingEntryUrl, threadExecArgv } from "./thread-entry.js";
import { StageOptionsError, type OptionViolation } from "../pipeline/errors.js";
import { MicroBatcher } from "./batcher.js";
import type { EncodedResponses } from "./wire.js";
import {
  STARTED_MARK_SLOTS,
  startedMarkSlot,
  type BatchMetrics,
  type BatchTask,
  type ProfileProblem,
  type WorkerReply,
  type WorkerTask,
  type JobOutput,
  type ProfilesSnapshot,
  type WireError,
  type WireJob,
  type WorkerBootData,
} from "./codec.js";

export interface PipelineJob<O extends JobOutput = JobOutput> {
  streamKey: string;
  profile: string;
  overrides: Record<string, StageSettingsInput>;
  segments: SegmentInput[];
  context: StreamContext;
  /** Default "results". */
  output?: O;
  /** The span this work is done for; the batch span links to it. Default: the span active at process(). */
  traceLink?: SpanContext | undefined;
}

/** Results as objects, encoded response bytes, or both — as the job asked. */
export type PipelineJobResult<O extends JobOutput = "results"> = { context: StreamContext } & (O extends "encoded"
  ? { encoded: EncodedResponses; results?: undefined }
  : O extends "both"
    ? { encoded: EncodedResponses; results: SegmentResult[] }
    : { results: SegmentResult[]; encoded?: undefined });

export interface PipelinePoolOptions {
  settings: LipiConfig["pool"];
  profiles: Record<string, ProfileInput>;
  logger: Logger;
  /** Worker entry; defaults to worker.js/worker.ts next to this module. */
  workerUrl?: URL;
  /** Told about every answered batch (metrics); optional. */
  observer?: PoolObserver | undefined;
}

/** One answered batch, as the metrics see it. */
export interface BatchObservation {
  segments: number;
  jobs: number;
  /** From dispatch to reply on the main thread, ms (queueing, both thread crossings and the work). */
  roundTripMs: number;
  /** The worker's own counters; absent from workers that do not gather them. */
  worker: BatchMetrics | undefined;
}

export interface PoolObserver {
  batchDone(batch: BatchObservation): void;
}

export interface PipelinePoolStats {
  threads: number;
  /** piscina's utilization: share of thread time spent running tasks. */
  utilization: number;
  /** Tasks' worth of work waiting: piscina's queue plus held-back segments / maxBatchSegments. */
  queuedTasks: number;
  inFlightTasks: number;
  /** Jobs accepted but not yet sent to a worker. */
  pendingJobs: number;
  batches: number;
  avgBatchSegments: number;
  /** Worker threads that died (each fails the batch it was running). */
  crashes: number;
}

/** The worker thread running this job's batch died; the server maps it to INTERNAL. */
export class WorkerCrashedError extends Error {
  override readonly name = "WorkerCrashedError";
}

/**
 * The pipeline threw for this job (bad options, unknown profile, a stage
 * bug). Errors cannot keep their class across threads, so the original name
 * and its plain properties travel as remoteName and details.
 */
export class JobFailedError extends Error {
  override readonly name = "JobFailedError";
  readonly remoteName: string;
  readonly details: Record<string, unknown>;
  constructor(error: WireError) {
    super(error.message);
    this.remoteName = error.name;
    this.details = error.details;
  }
}

export class PoolClosedError extends Error {
  override readonly name = "PoolClosedError";
  constructor() {
    super("pipeline pool is closed");
  }
}

/** Whatever the job asked for; process() narrows it by the job's output. */
interface AnyJobResult {
  context: StreamContext;
  results?: SegmentResult[];
  encoded?: EncodedResponses;
}

interface QueuedJob {
  job: PipelineJob;
  resolve: (result: AnyJobResult) => void;
  reject: (error: Error) => void;
  /** The caller's span (a stream's or unary call's), linked from the batch span. */
  traceLink: SpanContext | undefined;
}

interface Batch {
  batchId: number;
  version: number;
  jobs: QueuedJob[];
  wireJobs: WireJob[];
  /** Times this batch was resent because a thread it only waited on died. */
  collateralRetries: number;
  segments: number;
  dispatchedAt: number;
  /** Present only with tracing on. */
  span: Span | undefined;
}

/**
 * A batch that was queued on a thread behind the one that crashed never ran,
 * so running it again is safe; the bound is only a guard against a pool that
 * keeps dying for reasons unrelated to the batch.
 */
const MAX_COLLATERAL_RETRIES = 3;

export class PipelinePool {
  private readonly piscina: Piscina<WorkerTask, WorkerReply>;
  private readonly batcher: MicroBatcher<QueuedJob>;
  private readonly settings: LipiConfig["pool"];
  private readonly logger: Logger;
  private readonly observer: PoolObserver | undefined;
  private readonly capacity: number;
  private readonly startedMarks: Int32Array;
  private snapshot: ProfilesSnapshot;
  private inFlight = 0;
  private nextBatchId = 1;
  private batches = 0;
  private batchedSegments = 0;
  private crashes = 0;
  private readonly countedCrashes = new WeakSet<object>();
  private closing: Promise<void> | undefined;
  private idleWaiters: Array<() => void> = [];

  constructor(options: PipelinePoolOptions) {
    this.settings = options.settings;
    this.logger = options.logger;
    this.observer = options.observer;
    this.snapshot = { version: 1, profiles: options.profiles };
    const threads = options.settings.threads > 0 ? options.settings.threads : availableParallelism();
    this.capacity = threads * options.settings.concurrentTasksPerThread;
    const marks = new SharedArrayBuffer(STARTED_MARK_SLOTS * Int32Array.BYTES_PER_ELEMENT);
    this.startedMarks = new Int32Array(marks);

    const workerUrl = options.workerUrl ?? siblingEntryUrl(import.meta.url, "worker");
    const bootData: WorkerBootData = { snapshot: this.snapshot, startedMarks: marks };
    const execArgv = threadExecArgv(workerUrl);
    this.piscina = new Piscina<WorkerTask, WorkerReply>({
      filename: workerUrl.href,
      // A fixed-size pool: a thread started on demand pays module load and
      // pipeline compilation on some segment's latency, while an idle one
      // costs only memory. With min = max the idle timeout never reaps.
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: options.settings.concurrentTasksPerThread,
      workerData: bootData,
      ...(execArgv ? { execArgv } : {}),
    });
    // piscina emits 'error' when a thread dies with no task on it; without a
    // listener that would throw on the main thread.
    this.piscina.on("error", (error: unknown) => {
      this.logger.error({ err: error }, "pipeline worker failed outside a task");
    });

    this.batcher = new MicroBatcher<QueuedJob>({
      maxBatchSize: options.settings.maxBatchSegments,
      sizeOf: (queued) => queued.job.segments.length,
      hasCapacity: () => this.inFlight < this.capacity,
      dispatch: (jobs) => this.dispatch(jobs),
    });
    this.logger.info(
      { threads, concurrentTasksPerThread: options.settings.concurrentTasksPerThread, worker: workerUrl.href },
      "pipeline pool started",
    );
  }

  process<O extends JobOutput = "results">(job: PipelineJob<O>): Promise<PipelineJobResult<O>> {
    if (this.closing) return Promise.reject(new PoolClosedError());
    if (!Object.hasOwn(this.snapshot.profiles, job.profile)) {
      // Checked here too so a typo fails at once instead of after a round trip.
      return Promise.reject(
        new JobFailedError({
          name: "UnknownProfileError",
          message: `unknown profile "${job.profile}"`,
          details: { profile: job.profile },
        }),
      );
    }
    if (job.segments.length === 0) {
      const output = job.output ?? "results";
      const empty: AnyJobResult = {
        context: job.context,
        ...(output !== "encoded" ? { results: [] } : {}),
        ...(output !== "results" ? { encoded: { bytes: new Uint8Array(0), ends: [], summaries: [] } } : {}),
      };
      return Promise.resolve(empty as PipelineJobResult<O>);
    }
    const traceLink = job.traceLink ?? activeSpanContext();
    return new Promise<AnyJobResult>((resolve, reject) => this.batcher.add({ job, resolve, reject, traceLink })) as Promise<
      PipelineJobResult<O>
    >;
  }

  /**
   * Compiles every profile on a worker thread, with the workers' resources,
   * without installing them: the problems, none when all compile. Call it
   * before updateProfiles (and at start) so a bad profile is refused up front.
   */
  async checkProfiles(profiles: Record<string, ProfileInput>): Promise<ProfileProblem[]> {
    if (this.closing) throw new PoolClosedError();
    const reply = await this.piscina.run({ checkProfiles: profiles });
    if (reply.kind !== "profiles-checked") throw new WorkerCrashedError("worker answered a profiles check with a batch reply");
    return reply.problems;
  }

  /** Jobs dispatched after this call run with these profiles. */
  updateProfiles(profiles: Record<string, ProfileInput>): void {
    this.snapshot = { version: this.snapshot.version + 1, profiles };
  }

  stats(): PipelinePoolStats {
    return {
      threads: this.piscina.threads.length,
      utilization: this.piscina.utilization,
      queuedTasks: this.piscina.queueSize + Math.ceil(this.batcher.pendingSize / this.settings.maxBatchSegments),
      inFlightTasks: this.inFlight,
      pendingJobs: this.batcher.pendingItems,
      batches: this.batches,
      avgBatchSegments: this.batches === 0 ? 0 : this.batchedSegments / this.batches,
      crashes: this.crashes,
    };
  }

  /** True when more work waits than maxQueuedTasks tasks' worth; streams should pause reading. */
  saturated(): boolean {
    return this.stats().queuedTasks > this.settings.maxQueuedTasks;
  }

  /** Stops taking jobs, finishes those already accepted, then stops the threads. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.batcher.flush();
      await this.whenIdle();
      await this.piscina.close();
      this.logger.info({ batches: this.batches, crashes: this.crashes }, "pipeline pool closed");
    })();
    return this.closing;
  }

  private dispatch(jobs: QueuedJob[]): void {
    let segments = 0;
    for (const { job } of jobs) segments += job.segments.length;
    const batch: Batch = {
      batchId: this.nextBatchId,
      version: this.snapshot.version,
      jobs,
      wireJobs: jobs.map(({ job }) => ({
        profile: job.profile,
        overrides: job.overrides,
        segments: job.segments,
        context: job.context,
        output: job.output ?? "results",
      })),
      collateralRetries: 0,
      segments,
      dispatchedAt: performance.now(),
      span: tracingEnabled() ? startBatchSpan(this.nextBatchId, segments, jobs.map((queued) => queued.traceLink)) : undefined,
    };
    // Ids stay positive int32 values because the started marks are Int32.
    this.nextBatchId = this.nextBatchId >= 0x7fff_ffff ? 1 : this.nextBatchId + 1;
    this.batches += 1;
    this.batchedSegments += segments;
    this.send(batch, false);
  }

  private send(batch: Batch, withSnapshot: boolean): void {
    const task: BatchTask = {
      batchId: batch.batchId,
      version: batch.version,
      jobs: batch.wireJobs,
      ...(withSnapshot ? { snapshot: this.snapshot } : {}),
    };
    this.inFlight += 1;
    this.piscina.run(task).then(
      (reply) => this.settle(() => this.onReply(batch, reply, withSnapshot)),
      (error: unknown) => this.settle(() => this.onTaskFailed(batch, error)),
    );
  }

  private settle(handle: () => void): void {
    this.inFlight -= 1;
    try {
      handle();
    } finally {
      // A slot is free: send what was held back while the threads were busy.
      this.batcher.flush();
      if (this.inFlight === 0 && this.batcher.pendingItems === 0) {
        for (const wake of this.idleWaiters.splice(0)) wake();
      }
    }
  }

  private onReply(batch: Batch, reply: WorkerReply, hadSnapshot: boolean): void {
    if (reply.kind === "profiles-checked") {
      this.failBatch(batch, new WorkerCrashedError("worker answered a batch with a profiles check reply"));
      return;
    }
    if (reply.kind === "stale") {
      if (hadSnapshot) {
        this.failBatch(batch, new WorkerCrashedError("worker rejected the current profiles snapshot"));
        return;
      }
      // This thread has not seen the latest profiles (it started before the
      // update, or replaced a crashed thread): resend with the snapshot.
      this.send(batch, true);
      return;
    }
    if (reply.outcomes.length !== batch.jobs.length) {
      this.failBatch(batch, new WorkerCrashedError("worker returned a malformed batch reply"));
      return;
    }
    const roundTripMs = performance.now() - batch.dispatchedAt;
    this.observer?.batchDone({ segments: batch.segments, jobs: batch.jobs.length, roundTripMs, worker: reply.metrics });
    if (batch.span) endBatchSpan(batch.span, roundTripMs, reply.metrics);
    reply.outcomes.forEach((outcome, index) => {
      const queued = batch.jobs[index]!;
      if (outcome.ok) queued.resolve(outcome);
      else queued.reject(jobError(outcome.error));
    });
  }

  private onTaskFailed(batch: Batch, error: unknown): void {
    if (typeof error === "object" && error !== null && !this.countedCrashes.has(error)) {
      // piscina fails every task on a dead thread with the same error object.
      this.countedCrashes.add(error);
      this.crashes += 1;
    }
    const started = Atomics.load(this.startedMarks, startedMarkSlot(batch.batchId)) === batch.batchId;
    if (!started && batch.collateralRetries < MAX_COLLATERAL_RETRIES) {
      batch.collateralRetries += 1;
      this.logger.warn({ err: error, batchId: batch.batchId }, "batch queued on a crashed worker; resending");
      this.send(batch, false);
      return;
    }
    this.logger.error(
      { err: error, batchId: batch.batchId, streams: batch.jobs.map(({ job }) => job.streamKey) },
      "pipeline worker crashed while running a batch",
    );
    this.failBatch(batch, new WorkerCrashedError("pipeline worker crashed while processing this job", { cause: error }));
  }

  private failBatch(batch: Batch, error: Error): void {
    if (batch.span) failBatchSpan(batch.span, error);
    for (const queued of batch.jobs) queued.reject(error);
  }

  private whenIdle(): Promise<void> {
    if (this.inFlight === 0 && this.batcher.pendingItems === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

/**
 * Option errors come back as the pipeline's own StageOptionsError so the
 * server can answer INVALID_ARGUMENT with field violations; anything else
 * becomes a JobFailedError carrying the original name and properties.
 */
function jobError(error: WireError): Error {
  const violations = error.details["violations"];
  if (error.name === "StageOptionsError" && Array.isArray(violations) && violations.length > 0) {
    return new StageOptionsError(violations as OptionViolation[]);
  }
  return new JobFailedError(error);
}
