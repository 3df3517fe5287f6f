// PersistenceWriter round trips on both backends: streams and segments in,
// read back in order with equal content; several streams of one session
// (resumed, concurrent) all kept; batching throughput; bad rows isolated
// without blocking the rest; misuse reported through promises, never thrown.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { PersistenceClosedError, PersistenceWriter } from "../../src/store/persistence-writer.js";
import { getStream, listSegments, listStreams, listStreamSegments, type StoredSegment } from "../../src/store/streams.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { makeSegment, persistenceSettings, storeBackends } from "./support.js";

const backends = storeBackends("writer");

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

  it("writes N streams × M segments and reads them back in order, content equal", async () => {
    const writer = new PersistenceWriter(database.pool, persistenceSettings({ batchRows: 200 }), silentLogger);
    const streams = 6;
    const segmentsPerStream = 250;
    const streamIds = Array.from({ length: streams }, () => randomUUID());
    const sessionIds = Array.from({ length: streams }, (_, s) => `${backend.name}-roundtrip-${s}`);
    for (let s = 0; s < streams; s++) {
      await writer.startStream({
        streamId: streamIds[s]!,
        sessionId: sessionIds[s]!,
        profile: "clean",
        config: { profile: "clean", n: s },
        persist: true,
        peer: s % 2 ? "127.0.0.1:5000" : null,
        subject: "alice",
      });
    }
    // Interleave streams the way a busy server does.
    for (let i = 0; i < segmentsPerStream; i++) {
      for (let s = 0; s < streams; s++) {
        const { input, result } = makeSegment(s, i);
        await writer.append(streamIds[s]!, input, result);
      }
    }
    for (const id of streamIds) await writer.endStream(id, { status: "completed", stats: { segments: segmentsPerStream } });
    await writer.flush();

    const stats = writer.stats();
    expect(stats.writtenRows).toBe(streams * (segmentsPerStream + 2));
    expect(stats).toMatchObject({ pendingRows: 0, waitingRows: 0, retries: 0, failures: 0, rejectedRows: 0, duplicateRows: 0 });
    expect(stats.batches).toBeGreaterThanOrEqual(Math.ceil(stats.writtenRows / 200));

    for (let s = 0; s < streams; s++) {
      const stream = await getStream(database.pool, streamIds[s]!);
      expect(stream).toMatchObject({
        streamId: streamIds[s],
        sessionId: sessionIds[s],
        profile: "clean",
        config: { profile: "clean", n: s },
        persist: true,
        peer: s % 2 ? "127.0.0.1:5000" : null,
        subject: "alice",
        status: "completed",
        stats: { segments: segmentsPerStream },
      });
      expect(stream!.endedAt!.getTime()).toBeGreaterThanOrEqual(stream!.startedAt.getTime());
      expect(await listStreams(database.pool, sessionIds[s]!)).toEqual([stream]);

      const stored = await listSegments(database.pool, sessionIds[s]!);
      expect(stored.map((seg) => seg.ordinal)).toEqual(Array.from({ length: segmentsPerStream }, (_, i) => i));
      for (const [i, seg] of stored.entries()) {
        const { input, result } = makeSegment(s, i);
        expect(seg).toMatchObject({
          streamId: streamIds[s],
          sessionId: sessionIds[s],
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
      expect(await listStreamSegments(database.pool, streamIds[s]!)).toEqual(stored);
    }
    const page = await listStreamSegments(database.pool, streamIds[0]!, { afterOrdinal: 9, limit: 5 });
    expect(page.map((seg) => seg.ordinal)).toEqual([10, 11, 12, 13, 14]);
    expect(await getStream(database.pool, randomUUID())).toBeNull();
    expect(await getStream(database.pool, "not-a-uuid")).toBeNull();
    expect(await listStreams(database.pool, "no-such-session")).toEqual([]);
    expect(await listSegments(database.pool, "no-such-session")).toEqual([]);
    expect(await listStreamSegments(database.pool, "not-a-uuid")).toEqual([]);
    expect((await writer.close(1_000)).unwritten).toEqual([]);
  });

  it("keeps every stream of a session resumed after a disconnect, and pages across them", async () => {
    const writer = new PersistenceWriter(database.pool, persistenceSettings({ batchRows: 50 }), silentLogger);
    const sessionId = `${backend.name}-resumed`;
    const first = randomUUID();
    const second = randomUUID();
    const perStream = 30;
    // The first connection drops after 30 segments (the stream ends "cancelled")...
    await writer.startStream({ streamId: first, sessionId, profile: "clean", config: {}, persist: true });
    for (let i = 0; i < perStream; i++) {
      const { input, result } = makeSegment(0, i);
      await writer.append(first, input, result);
    }
    await writer.endStream(first, { status: "cancelled" });
    await new Promise((resolve) => setTimeout(resolve, 5)); // a reconnect takes at least a moment
    // ...and the client reconnects with the same session id, numbering from scratch.
    await writer.startStream({ streamId: second, sessionId, profile: "clean", config: {}, persist: true });
    for (let i = 0; i < perStream; i++) {
      const { input, result } = makeSegment(1, i);
      await writer.append(second, input, result);
    }
    await writer.endStream(second, { status: "completed" });
    await writer.flush();
    expect(writer.stats()).toMatchObject({ writtenRows: 2 * (perStream + 2), duplicateRows: 0, rejectedRows: 0 });

    const streams = await listStreams(database.pool, sessionId);
    expect(streams.map((s) => [s.streamId, s.status])).toEqual([[first, "cancelled"], [second, "completed"]]);
    const stored = await listSegments(database.pool, sessionId);
    expect(stored.map((seg) => [seg.streamId, seg.ordinal, seg.segmentId])).toEqual([
      ...Array.from({ length: perStream }, (_, i) => [first, i, makeSegment(0, i).input.id]),
      ...Array.from({ length: perStream }, (_, i) => [second, i, makeSegment(1, i).input.id]),
    ]);

    // Keyset paging walks the same order, across the stream boundary.
    const paged: StoredSegment[] = [];
    for (;;) {
      const page = await listSegments(database.pool, sessionId, { limit: 7, ...(paged.length ? { after: paged.at(-1)! } : {}) });
      if (page.length === 0) break;
      paged.push(...page);
    }
    expect(paged).toEqual(stored);
    const boundary = await listSegments(database.pool, sessionId, { after: { streamId: first, ordinal: perStream - 2 }, limit: 3 });
    expect(boundary.map((seg) => [seg.streamId, seg.ordinal])).toEqual([[first, perStream - 1], [second, 0], [second, 1]]);
    expect(await listSegments(database.pool, sessionId, { after: { streamId: randomUUID(), ordinal: 0 } })).toEqual([]);
    await writer.close(1_000);
  });

  it("keeps two concurrent streams with the same session id, each whole and in order", async () => {
    const writer = new PersistenceWriter(database.pool, persistenceSettings({ batchRows: 64 }), silentLogger);
    const sessionId = `${backend.name}-shared`;
    const ids = [randomUUID(), randomUUID()];
    const perStream = 200;
    for (const id of ids) await writer.startStream({ streamId: id, sessionId, profile: "clean", config: {}, persist: true });
    // Two producers at once, as two gRPC calls would.
    await Promise.all(
      ids.map(async (id, s) => {
        for (let i = 0; i < perStream; i++) {
          const { input, result } = makeSegment(s, i);
          await writer.append(id, input, result);
          if (i % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        await writer.endStream(id, { status: "completed" });
      }),
    );
    await writer.flush();
    expect(writer.stats()).toMatchObject({ writtenRows: 2 * (perStream + 2), duplicateRows: 0, rejectedRows: 0 });

    const streams = await listStreams(database.pool, sessionId);
    expect(streams.map((s) => s.streamId).sort()).toEqual([...ids].sort());
    expect(streams.every((s) => s.status === "completed")).toBe(true);
    for (const [s, id] of ids.entries()) {
      const own = await listStreamSegments(database.pool, id);
      expect(own.map((seg) => seg.ordinal)).toEqual(Array.from({ length: perStream }, (_, i) => i));
      expect(own.map((seg) => seg.segmentId)).toEqual(Array.from({ length: perStream }, (_, i) => makeSegment(s, i).input.id));
      expect(own.every((seg) => seg.sessionId === sessionId)).toBe(true);
    }
    // The session reads stream by stream, in the order listStreams gives.
    const stored = await listSegments(database.pool, sessionId);
    const expected: StoredSegment[] = [];
    for (const stream of streams) expected.push(...(await listStreamSegments(database.pool, stream.streamId)));
    expect(stored).toEqual(expected);
    await writer.close(1_000);
  });

  it("writes a batch in one statement fast (rows/s reported)", async () => {
    const rows = 10_000;
    const writer = new PersistenceWriter(database.pool, persistenceSettings({ bufferRows: 20_000, batchRows: 1_000 }), silentLogger);
    const id = randomUUID();
    await writer.startStream({ streamId: id, sessionId: `${backend.name}-throughput`, profile: "clean", config: {}, persist: true });
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
    const { rows: counted } = await database.pool.query("SELECT count(*)::int AS n FROM segments WHERE stream_id = $1", [id]);
    expect(counted[0].n).toBe(rows);
    await writer.close(1_000);
  });

  it("isolates a row the database refuses and writes the rest; NUL becomes U+FFFD", async () => {
    const writer = new PersistenceWriter(database.pool, persistenceSettings({ batchRows: 100 }), silentLogger);
    const id = randomUUID();
    const sessionId = `${backend.name}-bad-rows`;
    await writer.startStream({ streamId: id, sessionId, profile: "clean", config: { note: "nul \u0000 in config" }, persist: true });
    for (let i = 0; i < 40; i++) {
      const { input, result } = makeSegment(2, i);
      if (i === 17) result.startMs = Number.NaN; // serialises as null: a NOT NULL violation (23502)
      if (i === 5) result.text = "a\u0000b \\u0000 kept literally";
      await writer.append(id, input, result);
    }
    await writer.endStream(id, { status: "completed" });
    await writer.flush();

    const stats = writer.stats();
    expect(stats.rejectedRows).toBe(1);
    expect(stats.writtenRows).toBe(41);
    expect(writer.health().state).toBe("ok");
    const stored = await listSegments(database.pool, sessionId);
    expect(stored.map((s) => s.ordinal)).toEqual(Array.from({ length: 40 }, (_, i) => i).filter((i) => i !== 17));
    expect(stored.find((s) => s.ordinal === 5)!.processed.text).toBe("a\ufffdb \\u0000 kept literally");
    expect((await getStream(database.pool, id))!.config).toEqual({ note: "nul \ufffd in config" });
    expect((await getStream(database.pool, id))!.status).toBe("completed");
    await writer.close(1_000);
  });

  it("reports misuse through rejected promises, never by throwing", async () => {
    const writer = new PersistenceWriter(database.pool, persistenceSettings(), silentLogger);
    const { input, result } = makeSegment(0, 0);
    const start = (streamId: string) => writer.startStream({ streamId, sessionId: `${backend.name}-misuse`, profile: "clean", config: {}, persist: true });
    // Each call returns (no synchronous throw) a promise that rejects.
    const calls: Array<[() => Promise<void>, RegExp]> = [
      [() => writer.append(randomUUID(), input, result), /not started/],
      [() => writer.endStream(randomUUID(), { status: "completed" }), /not started/],
      [() => start("not-a-uuid"), /not a uuid/],
    ];
    for (const [call, reason] of calls) {
      let promise: Promise<void> | undefined;
      expect(() => (promise = call())).not.toThrow();
      await expect(promise).rejects.toThrow(reason);
    }

    // Starting an open stream again is refused; the open stream carries on unharmed.
    const id = randomUUID();
    await start(id);
    let again: Promise<void> | undefined;
    expect(() => (again = start(id))).not.toThrow();
    await expect(again).rejects.toThrow(/already started/);
    await writer.append(id, input, result);
    await writer.endStream(id, { status: "completed" });
    await expect(writer.endStream(id, { status: "completed" })).rejects.toThrow(/not started/);
    await writer.flush();
    expect(await listStreamSegments(database.pool, id)).toHaveLength(1);
    expect(writer.stats()).toMatchObject({ writtenRows: 3, rejectedRows: 0, duplicateRows: 0 });

    await writer.close(1_000);
    let late: Promise<void> | undefined;
    expect(() => (late = start(randomUUID()))).not.toThrow();
    await expect(late).rejects.toBeInstanceOf(PersistenceClosedError);
    await expect(writer.append(id, input, result)).rejects.toBeInstanceOf(PersistenceClosedError);
    await expect(writer.endStream(id, { status: "completed" })).rejects.toBeInstanceOf(PersistenceClosedError);
  });
});
