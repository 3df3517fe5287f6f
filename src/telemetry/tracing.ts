// OpenTelemetry tracing, off unless tracing.enabled. When on: gRPC server and
// client spans (instrumentation-grpc, W3C traceparent from metadata), pg and
// ioredis spans, and one span per pipeline batch (pool.ts) linked to the
// streams it served. The exporter comes from the standard OTEL_* variables
// (OTEL_TRACES_EXPORTER, default otlp; OTEL_EXPORTER_OTLP_ENDPOINT,
// OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER…).
//
// The SDK is process-wide (OpenTelemetry's globals are), so it starts once;
// later calls share it. Instrumentations patch prototypes (grpc-js Server and
// Client, pg Client and Pool, ioredis), and lipi's ESM imports load those
// CommonJS modules before this runs, where require hooks cannot see them —
// so after starting we require them once more through the hook, which
// patches the already-loaded module objects in place.
import { createRequire } from "node:module";
import { context, propagation, trace, type Span, type SpanContext, type Tracer } from "@opentelemetry/api";
import { GrpcInstrumentation } from "@opentelemetry/instrumentation-grpc";
import { IORedisInstrumentation } from "@opentelemetry/instrumentation-ioredis";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { NodeSDK, type tracing } from "@opentelemetry/sdk-node";

export interface TracingOptions {
  enabled: boolean;
  /** Replace the env-configured exporter (tests pass an in-memory exporter here). */
  spanProcessors?: tracing.SpanProcessor[];
}

let sdk: NodeSDK | undefined;
let instrumentations: Array<{ disable(): void }> = [];

/** Modules the instrumentations patch, loaded (if installed) after the SDK starts. */
const PATCHED_MODULES = ["@grpc/grpc-js", "pg", "pg-pool", "ioredis"];

/** Starts the SDK once per process; returns whether tracing is on. */
export function startTracing(options: TracingOptions): boolean {
  if (!options.enabled) return sdk !== undefined;
  if (sdk) return true;
  // Prometheus already serves metrics and pino writes logs: the SDK's own
  // metrics and logs exporters stay off unless asked for explicitly.
  process.env["OTEL_METRICS_EXPORTER"] ??= "none";
  process.env["OTEL_LOGS_EXPORTER"] ??= "none";
  const created = [
    // Health checks and reflection are polled constantly and say nothing about requests.
    new GrpcInstrumentation({ ignoreGrpcMethods: ["Check", "Watch", "ServerReflectionInfo"] }),
    new PgInstrumentation({ requireParentSpan: false }),
    new IORedisInstrumentation(),
  ];
  instrumentations = created;
  sdk = new NodeSDK({
    serviceName: process.env["OTEL_SERVICE_NAME"] ?? "lipi",
    instrumentations: created,
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors } : {}),
  });
  sdk.start();
  const require = createRequire(import.meta.url);
  for (const name of PATCHED_MODULES) {
    try {
      require(name);
    } catch {
      // not installed (ioredis arrives with the queue): nothing to patch
    }
  }
  return true;
}

/**
 * Flushes, unpatches and unregisters everything (tests; a server process
 * just flushes at exit). A later startTracing starts afresh.
 */
export async function stopTracing(): Promise<void> {
  if (!sdk) return;
  const stopping = sdk;
  sdk = undefined;
  for (const instrumentation of instrumentations) instrumentation.disable();
  instrumentations = [];
  await stopping.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

export function tracingEnabled(): boolean {
  return sdk !== undefined;
}

/** Exports what is buffered (at shutdown; the SDK itself stays up for the process). */
export async function flushTracing(): Promise<void> {
  const provider = trace.getTracerProvider() as { forceFlush?: () => Promise<void> };
  await provider.forceFlush?.();
}

export function lipiTracer(): Tracer {
  return trace.getTracer("lipi");
}

/** The span context active here, for linking work done later on its behalf. */
export function activeSpanContext(): SpanContext | undefined {
  if (!sdk) return undefined;
  const span = trace.getActiveSpan();
  return span?.spanContext();
}

export type { Span };
