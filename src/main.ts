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
  const database = await openDatabase(config.store, logger.child({ component: "store" }));
  if (config.store.migrateOnStart) await migrate(database.connectionString, "up", logger.child({ component: "migrate" }));
  const writer = new PersistenceWriter(database.pool, config.persistence, logger.child({ component: "persistence" }));

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
      const report = await writer.close(config.server.drainTimeoutMs);
      if (report.unwritten.length > 0) {
        logger.error({ rows: report.unwritten.length, sample: report.unwritten.slice(0, 3) }, "persistence rows left unwritten at shutdown");
      }
      await database.close();
    },
  };
}

/** Streams record through the persistence writer; its buffer's back-pressure reaches the stream. */
function writerRecorder(writer: PersistenceWriter, logger: Logger): SessionRecorder {
  const complain = (what: string) => (err: unknown) => logger.error({ err }, `persistence: ${what} failed`);
  return {
    begin(session) {
      writer
        .startSession({ sessionId: session.sessionId, profile: session.profile, config: session.config as Record<string, unknown>, persist: true, peer: session.peer })
        .catch(complain("session start"));
    },
    record: (sessionId, input, result) => writer.append(sessionId, input, result),
    end(sessionId, stats, outcome) {
      writer.endSession(sessionId, { status: outcome, stats }).catch(complain("session end"));
    },
  };
}
