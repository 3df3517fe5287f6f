// TranscriptService: the live bidi stream and its unary twin.
import { status as GrpcStatus, type sendUnaryData, type ServerUnaryCall } from "@grpc/grpc-js";
import type { LipiConfig } from "../../config/schema.js";
import type {
  ProcessRequest,
  ProcessResponse,
  ProcessedSegment,
  TranscriptServiceServer,
} from "../../gen/lipi/v1/transcript.js";
import type { SegmentInput, StreamContext } from "../../pipeline/types.js";
import type { Logger } from "../../telemetry/logger.js";
import type { StreamObserver } from "../../telemetry/metrics.js";
import { invalidArgument, RpcError, type FieldViolation } from "../errors.js";
import type { PipelineRunner, ProfilesSource, SessionRecorder } from "../ports.js";
import { toProcessedSegment } from "../../workers/wire.js";
import type { SessionRegistry } from "../session-registry.js";
import { requestIdOf } from "../request-id.js";
import { StreamSession } from "../stream-session.js";
import { segmentLimits, validateSegment, validateStreamConfig } from "../validate.js";
import { randomUUID } from "node:crypto";
import { callContextOf, type CallContext } from "../../security/call-context.js";

export interface TranscriptServiceDeps {
  config: LipiConfig;
  profiles: ProfilesSource;
  lexiconPackIds?: ReadonlySet<string> | undefined;
  runner: PipelineRunner;
  recorder: SessionRecorder | undefined;
  sessions: SessionRegistry;
  logger: Logger;
  /** Per-segment stream metrics; absent when metrics are off. */
  metrics?: StreamObserver | undefined;
}

export function createTranscriptService(deps: TranscriptServiceDeps): TranscriptServiceServer {
  const log = deps.logger.child({ component: "transcript" });

  return {
    streamProcess(call) {
      if (deps.sessions.draining) {
        call.emit("error", new RpcError(GrpcStatus.UNAVAILABLE, "server is shutting down"));
        return;
      }
      const requestId = requestIdOf(call);
      const callContext = callContextOf(call.metadata);
      deps.sessions.add(new StreamSession(call, { ...deps, logger: log.child({ request: requestId }), callContext }));
    },

    process(call: ServerUnaryCall<ProcessRequest, ProcessResponse>, callback: sendUnaryData<ProcessResponse>) {
      if (deps.sessions.draining) {
        callback(new RpcError(GrpcStatus.UNAVAILABLE, "server is shutting down"));
        return;
      }
      const requestLog = log.child({ request: requestIdOf(call), peer: call.getPeer() });
      processUnary(call.request, deps, call.getPeer(), callContextOf(call.metadata)).then(
        (response) => {
          requestLog.debug({ segments: response.segments.length }, "process answered");
          callback(null, response);
        },
        (err: unknown) => {
          if (err instanceof RpcError) {
            requestLog.info({ code: err.code, message: err.message }, "process rejected");
            callback(err);
          } else {
            requestLog.error({ err }, "process failed");
            callback(new RpcError(GrpcStatus.INTERNAL, `processing failed: ${(err as Error).message}`));
          }
        },
      );
    },
  };
}

async function processUnary(
  request: ProcessRequest,
  deps: TranscriptServiceDeps,
  peer: string,
  callContext: CallContext | undefined,
): Promise<ProcessResponse> {
  const { config } = deps;
  const violations: FieldViolation[] = [];
  if (!request.config) violations.push({ field: "config", description: "is required" });
  if (request.segments.length > config.stream.maxSegmentsPerRequest) {
    violations.push({
      field: "segments",
      description: `has ${request.segments.length} segments; the limit is ${config.stream.maxSegmentsPerRequest}`,
    });
  }
  const checkedConfig = request.config
    ? validateStreamConfig(request.config, deps.profiles(), config.pipeline.defaultProfile, "config", deps.lexiconPackIds)
    : undefined;
  if (checkedConfig?.violations) violations.push(...checkedConfig.violations);
  const inputs: SegmentInput[] = [];
  const limits = segmentLimits(config);
  request.segments.forEach((segment, i) => {
    const checked = validateSegment(segment, limits, `segments[${i}]`);
    if (checked.violations) violations.push(...checked.violations);
    else inputs.push(checked.input);
  });
  if (violations.length || !checkedConfig?.options) throw invalidArgument("invalid Process request", violations);

  const options = checkedConfig.options;
  const streamKey = randomUUID();
  const sessionId = request.config!.sessionId || streamKey;
  if (callContext) {
    callContext.resourceIds.stream = streamKey;
    callContext.resourceIds.session = sessionId;
  }
  const persist = request.config!.persist && deps.recorder !== undefined;
  if (persist) deps.recorder!.begin({ streamId: streamKey, sessionId, profile: options.profile, config: options, peer, subject: callContext?.subject ?? null });

  // Chunks run one after another so the context threads through in order.
  const out: ProcessedSegment[] = [];
  let context: StreamContext = {};
  for (let i = 0; i < inputs.length; i += config.pool.maxBatchSegments) {
    const segments = inputs.slice(i, i + config.pool.maxBatchSegments);
    const result = await deps.runner.process({ streamKey, profile: options.profile, overrides: options.overrides, segments, context });
    context = result.context;
    for (let j = 0; j < result.results.length; j++) {
      out.push(toProcessedSegment(result.results[j]!));
      if (persist && segments[j]!.isFinal) await deps.recorder!.record(streamKey, segments[j]!, result.results[j]!);
    }
  }
  if (persist) deps.recorder!.end(streamKey, { segmentsProcessed: out.length }, "completed");
  if (callContext) callContext.counts = () => ({ segmentsReceived: request.segments.length, segmentsProcessed: out.length });
  return { segments: out };
}
