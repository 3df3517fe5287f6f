// Assembles the grpc-js server: options from config, services, health and
// reflection; and takes it down gracefully.
import { Server, ServerCredentials, type ChannelOptions, type ServerInterceptor } from "@grpc/grpc-js";
import type { LipiConfig } from "../config/schema.js";
import type { Logger } from "../telemetry/logger.js";
import type { LipiMetrics } from "../telemetry/metrics.js";
import { transcriptServiceDefinition } from "./encoded-responses.js";
import { HealthReporter } from "./health.js";
import { grpcMetricsInterceptor } from "./interceptors/metrics.js";
import type { PipelineRunner, ProfilesSource, SessionRecorder } from "./ports.js";
import { addReflection } from "./reflection.js";
import { SessionRegistry } from "./session-registry.js";
import { createTranscriptService } from "./services/transcript.js";

export interface LipiServerDeps {
  config: LipiConfig;
  profiles: ProfilesSource;
  runner: PipelineRunner;
  recorder: SessionRecorder | undefined;
  logger: Logger;
  /** Prometheus metrics; absent when metrics are off. */
  metrics?: LipiMetrics | undefined;
}

export interface LipiServer {
  /** The bound port (useful when config asked for port 0). */
  port: number;
  health: HealthReporter;
  sessions: SessionRegistry;
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
 * Server interceptors, outermost first. Auth, RBAC and audit go before
 * metrics when they land (ARCHITECTURE.md: auth → RBAC → audit → metrics).
 */
export function serverInterceptors(deps: LipiServerDeps): ServerInterceptor[] {
  const interceptors: ServerInterceptor[] = [];
  if (deps.metrics) interceptors.push(grpcMetricsInterceptor(deps.metrics.registry));
  return interceptors;
}

export async function startServer(deps: LipiServerDeps): Promise<LipiServer> {
  const { config, logger } = deps;
  const server = new Server({ ...serverOptions(config), interceptors: serverInterceptors(deps) });
  const sessions = new SessionRegistry();
  const health = new HealthReporter();
  server.addService(transcriptServiceDefinition, createTranscriptService({ ...deps, sessions }));
  health.implementation.addToServer(server);
  if (config.server.reflection) addReflection(server);

  const address = `${config.server.host}:${config.server.port}`;
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound)));
  });
  health.setAll("SERVING");
  logger.info({ address: `${config.server.host}:${port}` }, "lipi listening");

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
    get draining() {
      return stopping !== undefined;
    },
    shutdown,
  };
}
