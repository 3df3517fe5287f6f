// openDatabase: embedded PGlite over the wire protocol (two at once, on disk,
// reopened) and PostgreSQL by URL.
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { makePgliteDir, makeTempDir, postgresUrl, storeSettings } from "./support.js";

describe("openDatabase", () => {
  const dirs: { remove: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const dir of dirs) await dir.remove();
  });

  it("runs two embedded databases side by side, isolated, and keeps data on disk across reopen", async () => {
    // One directory fresh (initdb runs inside openDatabase), one from the template.
    const [dirA, dirB] = [await makeTempDir("db-a"), await makePgliteDir()];
    dirs.push(dirA, dirB);
    const [a, b] = await Promise.all([
      openDatabase(storeSettings({ dataDir: dirA.path }), silentLogger),
      openDatabase(storeSettings({ dataDir: dirB.path }), silentLogger),
    ]);
    expect([a.kind, b.kind]).toEqual(["pglite", "pglite"]);
    expect(a.connectionString).not.toBe(b.connectionString);
    expect(a.connectionString).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\//);

    await a.pool.query("CREATE TABLE only_in_a (id int PRIMARY KEY, note text)");
    await a.pool.query("INSERT INTO only_in_a VALUES (1, $1)", ["Gītā"]);
    const inB = await b.pool.query("SELECT to_regclass('only_in_a') AS t");
    expect(inB.rows[0].t).toBeNull();
    await Promise.all([a.close(), b.close()]);
    await a.close(); // idempotent

    const reopened = await openDatabase(storeSettings({ dataDir: dirA.path }), silentLogger);
    try {
      const { rows } = await reopened.pool.query("SELECT note FROM only_in_a WHERE id = 1");
      expect(rows).toEqual([{ note: "Gītā" }]);
    } finally {
      await reopened.close();
    }
  });

  it("opens a pool to PostgreSQL by URL and fails fast on an unreachable one", async () => {
    const database = await openDatabase(storeSettings({ databaseUrl: postgresUrl("public") }), silentLogger);
    try {
      expect(database.kind).toBe("postgres");
      const { rows } = await database.pool.query<{ v: number }>("SELECT current_setting('server_version_num')::int AS v");
      expect(rows[0]!.v).toBeGreaterThanOrEqual(150_000);
    } finally {
      await database.close();
    }
    // Port 1 on loopback: nothing listens there.
    await expect(openDatabase(storeSettings({ databaseUrl: "postgres://postgres@127.0.0.1:1/test" }), silentLogger)).rejects.toThrow();
  });
});
