// PersistenceWriter round trips on both backends: sessions and segments in,
// read back in order with equal content; batching throughput; bad rows
// isolated without blocking the rest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { PersistenceWriter } from "../../src/store/persistence-writer.js";
import { getSession, listSegments } from "../../src/store/sessions.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import {
  dropSchema,
  makeSegment,
  makePgliteDir,
  persistenceSettings,
  postgresUrl,
  storeSettings,
  uniqueSchemaName,
} from "./support.js";

interface Backend {
  name: "pglite" | "postgres";
  open(): Promise<{ database: Database; cleanup: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: "pglite",
    async open() {
      const dir = await makePgliteDir();
      const database = await openDatabase(storeSettings({ dataDir: dir.path }), silentLogger);
      return { database, cleanup: dir.remove };
    },
  },
  {
    name: "postgres",
    async open() {
      const schema = uniqueSchemaName("writer");
      const database = await openDatabase(storeSettings({ databaseUrl: postgresUrl(schema) }), silentLogger);
      return { database, cleanup: () => dropSchema(schema) };
    },
  },
];

describe.each(backends)("PersistenceWriter on $name", (backend) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ database, cleanup } = await backend.open());
    await migrate(database.pool, "up", silentLogger);
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it("writes N sessions × M segments and reads them back in order, content equal", async () => {
    const writer = new PersistenceWriter(database.pool, persistenceSettings({ batchRows: 200 }), silentLogger);
    const sessions = 6;
    const segmentsPerSession = 250;
    const ids = Array.from({ length: sessions }, (_, s) => `${backend.name}-roundtrip-${s}`);
    for (const [s, id] of ids.entries()) {
      await writer.startSession({ sessionId: id, profile: "clean", config: { profile: "clean", n: s }, persist: true, peer: s % 2 ? "127.0.0.1:5000" : null, subject: "alice" });
    }
    // Interleave streams the way a busy server does.
    for (let i = 0; i < segmentsPerSession; i++) {
      for (let s = 0; s < sessions; s++) {
        const { input, result } = makeSegment(s, i);
        await writer.append(ids[s]!, input, result);
      }
    }
    for (const id of ids) await writer.endSession(id, { status: "completed", stats: { segments: segmentsPerSession } });
    await writer.flush();

    const stats = writer.stats();
    expect(stats.writtenRows).toBe(sessions * (segmentsPerSession + 2));
    expect(stats).toMatchObject({ pendingRows: 0, waitingRows: 0, retries: 0, failures: 0, rejectedRows: 0, duplicateRows: 0 });
    expect(stats.batches).toBeGreaterThanOrEqual(Math.ceil(stats.writtenRows / 200));

    for (const [s, id] of ids.entries()) {
      const session = await getSession(database.pool, id);
      expect(session).toMatchObject({
        sessionId: id,
        profile: "clean",
        config: { profile: "clean", n: s },
        persist: true,
        peer: s % 2 ? "127.0.0.1:5000" : null,
        subject: "alice",
        status: "completed",
        stats: { segments: segmentsPerSession },
      });
      expect(session!.endedAt!.getTime()).toBeGreaterThanOrEqual(session!.startedAt.getTime());

      const stored = await listSegments(database.pool, id);
      expect(stored.map((seg) => seg.ordinal)).toEqual(Array.from({ length: segmentsPerSession }, (_, i) => i));
      for (const [i, seg] of stored.entries()) {
        const { input, result } = makeSegment(s, i);
        expect(seg).toMatchObject({
          segmentId: input.id,
          seq: input.seq,
          isFinal: result.isFinal,
          startMs: result.startMs,
          endMs: result.endMs,
          speaker: result.speaker,
          raw: { text: input.text, words: input.words },
          processed: { text: result.text, words: result.words },
          edits: result.edits,
          flags: result.flags,
          needsReview: result.needsReview,
        });
      }
    }
    const page = await listSegments(database.pool, ids[0]!, { afterOrdinal: 9, limit: 5 });
    expect(page.map((seg) => seg.ordinal)).toEqual([10, 11, 12, 13, 14]);
    expect(await getSession(database.pool, "no-such-session")).toBeNull();
    expect((await writer.close(1_000)).unwritten).toEqual([]);
  });

  it("writes a batch in one statement fast (rows/s reported)", async () => {
    const rows = 10_000;
    const writer = new PersistenceWriter(database.pool, persistenceSettings({ bufferRows: 20_000, batchRows: 1_000 }), silentLogger);
    const id = `${backend.name}-throughput`;
    await writer.startSession({ sessionId: id, profile: "clean", config: {}, persist: true });
    const prepared = Array.from({ length: rows }, (_, i) => makeSegment(1, i));
    const started = performance.now();
    for (const { input, result } of prepared) await writer.append(id, input, result);
    await writer.flush();
    const seconds = (performance.now() - started) / 1_000;
    const { batches } = writer.stats();
    console.log(
      `[${backend.name}] ${rows} segment rows (~1.5 KB JSON each) in ${seconds.toFixed(2)} s = ` +
        `${Math.round(rows / seconds)} rows/s, ${batches} batches (~${Math.round((rows + 1) / batches)} rows each)`,
    );
    const { rows: counted } = await database.pool.query("SELECT count(*)::int AS n FROM segments WHERE session_id = $1", [id]);
    expect(counted[0].n).toBe(rows);
    await writer.close(1_000);
  });

  it("isolates a row the database refuses and writes the rest; NUL becomes U+FFFD", async () => {
    const writer = new PersistenceWriter(database.pool, persistenceSettings({ batchRows: 100 }), silentLogger);
    const id = `${backend.name}-bad-rows`;
    await writer.startSession({ sessionId: id, profile: "clean", config: { note: "nul \u0000 in config" }, persist: true });
    for (let i = 0; i < 40; i++) {
      const { input, result } = makeSegment(2, i);
      if (i === 17) result.startMs = Number.NaN; // serialises as null: a NOT NULL violation (23502)
      if (i === 5) result.text = "a\u0000b \\u0000 kept literally";
      await writer.append(id, input, result);
    }
    await writer.endSession(id, { status: "completed" });
    await writer.flush();

    const stats = writer.stats();
    expect(stats.rejectedRows).toBe(1);
    expect(stats.writtenRows).toBe(41);
    expect(writer.health().state).toBe("ok");
    const stored = await listSegments(database.pool, id);
    expect(stored.map((s) => s.ordinal)).toEqual(Array.from({ length: 40 }, (_, i) => i).filter((i) => i !== 17));
    expect(stored.find((s) => s.ordinal === 5)!.processed.text).toBe("a\ufffdb \\u0000 kept literally");
    expect((await getSession(database.pool, id))!.config).toEqual({ note: "nul \ufffd in config" });
    expect((await getSession(database.pool, id))!.status).toBe("completed");
    await writer.close(1_000);
  });

  it("rejects misuse: segments for a session never started, appends after close", async () => {
    const writer = new PersistenceWriter(database.pool, persistenceSettings(), silentLogger);
    const { input, result } = makeSegment(0, 0);
    expect(() => writer.append("never-started", input, result)).toThrow(/not started/);
    await writer.close(1_000);
    expect(() => writer.startSession({ sessionId: "late", profile: "clean", config: {}, persist: true })).toThrow(/closed/);
  });
});
