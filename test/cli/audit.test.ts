// `lipi audit verify` as an operator runs it against the configured store
// (PostgreSQL and the embedded database, no server running): exit 0 and the
// chain head when intact, exit 1 naming the record and what happened to it
// when tampered, exit 2 when the database cannot be reached.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditLog } from "../../src/store/audit-log.js";
import { openDatabase, type Database } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { auditEntry, auditSettings, tamper } from "../store/audit-support.js";
import { dropSchema, makePgliteDir, postgresUrl, storeSettings, uniqueSchemaName } from "../store/support.js";

function lipi(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function writeEntries(database: Database, count: number): Promise<void> {
  await migrate(database.pool, "up", silentLogger);
  const log = new AuditLog(database.pool, auditSettings(), silentLogger);
  for (let i = 1; i <= count; i++) log.append(auditEntry(i));
  await log.close(5_000);
}

describe("lipi audit verify on PostgreSQL", () => {
  const schema = uniqueSchemaName("audit_cli");
  const env = { LIPI_STORE__DATABASE_URL: postgresUrl(schema) };
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase(storeSettings({ databaseUrl: postgresUrl(schema) }), silentLogger);
    await writeEntries(database, 40);
  });
  afterAll(async () => {
    await database?.close();
    await dropSchema(schema);
  });

  it("exits 0 and prints the chain head when the log is intact", async () => {
    const out = await lipi(["audit", "verify"], env);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^audit log intact: 40 records checked\nchain head: seq 40, hash [0-9a-f]{64}\n$/);
  });

  it("exits 1 and names the first tampered record, in text and in JSON", async () => {
    await tamper(database.pool, "DELETE FROM audit_log WHERE seq = 17");
    const text = await lipi(["audit", "verify"], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("audit log TAMPERED: record 17 deleted");
    expect(text.stdout).toContain("16 records before it are intact");
    const json = await lipi(["audit", "verify", "--json"], env);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, kind: "deleted", firstBadSeq: 17, rowsChecked: 16, headSeq: 40 });
  });

  it("exits 2 with the reason when the database cannot be reached", async () => {
    const out = await lipi(["audit", "verify"], { LIPI_STORE__DATABASE_URL: "postgres://postgres@127.0.0.1:1/test" });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^lipi: could not verify the audit log: /);
    expect(out.stdout).toBe("");
  });
});

describe("lipi audit verify on the embedded database", () => {
  let dir: { path: string; remove: () => Promise<void> };

  beforeAll(async () => {
    dir = await makePgliteDir();
    const database = await openDatabase(storeSettings({ dataDir: dir.path }), silentLogger);
    try {
      await writeEntries(database, 12);
      await tamper(database.pool, "UPDATE audit_log SET message = 'nothing to see' WHERE seq = 5");
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await dir?.remove();
  });

  it("finds an edited record in the data directory", async () => {
    const out = await lipi(["audit", "verify", "--json"], { LIPI_STORE__DATABASE_URL: "", LIPI_STORE__DATA_DIR: dir.path });
    expect(out.stderr).toBe("");
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: false, kind: "edited", firstBadSeq: 5, rowsChecked: 4, headSeq: 12 });
  });
});
