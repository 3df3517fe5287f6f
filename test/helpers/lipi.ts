// Starts a whole lipi (store, pool, gRPC server) in this process on an
// ephemeral loopback port, against embedded PGlite or real PostgreSQL.
import { credentials } from "@grpc/grpc-js";
import { deepMerge, loadConfig } from "../../src/config/load.js";
import type { LipiConfig } from "../../src/config/schema.js";
import { TranscriptServiceClient } from "../../src/gen/lipi/v1/transcript.js";
import { startLipi, type RunningLipi, type StartOptions } from "../../src/main.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { freshPgliteDir } from "./pglite-dir.js";
import { createTestSchema } from "./postgres.js";

export type DatabaseChoice = "pglite" | "postgres";

export interface TestLipi {
  lipi: RunningLipi;
  config: LipiConfig;
  address: string;
  client: TranscriptServiceClient;
  /** http://127.0.0.1:port of /metrics, /healthz and /readyz (undefined when metrics are off). */
  observabilityUrl: string | undefined;
  stop(): Promise<void>;
}

export async function startTestLipi(
  database: DatabaseChoice = "pglite",
  overrides: Record<string, unknown> = {},
  options: StartOptions = {},
): Promise<TestLipi> {
  const cleanups: Array<() => Promise<void> | void> = [];
  let store: Record<string, unknown>;
  if (database === "postgres") {
    const schema = await createTestSchema();
    cleanups.push(schema.drop);
    store = { databaseUrl: schema.connectionString };
  } else {
    const { dir, remove } = await freshPgliteDir();
    cleanups.push(remove);
    store = { databaseUrl: "", dataDir: dir };
  }
  const base = {
    server: { host: "127.0.0.1", port: 0, drainTimeoutMs: 2_000 },
    pool: { threads: 2 },
    // An ephemeral observability port: several instances run in one process.
    metrics: { port: 0 },
    store,
    log: { level: "silent" },
  };
  const config = loadConfig({ env: {}, overrides: deepMerge(base, overrides) });
  const lipi = await startLipi(config, silentLogger, options);
  const address = `127.0.0.1:${lipi.server.port}`;
  const client = new TranscriptServiceClient(address, credentials.createInsecure());
  let stopped = false;
  return {
    lipi,
    config,
    address,
    client,
    observabilityUrl: lipi.observability ? `http://127.0.0.1:${lipi.observability.port}` : undefined,
    async stop() {
      if (stopped) return;
      stopped = true;
      client.close();
      await lipi.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}
