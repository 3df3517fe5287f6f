// The database goes away mid-stream (a TCP proxy between pg and PostgreSQL is
// cut): producers keep going until the buffer bound, health turns degraded,
// retries are counted; when the path is restored every row lands exactly once,
// in order. Also: back-pressure at the bound, and close() reporting leftovers.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { PersistenceClosedError, PersistenceWriter, type PersistenceHealth } from "../../src/store/persistence-writer.js";
import { listSegments, listStreamSegments } from "../../src/store/streams.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";
import { dropSchema, makeSegment, persistenceSettings, postgresUrl, POSTGRES_HOST, POSTGRES_PORT, storeSettings, uniqueSchemaName, waitUntil } from "./support.js";

const schema = uniqueSchemaName("down");
let proxy: TcpProxy;
let database: Database;
let writer: PersistenceWriter | undefined;

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
  await writer?.close(2_000);
  writer = undefined;
  await database.close();
  await proxy.close();
});

async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true), () => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe("PersistenceWriter when the database is unreachable", () => {
  it("keeps rows through an outage, degrades, retries, and lands everything exactly once", async () => {
    writer = new PersistenceWriter(database.pool, persistenceSettings({ bufferRows: 2_000, batchRows: 50 }), silentLogger);
    const healthEvents: PersistenceHealth[] = [];
    writer.on("health", (h) => healthEvents.push(h));
    const sessions = ["down-a", "down-b", "down-c"];
    const streams = sessions.map(() => randomUUID());
    const perSession = 300;
    for (const [s, sessionId] of sessions.entries()) {
      await writer.startStream({ streamId: streams[s]!, sessionId, profile: "clean", config: {}, persist: true });
    }

    const appendRange = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        for (const [s, id] of streams.entries()) {
          const { input, result } = makeSegment(s, i);
          await writer!.append(id, input, result);
        }
      }
    };
    await appendRange(0, 100);
    await writer.flush();
    expect(writer.health()).toEqual({ state: "ok" });

    proxy.cut();
    const cutAt = Date.now();
    await appendRange(100, 250); // processing keeps going: the buffer has room
    expect(Date.now() - cutAt).toBeLessThan(1_000);
    await waitUntil(() => writer!.stats().retries >= 3);
    const degraded = writer.health();
    expect(degraded.state).toBe("degraded");
    if (degraded.state === "degraded") expect(degraded.lastError).not.toBe("");
    expect(writer.stats().pendingRows).toBeGreaterThan(0);
    expect(writer.stats().degradedSince).toBeInstanceOf(Date);

    proxy.restore();
    const recovered = once(writer, "health");
    await appendRange(250, perSession);
    for (const id of streams) await writer.endStream(id, { status: "completed" });
    await writer.flush();
    expect((await recovered)[0]).toEqual({ state: "ok" });
    expect(healthEvents.map((h) => h.state)).toEqual(["degraded", "ok"]);

    const stats = writer.stats();
    expect(stats).toMatchObject({ pendingRows: 0, waitingRows: 0, rejectedRows: 0, degradedSince: null });
    expect(stats.writtenRows).toBe(sessions.length * (perSession + 2));
    expect(stats.failures).toBeGreaterThanOrEqual(3);
    for (const [s, id] of sessions.entries()) {
      const stored = await listSegments(database.pool, id);
      expect(stored.map((seg) => seg.ordinal)).toEqual(Array.from({ length: perSession }, (_, i) => i));
      expect(stored.every((seg) => seg.streamId === streams[s])).toBe(true);
      expect(stored.map((seg) => seg.segmentId)).toEqual(Array.from({ length: perSession }, (_, i) => makeSegment(s, i).input.id));
    }
  });

  it("makes producers wait at the buffer bound and releases them in order when rows drain", async () => {
    writer = new PersistenceWriter(database.pool, persistenceSettings({ bufferRows: 20, batchRows: 8 }), silentLogger);
    const stream = randomUUID();
    await writer.startStream({ streamId: stream, sessionId: "bound", profile: "clean", config: {}, persist: true });
    await writer.flush();
    proxy.cut();

    const appends: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) {
      const { input, result } = makeSegment(0, i);
      appends.push(writer.append(stream, input, result));
    }
    expect(await isSettled(appends[19]!)).toBe(true); // 20 rows fit
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await isSettled(appends[20]!)).toBe(false); // the 21st waits: back-pressure, not a drop
    expect(writer.stats()).toMatchObject({ pendingRows: 20, waitingRows: 10 });

    proxy.restore();
    await Promise.all(appends);
    await writer.flush();
    const stored = await listStreamSegments(database.pool, stream);
    expect(stored.map((s) => s.segmentId)).toEqual(Array.from({ length: 30 }, (_, i) => makeSegment(0, i).input.id));
  });

  it("close(deadline) while the database is down reports every unwritten row, in order", async () => {
    writer = new PersistenceWriter(database.pool, persistenceSettings({ bufferRows: 10, batchRows: 4 }), silentLogger);
    proxy.cut();
    const stream = randomUUID();
    await writer.startStream({ streamId: stream, sessionId: "closing", profile: "clean", config: {}, persist: true });
    const appends: Promise<void>[] = [];
    for (let i = 0; i < 12; i++) {
      const { input, result } = makeSegment(0, i);
      appends.push(writer.append(stream, input, result));
    }
    const waitingResults = Promise.allSettled(appends);
    const started = Date.now();
    const report = await writer.close(300);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(report.writtenRows).toBe(0);
    expect(report.unwritten.map((r) => (r.kind === "segment" ? r.ordinal : r.kind))).toEqual([
      "stream-start",
      ...Array.from({ length: 12 }, (_, i) => i),
    ]);
    // Producers still waiting for room learn their row was not stored.
    const results = await waitingResults;
    expect(results.filter((r) => r.status === "rejected").length).toBe(3);
    expect((results[11] as PromiseRejectedResult).reason).toBeInstanceOf(PersistenceClosedError);
    expect(await writer.close(300)).toBe(report);
  });
});
