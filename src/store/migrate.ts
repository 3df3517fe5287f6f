// Schema migrations (node-pg-migrate, programmatic). Migration files live in
// ./migrations next to this module: .ts under tsx/vitest (loaded by
// node-pg-migrate's jiti), compiled .js in dist — same names either way, so the
// tracking table agrees between a dev run and a deployed build.
import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import pg from "pg";
import type { Logger } from "../telemetry/logger.js";

export type MigrationDirection = "up" | "down";

export interface MigrateOptions {
  /** How many migrations to apply or revert. Default: all pending for "up", the latest one for "down". */
  count?: number;
}

/** Tracking table; created in the target schema, next to lipi's tables. */
export const MIGRATIONS_TABLE = "lipi_migrations";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));
// Skip dotfiles and the build's by-products (source maps, declarations).
const IGNORE_PATTERN = String.raw`\..*|.*\.map|.*\.d\.ts`;

/**
 * Applies ("up") or reverts ("down") migrations and returns the names run, in
 * order. The target schema is the first schema on the connection's
 * search_path (e.g. `?options=-c search_path=lipi_ci_123`), created if
 * missing; both lipi's tables and the tracking table go there.
 */
export async function migrate(
  target: string | pg.Pool,
  direction: MigrationDirection,
  logger: Logger,
  options: MigrateOptions = {},
): Promise<string[]> {
  const log = logger.child({ component: "migrate" });
  const client = typeof target === "string" ? new pg.Client({ connectionString: target }) : await target.connect();
  let failed: Error | undefined;
  // A connection lost mid-migration surfaces through the failing query; the
  // client's own 'error' event must not crash the process.
  const onClientError = (err: Error) => (failed ??= err);
  client.on("error", onClientError);
  if (typeof target === "string") await (client as pg.Client).connect();
  try {
    const schema = await targetSchema(client);
    const ran = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      ignorePattern: IGNORE_PATTERN,
      direction,
      count: options.count ?? (direction === "up" ? Infinity : 1),
      schema,
      createSchema: true,
      migrationsSchema: schema,
      migrationsTable: MIGRATIONS_TABLE,
      checkOrder: true,
      singleTransaction: true,
      // Replicas starting together: the others wait for the first to finish
      // (then find nothing to do) instead of failing their start. The lock is
      // per schema, so deployments sharing a database do not queue behind each other.
      advisoryLockMode: "wait",
      lockValue: schemaLockId(schema),
      logger: {
        debug: (msg) => log.debug(msg),
        info: (msg) => log.debug(msg),
        warn: (msg) => log.warn(msg),
        error: (msg) => log.error(msg),
      },
    });
    const names = ran.map((m) => m.name);
    log.info({ direction, schema, migrations: names }, names.length ? "migrations run" : "schema up to date");
    return names;
  } catch (err) {
    failed = err as Error;
    throw err;
  } finally {
    if (typeof target === "string") {
      await (client as pg.Client).end().catch(() => undefined);
    } else {
      // The runner narrowed search_path to the target schema; restore the
      // connection's own setting before the client goes back to the pool.
      if (!failed) await client.query("RESET search_path").catch(() => undefined);
      client.off("error", onClientError);
      (client as pg.PoolClient).release(failed);
    }
  }
}

/** First real schema on search_path ("$user" skipped), e.g. `public`. */
async function targetSchema(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ search_path: string }>("SHOW search_path");
  const entries = (rows[0]?.search_path ?? "")
    .split(",")
    .map((s) => s.trim().replace(/^"(.*)"$/, "$1"))
    .filter((s) => s !== "" && s !== "$user");
  return entries[0] ?? "public";
}

/** A stable advisory-lock id for migrations of one schema (a positive 31-bit hash of its name). */
function schemaLockId(schema: string): number {
  let h = 0x811c9dc5;
  for (const c of `lipi-migrations:${schema}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h >>> 1;
}
