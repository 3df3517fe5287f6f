// One bidi StreamProcess call. The session owns the stream's order, context
// and back-pressure:
//   * every request becomes an entry in one queue, answered strictly in
//     arrival order (segments, per-segment errors, config updates, flushes);
//   * at most one pipeline job per stream is in flight, so the stream's
//     context threads through its segments in order;
//   * reading pauses when the queue is full and dispatching pauses while the
//     client is not reading responses, so memory stays bounded and nothing
//     is dropped.
import { randomUUID } from "node:crypto";
import { status as GrpcStatus, type ServerDuplexStream } from "@grpc/grpc-js";
import type { LipiConfig } from "../config/schema.js";
import {
  InterimHandling,
  StreamStatus_Kind,
  type StreamProcessRequest,
  type StreamProcessResponse,
  type Segment,
  type StreamConfig,
  type StreamStats,
} from "../gen/lipi/v1/transcript.js";
import type { SpanContext } from "@opentelemetry/api";
import type { Status } from "../gen/google/rpc/status.js";
import type { ProfileInput, SegmentInput, SegmentResult, StreamContext } from "../pipeline/types.js";
import type { CallContext } from "../security/call-context.js";
import type { Logger } from "../telemetry/logger.js";
import type { StreamObserver } from "../telemetry/metrics.js";
import { activeSpanContext } from "../telemetry/tracing.js";
import { badRequestStatus, RpcError } from "./errors.js";
import type { PipelineRunner, SessionRecorder } from "./ports.js";
import { encodedResponseAt } from "../workers/wire.js";
import { EncodedResponse, type OutgoingResponse } from "./encoded-responses.js";
import { applyUpdate, segmentLimits, validateSegment, validateStreamConfig, type StreamOptions } from "./validate.js";

type Call = ServerDuplexStream<StreamProcessRequest, OutgoingResponse>;

type Entry =
  | { kind: "segment"; input: SegmentInput; receivedAt: number }
  | { kind: "reply"; response: StreamProcessResponse }
  | { kind: "update"; options: StreamOptions }
  | { kind: "flush" };

export interface StreamSessionDeps {
  config: LipiConfig;
  profiles: () => Record<string, ProfileInput>;
  /** Ids of the lexicon packs the workers load; absent: only their form is checked. */
  lexiconPackIds?: ReadonlySet<string> | undefined;
  runner: PipelineRunner;
  recorder: SessionRecorder | undefined;
  logger: Logger;
  /** Per-segment latency and errors; absent when metrics are off. */
  metrics?: StreamObserver | undefined;
  /** The call's audit context: the session fills in its ids and live counts. */
  callContext?: CallContext | undefined;
}

export class StreamSession {
  readonly streamKey = randomUUID();
  private readonly log: Logger;
  private readonly queue: Entry[] = [];
  private options: StreamOptions | undefined;
  private sessionId = "";
  private persist = false;
  private finalsOnly = false;
  private context: StreamContext = {};
  private lastSeq = -1;
  private busy = false; // a job is in flight or we are waiting on the recorder
  private waitingForDrain = false;
  private readPaused = false;
  private halfClosed = false;
  private ended = false;
  private readonly stats: StreamStats = {
    segmentsReceived: 0,
    segmentsProcessed: 0,
    segmentsRejected: 0,
    editsApplied: 0,
    editsSuggested: 0,
  };
  private readonly endedCallbacks: Array<() => void> = [];
  private readonly durationTimer: NodeJS.Timeout;
  private readonly traceLink: SpanContext | undefined;

  constructor(
    private readonly call: Call,
    private readonly deps: StreamSessionDeps,
  ) {
    this.log = deps.logger.child({ stream: this.streamKey, peer: call.getPeer() });
    if (deps.callContext) {
      deps.callContext.resourceIds.stream = this.streamKey;
      deps.callContext.counts = () => Object.fromEntries(Object.entries(this.stats));
    }
    const maxDurationMs = deps.config.limits.maxStreamDurationMs;
    this.durationTimer = setTimeout(
      () => this.abort(GrpcStatus.RESOURCE_EXHAUSTED, `stream exceeded its maximum duration (limits.maxStreamDurationMs = ${maxDurationMs} ms)`),
      maxDurationMs,
    );
    this.durationTimer.unref();
    // Pipeline batches link to the call's span, taken once here where the
    // handler runs in it. Stream events need no binding of ours for log
    // lines to carry the trace id: instrumentation-grpc binds the call's
    // emitter to that context, and a second wrapper per message costs CPU.
    this.traceLink = activeSpanContext();
    call.on("data", (request: StreamProcessRequest) => this.onRequest(request));
    call.on("end", () => {
      this.halfClosed = true;
      this.pump();
    });
    call.on("cancelled", () => this.finish("cancelled"));
    call.on("error", (err: Error) => {
      this.log.debug({ err }, "stream error");
      this.finish("cancelled");
    });
    call.on("drain", () => {
      this.waitingForDrain = false;
      this.pump();
    });
  }

  /** Entries received but not yet answered (bounded by stream.maxPendingSegments plus one read). */
  get queueDepth(): number {
    return this.queue.length;
  }

  /** Resolves when the call has ended, however it ended. */
  onEnded(callback: () => void): void {
    if (this.ended) callback();
    else this.endedCallbacks.push(callback);
  }

  /** Tells the client the server is draining; the stream may still finish. */
  notifyDraining(deadlineMs: number): void {
    if (this.ended) return;
    this.send({
      response: {
        $case: "status",
        value: this.status(StreamStatus_Kind.KIND_DRAINING, `server shutting down; finish within ${deadlineMs} ms`),
      },
    });
  }

  /** Ends the call now with the given status (drain deadline passed, pool gone). */
  abort(code: GrpcStatus, message: string): void {
    if (this.ended) return;
    this.log.info({ code, message }, "stream aborted");
    this.finish("aborted");
    this.call.emit("error", new RpcError(code, message));
  }

  private onRequest(request: StreamProcessRequest): void {
    if (this.ended) return;
    const message = request.request;
    if (!this.options) {
      if (message?.$case !== "config") {
        this.abort(GrpcStatus.FAILED_PRECONDITION, "the first message of a stream must be a config");
        return;
      }
      this.start(message);
      return;
    }
    switch (message?.$case) {
      case "segment":
        this.onSegment(message.value);
        break;
      case "updateConfig": {
        const result = applyUpdate(this.lastQueuedOptions(), message.value, this.deps.profiles(), "update_config", this.deps.lexiconPackIds);
        if (result.violations) this.reject("", 0, badRequestStatus("update_config rejected", result.violations));
        else this.enqueue({ kind: "update", options: result.options });
        break;
      }
      case "flush":
        this.enqueue({ kind: "flush" });
        break;
      case "config":
        this.reject("", 0, {
          code: GrpcStatus.FAILED_PRECONDITION,
          message: "config may only be the first message; send update_config to change it",
          details: [],
        });
        break;
      default:
        this.reject("", 0, badRequestStatus("empty request", [{ field: "request", description: "must set one of config, segment, update_config, flush" }]));
    }
  }

  private start(config: { value: StreamConfig }): void {
    const { config: settings } = this.deps;
    const result = validateStreamConfig(config.value, this.deps.profiles(), settings.pipeline.defaultProfile, "config", this.deps.lexiconPackIds);
    if (result.violations) {
      this.finish("rejected");
      this.call.emit("error", new RpcError(GrpcStatus.INVALID_ARGUMENT, "invalid stream config", badRequestStatus("invalid stream config", result.violations)));
      return;
    }
    this.options = result.options;
    this.sessionId = config.value.sessionId || randomUUID();
    if (this.deps.callContext) this.deps.callContext.resourceIds.session = this.sessionId;
    this.persist = config.value.persist && this.deps.recorder !== undefined;
    this.finalsOnly = config.value.interimHandling === InterimHandling.INTERIM_HANDLING_FINALS_ONLY;
    this.log.info({ session: this.sessionId, profile: this.options.profile, persist: this.persist }, "stream started");
    if (this.persist) {
      this.deps.recorder!.begin({
        streamId: this.streamKey,
        sessionId: this.sessionId,
        profile: this.options.profile,
        config: { ...this.options, interimHandling: config.value.interimHandling },
        peer: this.call.getPeer(),
        subject: this.deps.callContext?.subject ?? null,
      });
    }
    this.send({ response: { $case: "status", value: this.status(StreamStatus_Kind.KIND_STARTED, "") } });
  }

  private onSegment(segment: Segment): void {
    this.stats.segmentsReceived++;
    const checked = validateSegment(segment, segmentLimits(this.deps.config), "segment");
    if (checked.violations) {
      this.stats.segmentsRejected++;
      this.reject(segment.id, segment.seq, badRequestStatus(`segment ${segment.id || segment.seq} rejected`, checked.violations));
      return;
    }
    // seq 0 means "not numbered"; numbered segments must move forward.
    if (segment.seq !== 0 && segment.seq <= this.lastSeq) {
      this.stats.segmentsRejected++;
      this.reject(segment.id, segment.seq, badRequestStatus("segment out of order", [
        { field: "segment.seq", description: `must increase: got ${segment.seq} after ${this.lastSeq}` },
      ]));
      return;
    }
    if (segment.seq !== 0) this.lastSeq = segment.seq;
    this.enqueue({ kind: "segment", input: checked.input, receivedAt: this.deps.metrics ? performance.now() : 0 });
  }

  private reject(segmentId: string, seq: number, status: Status): void {
    this.deps.metrics?.segmentFailed(status.code);
    this.enqueue({ kind: "reply", response: errorResponse(segmentId, seq, status) });
  }

  /** The options in force after everything queued so far (for layering updates). */
  private lastQueuedOptions(): StreamOptions {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const entry = this.queue[i]!;
      if (entry.kind === "update") return entry.options;
    }
    return this.options!;
  }

  private enqueue(entry: Entry): void {
    this.queue.push(entry);
    if (!this.readPaused && this.queue.length >= this.deps.config.stream.maxPendingSegments) {
      this.readPaused = true;
      this.call.pause();
    }
    this.pump();
  }

  private maybeResumeReading(): void {
    if (this.readPaused && this.queue.length <= this.deps.config.stream.resumePendingSegments) {
      this.readPaused = false;
      this.call.resume();
    }
  }

  /** Moves the queue forward as far as order, the pool and the client allow. */
  private pump(): void {
    while (!this.ended && !this.busy && !this.waitingForDrain && this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.kind === "segment") {
        this.dispatch();
        break;
      }
      this.queue.shift();
      if (head.kind === "reply") this.send(head.response);
      else if (head.kind === "update") {
        this.options = head.options;
        this.send({ response: { $case: "status", value: this.status(StreamStatus_Kind.KIND_CONFIG_UPDATED, "") } });
      } else {
        this.send({ response: { $case: "status", value: this.status(StreamStatus_Kind.KIND_FLUSHED, "") } });
      }
    }
    this.maybeResumeReading();
    if (!this.ended && this.halfClosed && this.queue.length === 0 && !this.busy) {
      this.call.end();
      this.finish("completed");
    }
  }

  private dispatch(): void {
    const max = this.deps.config.pool.maxBatchSegments;
    const segments: SegmentInput[] = [];
    const receivedAt: number[] = [];
    while (segments.length < max && this.queue[0]?.kind === "segment") {
      const entry = this.queue.shift() as { input: SegmentInput; receivedAt: number };
      segments.push(entry.input);
      receivedAt.push(entry.receivedAt);
    }
    const options = this.options!;
    this.busy = true;
    this.deps.runner
      .process({
        streamKey: this.streamKey,
        profile: options.profile,
        overrides: options.overrides,
        segments,
        context: this.context,
        traceLink: this.traceLink,
        // Responses come back serialised; result objects only when they are stored.
        output: this.persist ? "both" : "encoded",
      })
      .then(
        async (output) => {
          if (this.ended) return;
          this.context = output.context;
          const { encoded } = output;
          const metrics = this.deps.metrics;
          const now = metrics ? performance.now() : 0;
          for (let i = 0; i < segments.length; i++) {
            const summary = encoded.summaries[i]!;
            this.stats.segmentsProcessed++;
            this.stats.editsApplied += summary.editsApplied;
            this.stats.editsSuggested += summary.editsSuggested;
            if (this.finalsOnly && !segments[i]!.isFinal) continue;
            this.send(new EncodedResponse(encodedResponseAt(encoded, i)));
            metrics?.segmentAnswered((now - receivedAt[i]!) / 1000);
          }
          if (output.results) await this.record(segments, output.results);
          this.busy = false;
          this.pump();
        },
        (err: unknown) => {
          if (this.ended) return;
          // Only this batch failed (e.g. its worker crashed): answer each of
          // its segments with INTERNAL and keep the stream and its context.
          this.log.error({ err, segments: segments.length }, "pipeline job failed");
          for (const segment of segments) {
            this.stats.segmentsRejected++;
            this.deps.metrics?.segmentFailed(GrpcStatus.INTERNAL);
            this.send(errorResponse(segment.id, segment.seq, {
              code: GrpcStatus.INTERNAL,
              message: `processing failed: ${(err as Error).message}`,
              details: [],
            }));
          }
          this.busy = false;
          this.pump();
        },
      );
  }

  private async record(inputs: SegmentInput[], results: SegmentResult[]): Promise<void> {
    for (let i = 0; i < results.length; i++) {
      if (!inputs[i]!.isFinal) continue;
      await this.deps.recorder!.record(this.streamKey, inputs[i]!, results[i]!);
    }
  }

  private send(response: OutgoingResponse): void {
    if (this.ended) return;
    if (!this.call.write(response)) this.waitingForDrain = true;
  }

  private status(kind: StreamStatus_Kind, message: string) {
    return { kind, sessionId: this.sessionId, profile: this.options?.profile ?? "", message, stats: { ...this.stats } };
  }

  private finish(outcome: "completed" | "cancelled" | "aborted" | "rejected"): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.durationTimer);
    this.queue.length = 0;
    if (this.persist) this.deps.recorder!.end(this.streamKey, { ...this.stats }, outcome);
    this.log.info({ session: this.sessionId, outcome, stats: this.stats }, "stream ended");
    for (const callback of this.endedCallbacks.splice(0)) callback();
  }
}

function errorResponse(segmentId: string, seq: number, status: Status): StreamProcessResponse {
  return { response: { $case: "error", value: { segmentId, seq, status } } };
}
