// Assembles the grpc-js server: options from config, services, health and
// reflection; and takes it down gracefully.
import { Server, type ChannelOptions, type ServerCredentials, type ServerInterceptor } from "@grpc/grpc-js";
import type pg from "pg";
import type { LipiConfig } from "../config/schema.js";
import { AuditServiceService } from "../gen/lipi/v1/audit.js";
import type { AuditSink } from "../security/audit-entry.js";
import type { CallGate } from "../security/gate.js";
import { serverCredentials } from "../security/tls.js";
import type { Logger } from "../telemetry/logger.js";
import type { LipiMetrics } from "../telemetry/metrics.js";
import { transcriptServiceDefinition } from "./encoded-responses.js";
import { HealthReporter } from "./health.js";
import { auditInterceptor } from "./interceptors/audit.js";
import { authInterceptor } from "./interceptors/auth.js";
import { grpcMetricsInterceptor } from "./interceptors/metrics.js";
import type { PipelineRunner, ProfilesSource, SessionRecorder } from "./ports.js";
import { addReflection } from "./reflection.js";
import { SessionRegistry } from "./session-registry.js";
import { createAuditService } from "./services/audit.js";
import { createTranscriptService } from "./services/transcript.js";

export interface LipiServerDeps {
  config: LipiConfig;
  profiles: ProfilesSource;
  /** Ids of the lexicon packs the workers load, so a stream naming another is refused at its config. */
  lexiconPackIds?: ReadonlySet<string> | undefined;
  runner: PipelineRunner;
  recorder: SessionRecorder | undefined;
  logger: Logger;
  /** Prometheus metrics; absent when metrics are off. */
  metrics?: LipiMetrics | undefined;
  /** Authentication, RBAC and limits (the gate) and where every call's audit record goes. */
  security: { gate: CallGate; audit: AuditSink };
  /** TLS, mTLS or plaintext (src/security/tls.ts); built from config.tls when absent. */
  credentials?: ServerCredentials | undefined;
  /** The database holding the audit log; AuditService is served when it is given. */
  auditDb?: pg.Pool | undefined;
}

export interface ServedMethod {
  /** Full path, e.g. "/lipi.v1.TranscriptService/Process". */
  path: string;
  requestStream: boolean;
  responseStream: boolean;
}

export interface LipiServer {
  /** The bound port (useful when config asked for port 0). */
  port: number;
  health: HealthReporter;
  sessions: SessionRegistry;
  /** Every method served (all services, health and reflection included). */
  methods: readonly ServedMethod[];
  /** True from the moment shutdown() is called. */
  readonly draining: boolean;
  /**
   * Health goes NOT_SERVING, new calls are refused, open streams get a
   * DRAINING status and may finish until the deadline; the rest end with
   * UNAVAILABLE.
   */
  shutdown(drainTimeoutMs?: number): Promise<{ cut: number }>;
}

export function serverOptions(config: LipiConfig): ChannelOptions {
  const { server } = config;
  return {
    "grpc.max_receive_message_length": server.maxReceiveMessageBytes,
    "grpc.max_send_message_length": server.maxSendMessageBytes,
    "grpc.keepalive_time_ms": server.keepalive.timeMs,
    "grpc.keepalive_timeout_ms": server.keepalive.timeoutMs,
    "grpc.keepalive_permit_without_calls": server.keepalive.permitWithoutCalls ? 1 : 0,
    "grpc.http2.min_ping_interval_without_data_ms": server.keepalive.minClientPingIntervalMs,
  };
}

/**
 * Server interceptors, outermost first: audit (first, as it must observe the
 * base call's statuses), metrics, then authentication, RBAC and limits, so
 * a refused call is counted and recorded with its code and never reaches a
 * handler.
 */
export function serverInterceptors(deps: LipiServerDeps): ServerInterceptor[] {
  const interceptors: ServerInterceptor[] = [auditInterceptor(deps.security.audit)];
  if (deps.metrics) interceptors.push(grpcMetricsInterceptor(deps.metrics.registry));
  interceptors.push(authInterceptor({ gate: deps.security.gate, logger: deps.logger }));
  return interceptors;
}

export async function startServer(deps: LipiServerDeps): Promise<LipiServer> {
  const { config, logger } = deps;
  const credentials = deps.credentials ?? serverCredentials(config.tls, config.server.host);
  const server = new Server({ ...serverOptions(config), interceptors: serverInterceptors(deps) });
  const methods = recordMethods(server);
  const sessions = new SessionRegistry();
  const health = new HealthReporter();
  server.addService(transcriptServiceDefinition, createTranscriptService({ ...deps, sessions }));
  if (deps.auditDb) {
    server.addService(AuditServiceService, createAuditService({ pool: deps.auditDb, verifyChunkRows: config.audit.verifyChunkRows, logger }));
  }
  health.implementation.addToServer(server);
  if (config.server.reflection) addReflection(server);

  const address = `${config.server.host}:${config.server.port}`;
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(address, credentials, (err, bound) => (err ? reject(err) : resolve(bound)));
  });
  health.setAll("SERVING");
  logger.info({ address: `${config.server.host}:${port}`, tls: config.tls.certFile !== "", mtls: config.tls.clientCaFile !== "" }, "lipi listening");

  let stopping: Promise<{ cut: number }> | undefined;
  const shutdown = (drainTimeoutMs = config.server.drainTimeoutMs) =>
    (stopping ??= (async () => {
      health.setAll("NOT_SERVING");
      // tryShutdown stops listening and sends GOAWAY: no new calls, open ones continue.
      const closed = new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      const { cut } = await sessions.drain(drainTimeoutMs);
      const grace = setTimeout(() => server.forceShutdown(), 1_000);
      await closed;
      clearTimeout(grace);
      logger.info({ cut }, "server stopped");
      return { cut };
    })());

  return {
    port,
    health,
    sessions,
    methods,
    get draining() {
      return stopping !== undefined;
    },
    shutdown,
  };
}

/** Records every method added to the server, whoever adds the service. */
function recordMethods(server: Server): ServedMethod[] {
  const methods: ServedMethod[] = [];
  const addService = server.addService.bind(server);
  server.addService = (service, implementation) => {
    for (const { path, requestStream, responseStream } of Object.values(service)) methods.push({ path, requestStream, responseStream });
    addService(service, implementation);
  };
  return methods;
}
