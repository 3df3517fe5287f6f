// The audit log when PostgreSQL is unreachable (a TCP proxy between pg and
// the server is cut): append never blocks, entries queue and are retried,
// health turns degraded and back; when the path returns every entry lands
// exactly once, in order, on an intact chain. A full buffer drops entries
// but records the loss as a gap record in the chain; close(deadline) says
// what it could not write.
import { once } from "node:events";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AUDIT_GAP_METHOD, AuditLog, type AuditLogHealth } from "../../src/store/audit-log.js";
import { queryAuditLog } from "../../src/store/audit-query.js";
import { verifyAuditLog } from "../../src/store/audit-verify.js";
import { openDatabase, type Database } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";
import { auditEntry, auditSettings } from "./audit-support.js";
import { dropSchema, postgresUrl, POSTGRES_HOST, POSTGRES_PORT, storeSettings, uniqueSchemaName, waitUntil } from "./support.js";

const schema = uniqueSchemaName("audit_down");
let proxy: TcpProxy;
let database: Database;
let log: AuditLog | undefined;

beforeAll(async () => {
  await migrate(postgresUrl(schema), "up", silentLogger);
});
afterAll(async () => {
  await dropSchema(schema);
});
beforeEach(async () => {
  proxy = await startTcpProxy({ host: POSTGRES_HOST, port: POSTGRES_PORT });
  database = await openDatabase(storeSettings({ databaseUrl: postgresUrl(schema, proxy.port), poolSize: 2 }), silentLogger);
});
afterEach(async () => {
  proxy.restore();
  await log?.close(2_000);
  log = undefined;
  await database.close();
  await proxy.close();
});

async function requestIdsAfter(seq: number): Promise<string[]> {
  const page = await queryAuditLog(database.pool, { order: "oldest", limit: 10_000, afterSeq: seq });
  return page.records.map((r) => r.requestId);
}

describe("AuditLog when the database is unreachable", () => {
  it("queues entries through an outage, degrades, retries, and lands each exactly once", async () => {
    log = new AuditLog(database.pool, auditSettings({ batchEntries: 20 }), silentLogger);
    const healthEvents: AuditLogHealth[] = [];
    log.on("health", (h) => healthEvents.push(h));
    const start = (await verifyAuditLog(database.pool, { chunkRows: 100 })).headSeq;
    for (let i = 0; i < 30; i++) log.append(auditEntry(i, { requestId: `r-${i}` }));
    await log.flush();

    proxy.cut();
    const cutAt = Date.now();
    for (let i = 30; i < 200; i++) log.append(auditEntry(i, { requestId: `r-${i}` }));
    expect(Date.now() - cutAt).toBeLessThan(100); // append never waits for the database
    await waitUntil(() => log!.stats().retries >= 3);
    expect(log.health().state).toBe("degraded");
    expect(log.stats().pendingRows).toBeGreaterThan(0);
    expect(log.stats().degradedSince).toBeInstanceOf(Date);

    proxy.restore();
    const recovered = once(log, "health");
    for (let i = 200; i < 250; i++) log.append(auditEntry(i, { requestId: `r-${i}` }));
    await log.flush();
    expect((await recovered)[0]).toEqual({ state: "ok" });
    expect(healthEvents.map((h) => h.state)).toEqual(["degraded", "ok"]);
    expect(log.stats()).toMatchObject({ pendingRows: 0, writtenRows: 250, droppedEntries: 0, degradedSince: null });
    expect(log.stats().failures).toBeGreaterThanOrEqual(3);

    expect(await requestIdsAfter(start)).toEqual(Array.from({ length: 250 }, (_, i) => `r-${i}`));
    expect(await verifyAuditLog(database.pool, { chunkRows: 100 })).toMatchObject({ ok: true, headSeq: start + 250 });
  });

  it("a full buffer drops entries but never silently: counted, degraded, and a gap record in the chain", async () => {
    log = new AuditLog(database.pool, auditSettings({ bufferEntries: 10, batchEntries: 4 }), silentLogger);
    const start = (await verifyAuditLog(database.pool, { chunkRows: 100 })).headSeq;
    proxy.cut();
    for (let i = 0; i < 25; i++) log.append(auditEntry(i, { requestId: `full-${i}` }));
    expect(log.stats()).toMatchObject({ pendingRows: 10, droppedEntries: 15 });
    expect(log.health().state).toBe("degraded");

    proxy.restore();
    await log.flush();
    await waitUntil(() => log!.stats().pendingRows === 0);
    log.append(auditEntry(99, { requestId: "after" }));
    await log.flush();
    expect(log.health()).toEqual({ state: "ok" });

    const page = await queryAuditLog(database.pool, { order: "oldest", limit: 100, afterSeq: start });
    expect(page.records.map((r) => r.requestId)).toEqual([...Array.from({ length: 10 }, (_, i) => `full-${i}`), "", "after"]);
    const gap = page.records[10]!;
    expect(gap).toMatchObject({ method: AUDIT_GAP_METHOD, counts: { dropped: 15 }, code: 8, subject: null });
    expect(gap.message).toContain("15 entries");
    expect(await verifyAuditLog(database.pool, { chunkRows: 100 })).toMatchObject({ ok: true });
  });

  it("close(deadline) while the database is down reports what was not written", async () => {
    log = new AuditLog(database.pool, auditSettings({ batchEntries: 4 }), silentLogger);
    proxy.cut();
    for (let i = 0; i < 12; i++) log.append(auditEntry(i));
    const started = Date.now();
    const report = await log.close(300);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(report).toMatchObject({ writtenRows: 0, unwritten: 12 });
    log.append(auditEntry(13)); // after close: counted as dropped, not thrown
    expect(log.stats().droppedEntries).toBe(1);
    expect(await log.close(300)).toBe(report);
  });
});
