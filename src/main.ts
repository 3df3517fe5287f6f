// Starts lipi: store, persistence, worker pool, gRPC server — and stops them
// in the reverse order so nothing in flight is lost.
import type { LipiConfig } from "./config/schema.js";
import type { ProfileInput } from "./pipeline/types.js";
import type { SessionRecorder } from "./server/ports.js";
import { startServer, type LipiServer } from "./server/server.js";
import { openDatabase, type Database } from "./store/db.js";
import { migrate } from "./store/migrate.js";
import { PersistenceWriter } from "./store/persistence-writer.js";
import type { Logger } from "./telemetry/logger.js";
import { PipelinePool } from "./workers/pool.js";

export interface RunningLipi {
  server: LipiServer;
  pool: PipelinePool;
  database: Database;
  writer: PersistenceWriter;
  reloadProfiles(profiles: Record<string, ProfileInput>): void;
  /** Drain streams, then stop the pool, flush persistence and close the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Worker entry to run instead of the default (tests wrap the real one). */
  workerUrl?: URL;
}

export async function startLipi(config: LipiConfig, logger: Logger, options: StartOptions = {}): Promise<RunningLipi> {
  const database = await openDatabase(config.store, logger);
  if (config.store.migrateOnStart) await migrate(database.connectionString, "up", logger);
  const writer = new PersistenceWriter(database.pool, config.persistence, logger);

  let profiles: Record<string, ProfileInput> = config.pipeline.profiles;
  const pool = new PipelinePool({
    settings: config.pool,
    profiles,
    logger: logger.child({ component: "pool" }),
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
  });

  const server = await startServer({
    config,
    profiles: () => profiles,
    runner: pool,
    recorder: writerRecorder(writer, logger.child({ component: "persistence" })),
    logger,
  });

  // Database trouble degrades persistence, not processing: report it on its
  // own health entry and keep the instance serving.
  writer.on("health", (health) => server.health.setDependency("lipi.store", health.state === "ok" ? "SERVING" : "NOT_SERVING"));

  return {
    server,
    pool,
    database,
    writer,
    reloadProfiles(next) {
      profiles = next;
      pool.updateProfiles(next);
    },
    async stop() {
      await server.shutdown();
      await pool.close();
      const report = await writer.close(config.persistence.closeTimeoutMs);
      if (report.unwritten.length > 0) {
        logger.error({ rows: report.unwritten.length, sample: report.unwritten.slice(0, 3) }, "persistence rows left unwritten at shutdown");
      }
      await database.close();
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
        })
        .catch(complain("stream start", { stream: stream.streamId, session: stream.sessionId }));
    },
    record: (streamId, input, result) => writer.append(streamId, input, result).catch(complain("segment", { stream: streamId })),
    end(streamId, stats, outcome) {
      writer.endStream(streamId, { status: outcome, stats }).catch(complain("stream end", { stream: streamId }));
    },
  };
}
