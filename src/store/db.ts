// Opens lipi's database: a pg Pool either to PostgreSQL (store.databaseUrl)
// or to an embedded PGlite served over the PostgreSQL wire protocol on a
// loopback port. Both paths hand back the same pg.Pool, so every query in the
// store runs through the same driver and SQL as in production.
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";
import type { LipiConfig } from "../config/schema.js";
import type { Logger } from "../telemetry/logger.js";
import { siblingEntryUrl, workerArgs } from "../workers/thread-entry.js";
import type { PgliteThreadClose, PgliteThreadData, PgliteThreadReply } from "./pglite-thread.js";

export type StoreSettings = LipiConfig["store"];
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  pool: pg.Pool;
  kind: DatabaseKind;
  /** Where pg connects: the configured URL, or the embedded server's loopback address. */
  connectionString: string;
  /** Ends the pool, then (embedded) stops the socket server and closes PGlite. Idempotent. */
  close(): Promise<void>;
}

/**
 * PGlite is one single-user backend: every socket connection shares its one
 * session, and the socket server runs one protocol message at a time (an open
 * transaction on one connection stalls all others). More pool connections buy
 * no parallelism, only interleaving — session state (SET, search_path) leaks
 * between them and a caller holding a transaction on one connection while
 * awaiting another deadlocks. So the pool gets exactly one connection.
 */
const PGLITE_POOL_SIZE = 1;
/**
 * Socket connections the embedded server accepts: the pool's one, plus room
 * for a migration client, a `psql` or admin CLI attached for inspection.
 */
const PGLITE_MAX_SOCKET_CONNECTIONS = 16;

export async function openDatabase(settings: StoreSettings, logger: Logger): Promise<Database> {
  const log = logger.child({ component: "store" });
  if (settings.databaseUrl !== "") {
    const pool = createPool(settings.databaseUrl, settings.poolSize, log);
    // Fail at start, not at the first write, when the URL or server is wrong.
    try {
      await pool.query("SELECT 1");
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    log.info({ kind: "postgres", poolSize: settings.poolSize }, "database pool opened");
    return {
      pool,
      kind: "postgres",
      connectionString: settings.databaseUrl,
      close: once(async () => {
        await pool.end();
        log.info("database pool closed");
      }),
    };
  }
  return openEmbedded(settings, log);
}

async function openEmbedded(settings: StoreSettings, log: Logger): Promise<Database> {
  const dataDir = resolve(settings.dataDir);
  await mkdir(dataDir, { recursive: true });
  const thread = await startPgliteThread({ dataDir, maxConnections: PGLITE_MAX_SOCKET_CONNECTIONS });
  const [host, port] = splitHostPort(thread.address);
  const connectionString = `postgres://postgres@${host}:${port}/postgres?sslmode=disable`;
  const pool = createPool(connectionString, PGLITE_POOL_SIZE, log);
  if (settings.poolSize !== PGLITE_POOL_SIZE) {
    log.debug({ configured: settings.poolSize, used: PGLITE_POOL_SIZE }, "embedded database uses a single pooled connection");
  }
  thread.worker.on("error", (err) => log.error({ err }, "embedded database thread failed"));
  log.info({ kind: "pglite", dataDir, address: `${host}:${port}`, startupMs: thread.startupMs }, "embedded database started");
  return {
    pool,
    kind: "pglite",
    connectionString,
    close: once(async () => {
      await pool.end().catch((err: unknown) => log.warn({ err }, "pool end failed"));
      await thread.close();
      log.info({ dataDir }, "embedded database closed");
    }),
  };
}

interface PgliteThread {
  worker: Worker;
  address: string;
  startupMs: number;
  /** Stops the socket server and closes PGlite (flushing it to disk), then ends the thread. */
  close(): Promise<void>;
}

/** Starts PGlite in its own thread (pglite-thread.ts) and waits until it serves. */
async function startPgliteThread(data: PgliteThreadData): Promise<PgliteThread> {
  const [entry, options] = workerArgs(siblingEntryUrl(import.meta.url, "pglite-thread"));
  const worker = new Worker(entry, { ...options, workerData: data });
  const ready = await new Promise<Extract<PgliteThreadReply, { type: "ready" }>>((resolveReady, reject) => {
    const onExit = (code: number) => reject(new Error(`embedded database thread exited with code ${code} before it was ready`));
    worker.once("error", reject);
    worker.once("exit", onExit);
    worker.once("message", (message: PgliteThreadReply) => {
      worker.off("error", reject);
      worker.off("exit", onExit);
      if (message.type === "ready") resolveReady(message);
      else reject(new Error(`embedded database failed to start: ${message.type === "failed" ? message.message : message.type}`));
    });
  });
  const exited = new Promise<void>((resolveExit) => worker.once("exit", () => resolveExit()));
  return {
    worker,
    address: ready.address,
    startupMs: ready.startupMs,
    close: once(async () => {
      const close: PgliteThreadClose = { type: "close" };
      worker.postMessage(close);
      // A thread that cannot close within the bound is stopped; PGlite's
      // data directory is crash-safe (its WAL), like a killed postmaster.
      const timeout = setTimeout(() => void worker.terminate(), PGLITE_CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timeout);
    }),
  };
}

const PGLITE_CLOSE_TIMEOUT_MS = 10_000;

function createPool(connectionString: string, max: number, log: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    // A dead server must surface as an error the caller can retry, not a hang.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // An idle client whose socket dies emits 'error' on the pool; without a
  // listener Node would crash the process on a database restart.
  pool.on("error", (err) => log.warn({ err: err.message }, "idle database connection failed"));
  return pool;
}

function splitHostPort(address: string): [string, number] {
  const at = address.lastIndexOf(":");
  return [address.slice(0, at), Number(address.slice(at + 1))];
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
