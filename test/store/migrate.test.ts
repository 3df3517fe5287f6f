// Migrations up → down → up on embedded PGlite and on real PostgreSQL (in a
// schema of its own, which must also hold the tracking table).
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/store/db.js";
import { MIGRATIONS_TABLE, migrate } from "../../src/store/migrate.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { dropSchema, makePgliteDir, postgresUrl, storeSettings, uniqueSchemaName } from "./support.js";

const FIRST = "0001_stream_sessions_and_segments";
/** Every migration shipped, in order: what a full "up" must run and a full "down" must revert. */
const ALL = readdirSync(fileURLToPath(new URL("../../src/store/migrations/", import.meta.url)))
  .filter((f) => /^\d{4}_.*\.ts$/.test(f))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

async function tablesIn(db: Pick<pg.Pool, "query">, schema: string): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
    [schema],
  );
  return rows.map((r) => r.table_name);
}

describe("migrations on embedded PGlite", () => {
  let database: Database;
  let dir: Awaited<ReturnType<typeof makePgliteDir>>;

  beforeAll(async () => {
    dir = await makePgliteDir();
    database = await openDatabase(storeSettings({ dataDir: dir.path }), silentLogger);
  });
  afterAll(async () => {
    await database?.close();
    await dir?.remove();
  });

  it("goes up, down and up again", async () => {
    expect(database.kind).toBe("pglite");
    expect(await migrate(database.pool, "up", silentLogger, { count: 1 })).toEqual([FIRST]);
    expect(await tablesIn(database.pool, "public")).toEqual([MIGRATIONS_TABLE, "segments", "streams"]);
    expect(await migrate(database.pool, "up", silentLogger)).toEqual(ALL.slice(1));
    expect(await migrate(database.pool, "up", silentLogger)).toEqual([]);

    expect(await migrate(database.pool, "down", silentLogger, { count: Infinity })).toEqual([...ALL].reverse());
    expect(await tablesIn(database.pool, "public")).toEqual([MIGRATIONS_TABLE]);

    // Through the connection string too (a separate socket connection to PGlite).
    expect(await migrate(database.connectionString, "up", silentLogger, { count: 1 })).toEqual([FIRST]);
    expect(await tablesIn(database.pool, "public")).toEqual([MIGRATIONS_TABLE, "segments", "streams"]);
    const { rows } = await database.pool.query("SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2");
    expect(rows.map((r) => `${r.tablename}.${r.indexname}`)).toEqual([
      `${MIGRATIONS_TABLE}.${MIGRATIONS_TABLE}_pkey`,
      "segments.segments_needs_review_idx",
      "segments.segments_pkey",
      "segments.segments_session_id_idx",
      "streams.streams_pkey",
      "streams.streams_session_id_idx",
      "streams.streams_started_at_idx",
    ]);
  });
});

describe("migrations on PostgreSQL in a schema of their own", () => {
  const schema = uniqueSchemaName("migrate");
  const url = postgresUrl(schema);
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase(storeSettings({ databaseUrl: url }), silentLogger);
  });
  afterAll(async () => {
    await database?.close();
    await dropSchema(schema);
  });

  it("goes up, down and up again, tracking table included, schema created on demand", async () => {
    expect(database.kind).toBe("postgres");
    expect(await migrate(url, "up", silentLogger)).toEqual(ALL);
    expect(await migrate(url, "down", silentLogger, { count: ALL.length - 1 })).toEqual(ALL.slice(1).reverse());
    expect(await tablesIn(database.pool, schema)).toEqual([MIGRATIONS_TABLE, "segments", "streams"]);

    expect(await migrate(url, "down", silentLogger)).toEqual([FIRST]); // default: the latest one
    expect(await tablesIn(database.pool, schema)).toEqual([MIGRATIONS_TABLE]);

    expect(await migrate(database.pool, "up", silentLogger, { count: 1 })).toEqual([FIRST]);
    expect(await tablesIn(database.pool, schema)).toEqual([MIGRATIONS_TABLE, "segments", "streams"]);
    // The pooled connection got its own search_path back.
    const { rows } = await database.pool.query<{ search_path: string }>("SHOW search_path");
    expect(rows[0]!.search_path).toBe(schema);
  });
});

describe("migrations started by two replicas at once", () => {
  const schema = uniqueSchemaName("migrate_race");
  afterAll(async () => {
    await dropSchema(schema);
  });

  it("runs them once: the second waits for the first and finds nothing to do", async () => {
    const url = postgresUrl(schema);
    const [a, b] = await Promise.all([migrate(url, "up", silentLogger), migrate(url, "up", silentLogger)]);
    expect([a, b].sort((x, y) => y.length - x.length)).toEqual([ALL, []]);
  });
});

