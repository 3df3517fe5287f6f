// Fixtures for the audit-log tests: entries that exercise every field, a
// database on either backend, and tampering as the table owner (the
// append-only trigger is switched off for the edit, as an attacker with the
// owner's rights would).
import type pg from "pg";
import type { AuditEntry } from "../../src/security/audit-entry.js";
import type { AuditSettings } from "../../src/store/audit-log.js";
import { storeBackends } from "./support.js";

export const auditBackends = storeBackends("audit");

export function auditSettings(overrides: Partial<AuditSettings> = {}): AuditSettings {
  return {
    bufferEntries: 10_000,
    batchEntries: 100,
    flushIntervalMs: 5,
    retryInitialMs: 20,
    retryMaxMs: 200,
    closeTimeoutMs: 2_000,
    verifyChunkRows: 64,
    ...overrides,
  };
}

const BASE_TIME = Date.UTC(2026, 10, 26, 1, 0, 0);

/** Entry i: subjects, codes, methods and counts vary with i so filters have something to select. */
export function auditEntry(i: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: new Date(BASE_TIME + i * 1_000 + (i % 1_000)),
    subject: i % 5 === 0 ? null : `user-${i % 3}`,
    roles: i % 2 === 0 ? ["operator"] : ["viewer", "reviewer"],
    method: i % 4 === 0 ? "/lipi.v1.TranscriptService/StreamProcess" : "/lipi.v1.TranscriptService/Process",
    resourceIds: { stream: `stream-${i}`, session: `séance-${i % 7}` },
    code: i % 6 === 0 ? 7 : 0,
    message: i % 6 === 0 ? "role viewer may not call Process" : "",
    durationMs: 1.5 + i / 7,
    peer: `ipv4:127.0.0.1:${50_000 + (i % 1_000)}`,
    requestId: `req-${i}`,
    ...(i % 4 === 0 ? { counts: { segments: i, errors: i % 3, needsReview: 0.5 } } : {}),
    ...overrides,
  };
}

/** Runs SQL against the log with the append-only trigger switched off, as the table owner could. */
export async function tamper(db: pg.Pool, sql: string): Promise<void> {
  const client = await db.connect();
  try {
    await client.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
    await client.query(sql);
  } finally {
    await client.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
    client.release();
  }
}

/** Saves the log so a tampering test can put it back afterwards. */
export async function snapshotLog(db: pg.Pool): Promise<() => Promise<void>> {
  await db.query("DROP TABLE IF EXISTS audit_log_snapshot");
  await db.query("CREATE TABLE audit_log_snapshot AS SELECT * FROM audit_log");
  const head = (await db.query<{ seq: string; hash: string }>("SELECT seq::text AS seq, hash FROM audit_log_head")).rows[0]!;
  return async () => {
    await tamper(db, "DELETE FROM audit_log");
    await tamper(db, "INSERT INTO audit_log SELECT * FROM audit_log_snapshot");
    await db.query("UPDATE audit_log_head SET seq = $1, hash = $2", [head.seq, head.hash]);
  };
}
