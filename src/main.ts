// Starts lipi: telemetry, worker pool (whose threads first compile every
// profile: a bad one stops the start), store, persistence, gRPC server — and
// stops them in the reverse order so nothing in flight is lost. The
// observability port comes up first and goes down last, so probes answer
// (not ready) while the store migrates and while streams drain.
import type { ServerCredentials } from "@grpc/grpc-js";
import type { LipiConfig } from "./config/schema.js";
import type { ProfileInput } from "./pipeline/types.js";
import type { AuditSink } from "./security/audit-entry.js";
import { startSecurity, type Security } from "./security/index.js";
import { serverCredentials } from "./security/tls.js";
import type { SessionRecorder } from "./server/ports.js";
import { startServer, type LipiServer } from "./server/server.js";
import { AuditLog } from "./store/audit-log.js";
import { openDatabase, type Database } from "./store/db.js";
import { migrate } from "./store/migrate.js";
import { PersistenceWriter } from "./store/persistence-writer.js";
import { startObservabilityServer, type ObservabilityServer } from "./telemetry/http-server.js";
import type { Logger } from "./telemetry/logger.js";
import { LipiMetrics } from "./telemetry/metrics.js";
import { Readiness } from "./telemetry/readiness.js";
import { flushTracing, startTracing, type TracingOptions } from "./telemetry/tracing.js";
import { PipelinePool } from "./workers/pool.js";
import { InvalidProfilesError, type ProfileProblem } from "./workers/profile-check.js";
import { DEFAULT_LEXICON_DIR, loadLexiconPacks } from "./resources/load.js";

export interface RunningLipi {
  server: LipiServer;
  pool: PipelinePool;
  database: Database;
  writer: PersistenceWriter;
  /** Prometheus registry and observers; undefined when metrics.enabled is false. */
  metrics: LipiMetrics | undefined;
  readiness: Readiness;
  /** The hash-chained audit log every call is recorded in (the server's audit sink unless options.auditSink). */
  auditLog: AuditLog;
  /** Authentication, RBAC and limits; `devToken` is the admin token printed at a loopback dev start. */
  security: Security;
  /** The /metrics, /healthz, /readyz port; undefined when metrics.enabled is false. */
  observability: ObservabilityServer | undefined;
  /** Checks the profiles on a worker, then makes them live; rejects with InvalidProfilesError, keeping the running ones, when any does not compile. */
  reloadProfiles(profiles: Record<string, ProfileInput>): Promise<void>;
  /** Drain streams, then stop the pool, flush persistence and close the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Worker entry to run instead of the default (tests wrap the real one). */
  workerUrl?: URL;
  /** Span processors replacing the OTEL_* exporter (tests: an in-memory exporter). */
  spanProcessors?: TracingOptions["spanProcessors"];
  /** Where every call's audit record goes; default: the hash-chained audit log in the store. */
  auditSink?: AuditSink;
}

export async function startLipi(config: LipiConfig, logger: Logger, options: StartOptions = {}): Promise<RunningLipi> {
  // Before the gRPC server exists: the instrumentation patches Server.prototype.register.
  startTracing({ enabled: config.tracing.enabled, ...(options.spanProcessors ? { spanProcessors: options.spanProcessors } : {}) });
  const metrics = config.metrics.enabled ? new LipiMetrics() : undefined;
  const readiness = new Readiness(config.metrics.readiness);
  const observability = config.metrics.enabled
    ? await startObservabilityServer({ ...config.metrics, metrics, readiness, logger: logger.child({ component: "observability" }) })
    : undefined;
  try {
    return await startServing(config, logger, options, { metrics, readiness, observability });
  } catch (err) {
    await observability?.close();
    throw err;
  }
}

interface Telemetry {
  metrics: LipiMetrics | undefined;
  readiness: Readiness;
  observability: ObservabilityServer | undefined;
}

async function startServing(config: LipiConfig, logger: Logger, options: StartOptions, telemetry: Telemetry): Promise<RunningLipi> {
  // Before anything starts: a refused plaintext address or a missing certificate stops the start here.
  const credentials = serverCredentials(config.tls, config.server.host);
  const pool = await startCheckedPool(config, logger, options, telemetry.metrics);
  try {
    return await startOnPool(config, logger, options, telemetry, { credentials, pool });
  } catch (err) {
    await pool.close();
    throw err;
  }
}

/** The pipeline pool, once a worker has compiled every profile: one that does not (an unknown lexicon pack, a bad param) stops the start. */
async function startCheckedPool(config: LipiConfig, logger: Logger, options: StartOptions, metrics: LipiMetrics | undefined): Promise<PipelinePool> {
  const pool = new PipelinePool({
    settings: config.pool,
    profiles: config.pipeline.profiles,
    logger: logger.child({ component: "pool" }),
    observer: metrics,
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
  });
  let problems: ProfileProblem[];
  try {
    problems = await pool.checkProfiles(config.pipeline.profiles);
  } catch (err) {
    await pool.close();
    throw err;
  }
  if (problems.length > 0) {
    await pool.close();
    throw new InvalidProfilesError(problems);
  }
  return pool;
}

async function startOnPool(
  config: LipiConfig,
  logger: Logger,
  options: StartOptions,
  telemetry: Telemetry,
  started: { credentials: ServerCredentials; pool: PipelinePool },
): Promise<RunningLipi> {
  const { metrics, readiness, observability } = telemetry;
  const { credentials, pool } = started;
  let profiles: Record<string, ProfileInput> = config.pipeline.profiles;
  const database = await openDatabase(config.store, logger);
  if (config.store.migrateOnStart) await migrate(database.connectionString, "up", logger);
  const writer = new PersistenceWriter(database.pool, config.persistence, logger);
  const auditLog = new AuditLog(database.pool, config.audit, logger);
  const security = await startSecurity(config, database.pool, logger);

  const server = await startServer({
    config,
    profiles: () => profiles,
    // The same directory the workers load packs from, read once here (a few hundred ms per pack).
    lexiconPackIds: new Set(loadLexiconPacks(DEFAULT_LEXICON_DIR).map((pack) => pack.id)),
    runner: pool,
    recorder: writerRecorder(writer, logger.child({ component: "persistence" })),
    logger,
    metrics,
    security: { gate: security.gate, audit: options.auditSink ?? auditLog },
    credentials,
    auditDb: database.pool,
  });

  // Database trouble degrades persistence, not processing: it shows on its
  // own health entry and in /readyz details, and makes the instance not
  // ready only when metrics.readiness.requiredDependencies lists "store".
  readiness.attach({
    draining: () => server.draining,
    poolQueuedTasks: () => pool.stats().queuedTasks,
    // The audit log shares the database: its failed writes or dropped entries degrade the same entry.
    store: () => {
      const health = writer.health();
      const audit = auditLog.health();
      if (health.state !== "ok") return { ok: false, since: health.since, lastError: health.lastError };
      if (audit.state !== "ok") return { ok: false, since: audit.since, lastError: `audit log: ${audit.lastError}` };
      return { ok: true };
    },
  });
  const publishHealth = () => server.health.publish(readiness.evaluate());
  publishHealth();
  writer.on("health", publishHealth);
  auditLog.on("health", publishHealth);
  const healthTimer = setInterval(publishHealth, config.metrics.readiness.evaluateIntervalMs);
  healthTimer.unref();
  if (metrics) {
    metrics.watchPool(() => pool.stats());
    metrics.watchWriteBuffers({ persistence: () => writer.stats(), audit: () => auditLog.stats() });
    metrics.watchAuditLog(() => auditLog.stats());
    metrics.watchStreams(() => server.sessions.size);
    metrics.watchReadiness(() => readiness.evaluate());
  }

  return {
    server,
    pool,
    database,
    writer,
    metrics,
    readiness,
    auditLog,
    security,
    observability,
    async reloadProfiles(next) {
      const problems = await pool.checkProfiles(next);
      if (problems.length > 0) throw new InvalidProfilesError(problems);
      profiles = next;
      pool.updateProfiles(next);
    },
    async stop() {
      const draining = server.shutdown();
      publishHealth(); // /readyz and Watch streams say "draining" at once, not at the next tick
      await draining;
      await pool.close();
      const report = await writer.close(config.persistence.closeTimeoutMs);
      if (report.unwritten.length > 0) {
        logger.error({ rows: report.unwritten.length, sample: report.unwritten.slice(0, 3) }, "persistence rows left unwritten at shutdown");
      }
      // After the drain: every call, streams included, has handed its audit entry over by now.
      await auditLog.close(config.audit.closeTimeoutMs);
      await security.close();
      await database.close();
      clearInterval(healthTimer);
      await flushTracing().catch((err: unknown) => logger.warn({ err }, "trace export at shutdown failed"));
      await observability?.close();
    },
  };
}

/**
 * Streams record through the persistence writer; its buffer's back-pressure
 * reaches the stream. Every writer promise gets a catch that logs: the
 * recorder is called from gRPC event handlers, where a rejection nobody
 * handles would take the process down.
 */
function writerRecorder(writer: PersistenceWriter, logger: Logger): SessionRecorder {
  const complain = (what: string, fields: { stream: string; session?: string }) => (err: unknown) =>
    logger.error({ err, ...fields }, `persistence: ${what} failed`);
  return {
    begin(stream) {
      writer
        .startStream({
          streamId: stream.streamId,
          sessionId: stream.sessionId,
          profile: stream.profile,
          config: stream.config as Record<string, unknown>,
          persist: true,
          peer: stream.peer,
          subject: stream.subject,
        })
        .catch(complain("stream start", { stream: stream.streamId, session: stream.sessionId }));
    },
    record: (streamId, input, result) => writer.append(streamId, input, result).catch(complain("segment", { stream: streamId })),
    end(streamId, stats, outcome) {
      writer.endStream(streamId, { status: outcome, stats }).catch(complain("stream end", { stream: streamId }));
    },
  };
}
