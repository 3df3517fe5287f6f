// The audit log on both backends: entries are chained and written in
// batches with their content intact; a restart and a second writer continue
// the same chain; the append-only trigger refuses changes; and every kind of
// tampering done directly in SQL — an edit, a deletion in the middle or at
// the end, a reorder, a recomputed hash — is found and pinpointed by verify.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { chainHash, toAuditContent } from "../../src/store/audit-chain.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { queryAuditLog } from "../../src/store/audit-query.js";
import { appendToChain, recordFromDb, AUDIT_COLUMNS, type AuditDbRow } from "../../src/store/audit-rows.js";
import { verifyAuditLog } from "../../src/store/audit-verify.js";
import type { Database } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { auditBackends, auditEntry, auditSettings, snapshotLog, tamper } from "./audit-support.js";

const ENTRIES = 1_000;

describe.each(auditBackends)("audit log on $name", (backend) => {
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

  const verify = (chunkRows = 64) => verifyAuditLog(database.pool, { chunkRows });

  it("an empty log verifies, with the genesis head", async () => {
    expect(await verify()).toEqual({ ok: true, rowsChecked: 0, headSeq: 0, headHash: "0".repeat(64) });
  });

  it("writes entries in batches as one chain, storing exactly what was handed over", async () => {
    const log = new AuditLog(database.pool, auditSettings({ batchEntries: 100 }), silentLogger);
    const entries = Array.from({ length: ENTRIES }, (_, i) => auditEntry(i + 1));
    for (const entry of entries) log.append(entry);
    await log.flush();
    const stats = log.stats();
    expect(stats).toMatchObject({ pendingRows: 0, writtenRows: ENTRIES, droppedEntries: 0, rejectedRows: 0, failures: 0 });
    expect(stats.batches).toBeGreaterThanOrEqual(ENTRIES / 100);
    expect(stats.batches).toBeLessThan(ENTRIES / 10);
    await log.close(1_000);

    const page = await queryAuditLog(database.pool, { order: "oldest", limit: ENTRIES });
    expect(page.records.map((r) => r.seq)).toEqual(entries.map((_, i) => i + 1));
    for (const [i, record] of page.records.entries()) {
      const { seq: _seq, prevHash, hash, ...content } = record;
      expect(content).toEqual(toAuditContent(entries[i]!));
      expect(prevHash).toBe(i === 0 ? "0".repeat(64) : page.records[i - 1]!.hash);
      expect(hash).toBe(chainHash(prevHash, i + 1, content));
    }
    const result = await verify();
    expect(result).toMatchObject({ ok: true, rowsChecked: ENTRIES, headSeq: ENTRIES, headHash: page.records.at(-1)!.hash });
  });

  it("writes an entry within the flush interval without being asked to flush", async () => {
    const before = (await verify()).headSeq;
    const log = new AuditLog(database.pool, auditSettings({ flushIntervalMs: 20 }), silentLogger);
    try {
      log.append(auditEntry(1, { requestId: "unprompted" }));
      const deadline = Date.now() + 5_000;
      while (log.stats().writtenRows === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(log.stats().writtenRows).toBe(1);
    } finally {
      await log.close(1_000);
    }
    const page = await queryAuditLog(database.pool, { order: "newest", limit: 1 });
    expect(page.records[0]).toMatchObject({ seq: before + 1, requestId: "unprompted" });
  });

  it("a retry after an ambiguous commit does not store the batch twice", async () => {
    const before = (await verify()).headSeq;
    const contents = [auditEntry(1), auditEntry(2)].map(toAuditContent);
    let lastHash: string | undefined;
    const client = await database.pool.connect();
    try {
      // The first attempt commits, but (as if the acknowledgement were lost) its writer retries.
      const first = await appendToChain(client, contents, undefined, (hash) => (lastHash = hash));
      expect(first).toMatchObject({ alreadyStored: false });
      const retry = await appendToChain(client, contents, lastHash, () => undefined);
      expect(retry).toEqual({ records: [], alreadyStored: true });
      // A retry of an attempt that never committed writes the batch.
      const other = [auditEntry(3)].map(toAuditContent);
      const fresh = await appendToChain(client, other, "f".repeat(64), () => undefined);
      expect(fresh.records.map((r) => r.seq)).toEqual([before + 3]);
    } finally {
      client.release();
    }
    expect(await verify()).toMatchObject({ ok: true, headSeq: before + 3 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the log for the application", async () => {
    await expect(database.pool.query("UPDATE audit_log SET subject = 'mallory' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(database.pool.query("DELETE FROM audit_log WHERE seq = 2")).rejects.toThrow(/append-only/);
    await expect(database.pool.query("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it("a new writer (a restart) continues the chain from its head", async () => {
    const before = await verify();
    const log = new AuditLog(database.pool, auditSettings(), silentLogger);
    for (let i = 0; i < 25; i++) log.append(auditEntry(ENTRIES + 1 + i));
    await log.close(2_000);
    const after = await verify();
    expect(after).toMatchObject({ ok: true, rowsChecked: before.rowsChecked + 25, headSeq: before.headSeq + 25 });
    const { rows } = await database.pool.query<AuditDbRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq = $1`, [before.headSeq + 1]);
    expect(recordFromDb(rows[0]!).prevHash).toBe(before.headHash);
  });

  it("two writers on one database keep a single chain (appends serialise on the head)", async () => {
    const before = await verify();
    const second = new pg.Pool({ connectionString: database.connectionString, max: 2 });
    const settings = auditSettings({ batchEntries: 7, flushIntervalMs: 1 });
    const a = new AuditLog(database.pool, settings, silentLogger);
    const b = new AuditLog(second, settings, silentLogger);
    try {
      for (let i = 0; i < 150; i++) {
        a.append(auditEntry(i, { requestId: `a-${i}` }));
        b.append(auditEntry(i, { requestId: `b-${i}` }));
        if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await Promise.all([a.close(5_000), b.close(5_000)]);
    } finally {
      await second.end();
    }
    const result = await verify();
    expect(result).toMatchObject({ ok: true, rowsChecked: before.rowsChecked + 300 });
    const { rows } = await database.pool.query<{ request_id: string }>("SELECT request_id FROM audit_log WHERE seq > $1 ORDER BY seq", [before.headSeq]);
    const ids = rows.map((r) => r.request_id);
    // Each writer's entries all landed once, in its own order; the two interleave.
    expect(ids.filter((id) => id.startsWith("a-"))).toEqual(Array.from({ length: 150 }, (_, i) => `a-${i}`));
    expect(ids.filter((id) => id.startsWith("b-"))).toEqual(Array.from({ length: 150 }, (_, i) => `b-${i}`));
  });

  describe("tampering in SQL is found and pinpointed", () => {
    let restore: () => Promise<void>;
    let head: number;
    beforeEach(async () => {
      restore = await snapshotLog(database.pool);
      head = (await verify()).headSeq;
    });
    afterEach(async () => {
      await restore();
      expect((await verify()).ok).toBe(true);
    });

    it("an edited field", async () => {
      await tamper(database.pool, "UPDATE audit_log SET subject = 'mallory' WHERE seq = 417");
      expect(await verify()).toMatchObject({ ok: false, kind: "edited", firstBadSeq: 417, rowsChecked: 416 });
    });

    it("an edit smaller than a millisecond (the time's microseconds)", async () => {
      await tamper(database.pool, "UPDATE audit_log SET at = at + interval '1 microsecond' WHERE seq = 33");
      expect(await verify()).toMatchObject({ ok: false, kind: "edited", firstBadSeq: 33 });
    });

    it("an edited count inside the jsonb", async () => {
      await tamper(database.pool, `UPDATE audit_log SET counts = jsonb_set(counts, '{segments}', '0') WHERE seq = 8`);
      expect(await verify()).toMatchObject({ ok: false, kind: "edited", firstBadSeq: 8 });
    });

    it("rows deleted in the middle", async () => {
      await tamper(database.pool, "DELETE FROM audit_log WHERE seq BETWEEN 300 AND 302");
      const result = await verify();
      expect(result).toMatchObject({ ok: false, kind: "deleted", firstBadSeq: 300, rowsChecked: 299 });
      if (!result.ok) expect(result.detail).toContain("300–302");
    });

    it("the first row deleted", async () => {
      await tamper(database.pool, "DELETE FROM audit_log WHERE seq = 1");
      expect(await verify()).toMatchObject({ ok: false, kind: "deleted", firstBadSeq: 1, rowsChecked: 0 });
    });

    it("rows cut off the end", async () => {
      await tamper(database.pool, `DELETE FROM audit_log WHERE seq > ${head - 5}`);
      expect(await verify()).toMatchObject({ ok: false, kind: "deleted", firstBadSeq: head - 4, rowsChecked: head - 5 });
    });

    it("a row deleted and the later ones renumbered to close the gap", async () => {
      await tamper(database.pool, "DELETE FROM audit_log WHERE seq = 600");
      // Via a free range: seq is a primary key, checked row by row.
      await tamper(database.pool, "UPDATE audit_log SET seq = seq + 1000000 WHERE seq > 600");
      await tamper(database.pool, "UPDATE audit_log SET seq = seq - 1000001 WHERE seq > 1000000");
      await database.pool.query("UPDATE audit_log_head SET seq = seq - 1");
      const result = await verify();
      expect(result).toMatchObject({ ok: false, kind: "deleted", firstBadSeq: 600, rowsChecked: 599 });
    });

    it("two neighbouring rows swapped", async () => {
      await tamper(database.pool, "UPDATE audit_log SET seq = 1000000 WHERE seq = 200");
      await tamper(database.pool, "UPDATE audit_log SET seq = 200 WHERE seq = 201");
      await tamper(database.pool, "UPDATE audit_log SET seq = 201 WHERE seq = 1000000");
      const result = await verify();
      expect(result).toMatchObject({ ok: false, kind: "reordered", firstBadSeq: 200, rowsChecked: 199 });
      if (!result.ok) expect(result.detail).toContain("written as seq 201");
    });

    it("two distant rows' contents swapped, hashes and all", async () => {
      const columns = "at, subject, roles, method, resource_ids, code, message, duration_ms, peer, request_id, counts, prev_hash, hash";
      const set = columns.split(", ").map((c) => `${c} = o.${c}`).join(", ");
      await tamper(
        database.pool,
        `UPDATE audit_log AS t SET ${set} FROM audit_log_snapshot AS o WHERE (t.seq, o.seq) IN ((100, 700), (700, 100))`,
      );
      const result = await verify();
      expect(result).toMatchObject({ ok: false, kind: "reordered", firstBadSeq: 100, rowsChecked: 99 });
      if (!result.ok) expect(result.detail).toContain("written as seq 700");
    });

    it("an edit whose hash was recomputed breaks the next row's link", async () => {
      const { rows } = await database.pool.query<AuditDbRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq = 500`);
      const forged = { ...recordFromDb(rows[0]!), subject: "mallory" };
      const hash = chainHash(forged.prevHash, 500, forged);
      await tamper(database.pool, `UPDATE audit_log SET subject = 'mallory', hash = '${hash}' WHERE seq = 500`);
      const result = await verify();
      expect(result).toMatchObject({ ok: false, kind: "edited", firstBadSeq: 500, rowsChecked: 499 });
      if (!result.ok) expect(result.detail).toContain("recomputed");
    });

    it("a row inserted beyond the chain head", async () => {
      await tamper(
        database.pool,
        `INSERT INTO audit_log SELECT seq + 1, at, subject, roles, method, resource_ids, code, message, duration_ms, peer, request_id, counts, hash, hash
           FROM audit_log WHERE seq = ${head}`,
      );
      const result = await verify();
      expect(result).toMatchObject({ ok: false, kind: "edited", firstBadSeq: head + 1, rowsChecked: head });
    });

    it("verify reads in chunks: the result does not depend on the chunk size", async () => {
      await tamper(database.pool, "UPDATE audit_log SET code = 13 WHERE seq = 64");
      for (const chunkRows of [1, 63, 64, 65, 5_000]) {
        expect(await verify(chunkRows)).toMatchObject({ ok: false, kind: "edited", firstBadSeq: 64, rowsChecked: 63 });
      }
    });
  });
});
