// lipi's Prometheus metrics: one registry per running instance (tests run
// several in one process), default process metrics (CPU, memory, GC,
// event-loop lag), and the pipeline, stream, pool, write-buffer and health
// metrics. Hot paths call a few methods here; state that already lives
// elsewhere (pool stats, buffer depths, health) is read at scrape time.
// Labels hold only names from code or config (stage, rule, buffer, check),
// never stream, session or request ids.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { BatchObservation, PoolObserver } from "../workers/pool.js";
import { KEY_SEPARATOR } from "../workers/codec.js";
import { grpcCodeName } from "./grpc-codes.js";
import type { ReadinessReport } from "./readiness.js";

/** What the pool reports at scrape time (PipelinePool.stats() has this shape). */
export interface PoolGaugeSource {
  threads: number;
  utilization: number;
  queuedTasks: number;
  inFlightTasks: number;
  pendingJobs: number;
  crashes: number;
}

/** A bounded write buffer (persistence, audit): PersistenceWriter.stats() has this shape. */
export interface WriteBufferStats {
  pendingRows: number;
  waitingRows: number;
  writtenRows: number;
  retries: number;
  failures: number;
  rejectedRows: number;
  degradedSince: Date | null;
}

/** What a stream session reports per answered segment. */
export interface StreamObserver {
  /** A segment was answered with a processed result, `seconds` after it arrived. */
  segmentAnswered(seconds: number): void;
  /** A segment was answered with a SegmentError carrying this gRPC code. */
  segmentFailed(grpcCode: number): void;
}

const PHASE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
const SEGMENT_LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const BATCH_SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

export class LipiMetrics implements PoolObserver, StreamObserver {
  readonly registry = new Registry();

  private readonly segmentsProcessed: Counter;
  private readonly segmentsNeedingReview: Counter;
  private readonly segmentLatency: Histogram;
  private readonly segmentErrors: Counter<"grpc_code">;
  private readonly batchPhase: Histogram<"phase">;
  private readonly stageSeconds: Histogram<"stage">;
  private readonly batchSegments: Histogram;
  private readonly edits: Counter<"stage" | "rule" | "outcome">;
  private readonly flags: Counter<"stage" | "code">;
  private readonly phaseChildren: Record<"queue" | "pipeline" | "encode" | "total", { observe(v: number): void }>;
  private readonly editChildren = new Map<string, { inc(n: number): void }>();
  private readonly flagChildren = new Map<string, { inc(n: number): void }>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.segmentsProcessed = new Counter({ name: "lipi_segments_processed_total", help: "Segments run through the pipeline (streams and unary calls).", registers });
    this.segmentsNeedingReview = new Counter({ name: "lipi_segments_needing_review_total", help: "Processed segments flagged for human review.", registers });
    this.segmentLatency = new Histogram({
      name: "lipi_stream_segment_latency_seconds",
      help: "Stream segments: from the request's arrival to its processed response being written.",
      buckets: SEGMENT_LATENCY_BUCKETS,
      registers,
    });
    this.segmentErrors = new Counter({
      name: "lipi_stream_segment_errors_total",
      help: "Stream segments answered with a SegmentError (the stream goes on), by gRPC code.",
      labelNames: ["grpc_code"],
      registers,
    });
    this.batchPhase = new Histogram({
      name: "lipi_pipeline_batch_seconds",
      help: "Per pipeline batch: queue (waiting and crossing threads), pipeline (all stages), encode (responses), total (dispatch to reply).",
      labelNames: ["phase"],
      buckets: PHASE_BUCKETS,
      registers,
    });
    this.stageSeconds = new Histogram({
      name: "lipi_pipeline_stage_seconds",
      help: "Per pipeline batch: time spent in each stage (rate of _sum is the stage's CPU cost).",
      labelNames: ["stage"],
      buckets: PHASE_BUCKETS,
      registers,
    });
    this.batchSegments = new Histogram({ name: "lipi_pool_batch_segments", help: "Segments per worker task (micro-batch size).", buckets: BATCH_SIZE_BUCKETS, registers });
    this.edits = new Counter({
      name: "lipi_edits_total",
      help: "Edits made by the pipeline, by stage, rule and outcome (applied, or only suggested for review).",
      labelNames: ["stage", "rule", "outcome"],
      registers,
    });
    this.flags = new Counter({ name: "lipi_review_flags_total", help: "Flags raised on segments, by stage and flag code.", labelNames: ["stage", "code"], registers });
    this.phaseChildren = {
      queue: this.batchPhase.labels("queue"),
      pipeline: this.batchPhase.labels("pipeline"),
      encode: this.batchPhase.labels("encode"),
      total: this.batchPhase.labels("total"),
    };
  }

  // --- hot-path observers -------------------------------------------------

  batchDone(batch: BatchObservation): void {
    this.batchSegments.observe(batch.segments);
    this.phaseChildren.total.observe(batch.roundTripMs / 1000);
    const worker = batch.worker;
    if (!worker) return;
    this.segmentsProcessed.inc(worker.segments);
    if (worker.needsReview > 0) this.segmentsNeedingReview.inc(worker.needsReview);
    this.phaseChildren.pipeline.observe(worker.pipelineMs / 1000);
    this.phaseChildren.encode.observe(worker.encodeMs / 1000);
    this.phaseChildren.queue.observe(Math.max(0, batch.roundTripMs - worker.pipelineMs - worker.encodeMs) / 1000);
    for (const stage in worker.stageMs) this.stageSeconds.labels(stage).observe(worker.stageMs[stage]! / 1000);
    for (const key in worker.edits) childFor(this.editChildren, key, () => this.edits.labels(...splitKey(key, 3))).inc(worker.edits[key]!);
    for (const key in worker.flags) childFor(this.flagChildren, key, () => this.flags.labels(...splitKey(key, 2))).inc(worker.flags[key]!);
  }

  segmentAnswered(seconds: number): void {
    this.segmentLatency.observe(seconds);
  }

  segmentFailed(grpcCode: number): void {
    this.segmentErrors.labels(grpcCodeName(grpcCode)).inc();
  }

  // --- read at scrape time ------------------------------------------------

  watchPool(stats: () => PoolGaugeSource): void {
    const registers = [this.registry];
    const gauge = (name: string, help: string, read: (s: PoolGaugeSource) => number) =>
      new Gauge({ name, help, registers, collect() { this.set(read(stats())); } });
    gauge("lipi_pool_threads", "Worker threads running the pipeline.", (s) => s.threads);
    gauge("lipi_pool_utilization_ratio", "Share of worker thread time spent running tasks since start (piscina utilization).", (s) => s.utilization);
    gauge("lipi_pool_queued_tasks", "Tasks' worth of work waiting for a worker thread.", (s) => s.queuedTasks);
    gauge("lipi_pool_in_flight_tasks", "Tasks sent to worker threads and not yet answered.", (s) => s.inFlightTasks);
    gauge("lipi_pool_pending_jobs", "Stream jobs accepted and not yet sent to a worker.", (s) => s.pendingJobs);
    cumulativeCounter(this.registry, "lipi_pool_worker_crashes_total", "Worker threads that died (each fails the batch it ran).", [], () => [[[], stats().crashes]]);
  }

  /** Buffers are told apart by the `buffer` label: "persistence" now, "audit" when it lands. */
  watchWriteBuffers(buffers: Record<string, () => WriteBufferStats>): void {
    const registers = [this.registry];
    const names = Object.keys(buffers);
    const each = (read: (s: WriteBufferStats) => number): Array<[string[], number]> => names.map((name) => [[name], read(buffers[name]!())]);
    const gauge = (name: string, help: string, read: (s: WriteBufferStats) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ["buffer"],
        registers,
        collect() {
          for (const [labels, value] of each(read)) this.labels(...labels).set(value);
        },
      });
    gauge("lipi_write_buffer_rows", "Rows accepted into the buffer and not yet written.", (s) => s.pendingRows);
    gauge("lipi_write_buffer_waiting_rows", "Rows whose producers wait for buffer room (back-pressure).", (s) => s.waitingRows);
    gauge("lipi_write_buffer_degraded", "1 while writes fail and are being retried.", (s) => (s.degradedSince ? 1 : 0));
    const counter = (name: string, help: string, read: (s: WriteBufferStats) => number) =>
      cumulativeCounter(this.registry, name, help, ["buffer"], () => each(read));
    counter("lipi_write_buffer_written_rows_total", "Rows written.", (s) => s.writtenRows);
    counter("lipi_write_buffer_retries_total", "Write attempts repeated after a transient failure.", (s) => s.retries);
    counter("lipi_write_buffer_failures_total", "Write attempts that failed.", (s) => s.failures);
    counter("lipi_write_buffer_rejected_rows_total", "Rows the database refused as invalid (logged, not stored).", (s) => s.rejectedRows);
  }

  /** The audit log's own figure beside its write-buffer metrics: entries lost to a full buffer (each loss is also a gap record in the chain). */
  watchAuditLog(stats: () => { droppedEntries: number }): void {
    cumulativeCounter(
      this.registry,
      "lipi_audit_dropped_entries_total",
      "Audit entries dropped because the audit buffer was full (the chain records each episode as a gap record).",
      [],
      () => [[[], stats().droppedEntries]],
    );
  }

  watchStreams(open: () => number): void {
    new Gauge({ name: "lipi_streams_open", help: "Open StreamProcess calls.", registers: [this.registry], collect() { this.set(open()); } });
  }

  watchReadiness(report: () => ReadinessReport): void {
    const registers = [this.registry];
    let last: ReadinessReport | undefined;
    // One evaluation per scrape, shared by the three gauges.
    const current = () => (last ??= report());
    new Gauge({ name: "lipi_ready", help: "1 when /readyz answers 200.", registers, collect() { last = undefined; this.set(current().ready ? 1 : 0); } });
    new Gauge({ name: "lipi_degraded", help: "1 while ready but a dependency is down (e.g. the database: processing goes on).", registers, collect() { this.set(current().status === "degraded" ? 1 : 0); } });
    new Gauge({
      name: "lipi_health_check_status",
      help: "Per readiness check: 1 pass, 0.5 warn (degraded), 0 fail.",
      labelNames: ["check"],
      registers,
      collect() {
        for (const [check, result] of Object.entries(current().checks)) this.labels(check).set(result.status === "pass" ? 1 : result.status === "warn" ? 0.5 : 0);
      },
    });
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

function splitKey<N extends number>(key: string, parts: N): string[] {
  const values = key.split(KEY_SEPARATOR);
  while (values.length < parts) values.push("");
  return values.slice(0, parts);
}

function childFor<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let child = cache.get(key);
  if (child === undefined) cache.set(key, (child = make()));
  return child;
}

/**
 * A Prometheus counter whose value is a running total kept elsewhere (pool
 * crashes, rows written): at scrape time it moves by what the total grew.
 */
function cumulativeCounter(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  read: () => Array<[string[], number]>,
): void {
  const seen = new Map<string, number>();
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      for (const [labels, total] of read()) {
        const key = labels.join(KEY_SEPARATOR);
        const previous = seen.get(key);
        seen.set(key, total);
        // inc(0) on the first scrape creates the series, so rate() and alerts have a baseline.
        const delta = Math.max(0, total - (previous ?? 0));
        if (delta === 0 && previous !== undefined) continue;
        if (labels.length === 0) this.inc(delta);
        else this.labels(...labels).inc(delta);
      }
    },
  });
}
