// Verifies the audit log's hash chain from seq 1 to the chain head, reading
// verifyChunkRows rows at a time (memory stays bounded for any log size),
// and names the first record that is wrong and how:
//
//   deleted    a seq is missing (seq is assigned without gaps), the records
//              after the last one the head names are gone, or a record's
//              predecessor is gone and later ones were renumbered to hide it;
//   reordered  a record is intact but sits at another seq than the one it
//              was written at (its hash verifies for that other position);
//   edited     a record's content no longer matches its hash, a hash was
//              recomputed so that the next record's link no longer matches,
//              or a record was inserted beyond the chain head.
//
// Limits of any hash chain, which the head (returned with the result) is
// for: someone who rewrites the log from some record on and recomputes every
// hash after it, head included, leaves a valid chain. Recording head_hash
// elsewhere now and then (a ticket, another system's log) and comparing
// catches that.
import { setImmediate as nextTurn } from "node:timers/promises";
import type pg from "pg";
import { chainHash, GENESIS_HASH, type AuditRecordRow } from "./audit-chain.js";
import { AUDIT_COLUMNS, readChainHead, recordFromDb, type AuditDbRow } from "./audit-rows.js";

export type AuditTamperKind = "edited" | "deleted" | "reordered";

export type AuditVerifyResult = {
  /** Records checked and found good (all of them when ok). */
  rowsChecked: number;
  headSeq: number;
  headHash: string;
} & ({ ok: true } | { ok: false; firstBadSeq: number; kind: AuditTamperKind; detail: string });

export interface VerifyOptions {
  chunkRows: number;
  /** Stops between chunks (e.g. the gRPC call was cancelled); the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

type Finding = { firstBadSeq: number; kind: AuditTamperKind; detail: string };

/**
 * Hashing a record costs ~10–50 µs; verification may run inside the server,
 * whose event loop also moves stream traffic, so it yields this often.
 */
const ROWS_PER_TURN = 500;

const CHUNK = `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq > $1 AND seq <= $2 ORDER BY audit_log.seq LIMIT $3`;
const SEQ_OF_HASH = "SELECT seq::text AS seq FROM audit_log WHERE hash = $1 ORDER BY seq LIMIT 1";
const SEQ_OF_PREV_HASH = "SELECT seq::text AS seq FROM audit_log WHERE prev_hash = $1 ORDER BY seq LIMIT 1";
// Writers move the head in the same transaction as their rows, so nothing lies beyond the current head.
const BEYOND_HEAD = "SELECT seq::text AS seq FROM audit_log WHERE seq > (SELECT seq FROM audit_log_head) ORDER BY seq LIMIT 1";

export async function verifyAuditLog(db: pg.Pool, options: VerifyOptions): Promise<AuditVerifyResult> {
  // Rows up to the head are committed (the head moves in the same transaction); later ones are checked next time.
  const head = await readChainHead(db);
  const summary = { headSeq: head.seq, headHash: head.hash };
  let expectedSeq = 1;
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const { rows } = await db.query<AuditDbRow>(CHUNK, [expectedSeq - 1, head.seq, options.chunkRows]);
    for (const dbRow of rows) {
      const record = recordFromDb(dbRow);
      const finding = await checkRecord(db, record, expectedSeq, expectedPrev);
      // A broken link is blamed on the record before (already counted), so count only those before the bad one.
      if (finding) return { ok: false, rowsChecked: Math.min(checked, finding.firstBadSeq - 1), ...summary, ...finding };
      expectedPrev = record.hash;
      expectedSeq++;
      checked++;
      if (checked % ROWS_PER_TURN === 0) await nextTurn();
    }
    if (rows.length < options.chunkRows) break;
  }
  const lastSeq = expectedSeq - 1;
  if (lastSeq < head.seq) {
    const finding = { kind: "deleted" as const, firstBadSeq: lastSeq + 1, detail: `records ${range(lastSeq + 1, head.seq)} are missing: the chain head says the log reaches seq ${head.seq}` };
    return { ok: false, rowsChecked: checked, ...summary, ...finding };
  }
  if (head.seq > 0 && expectedPrev !== head.hash) {
    const finding = { kind: "edited" as const, firstBadSeq: head.seq, detail: `record ${head.seq}'s hash differs from the one the chain head recorded for it` };
    return { ok: false, rowsChecked: checked, ...summary, ...finding };
  }
  const stray = await seqOf(db, BEYOND_HEAD);
  if (stray !== undefined) {
    const finding = { kind: "edited" as const, firstBadSeq: stray, detail: `record ${stray} lies beyond the chain head: it was inserted outside lipi's writers` };
    return { ok: false, rowsChecked: checked, ...summary, ...finding };
  }
  return { ok: true, rowsChecked: checked, ...summary };
}

async function checkRecord(db: pg.Pool, record: AuditRecordRow, expectedSeq: number, expectedPrev: string): Promise<Finding | undefined> {
  const seq = record.seq;
  if (seq !== expectedSeq) {
    return { kind: "deleted", firstBadSeq: expectedSeq, detail: `records ${range(expectedSeq, seq - 1)} are missing` };
  }
  if (chainHash(record.prevHash, seq, record) !== record.hash) {
    const writtenAt = await originalPosition(db, record);
    if (writtenAt === undefined) {
      return { kind: "edited", firstBadSeq: seq, detail: `record ${seq}'s content does not match its hash` };
    }
    if (record.prevHash !== GENESIS_HASH && (await seqOf(db, SEQ_OF_HASH, record.prevHash)) === undefined) {
      return {
        kind: "deleted",
        firstBadSeq: seq,
        detail: `record ${seq} was written as seq ${writtenAt} and the record before it is gone: records were deleted and later ones renumbered`,
      };
    }
    return { kind: "reordered", firstBadSeq: seq, detail: `record ${seq} is intact but was written as seq ${writtenAt}` };
  }
  if (record.prevHash !== expectedPrev) {
    const previous = seq - 1;
    return previous === 0
      ? { kind: "edited", firstBadSeq: seq, detail: "record 1 does not start the chain: its link is not the genesis hash" }
      : {
          kind: "edited",
          firstBadSeq: previous,
          detail: `record ${seq}'s link does not match record ${previous}'s hash: record ${previous} was rewritten with a recomputed hash (or record ${seq}'s link was)`,
        };
  }
  return undefined;
}

/**
 * The seq an intact record was written at, when it is not where it is now:
 * a record's hash covers its seq, so trying the positions its links point to
 * (after the record its prev_hash names, before the record naming its hash)
 * and its neighbours finds where it belongs.
 */
async function originalPosition(db: pg.Pool, record: AuditRecordRow): Promise<number | undefined> {
  const candidates = new Set<number>([record.seq - 1, record.seq + 1]);
  const predecessor = await seqOf(db, SEQ_OF_HASH, record.prevHash);
  if (predecessor !== undefined) candidates.add(predecessor + 1);
  if (record.prevHash === GENESIS_HASH) candidates.add(1);
  const successor = await seqOf(db, SEQ_OF_PREV_HASH, record.hash);
  if (successor !== undefined) candidates.add(successor - 1);
  for (const seq of candidates) {
    if (seq >= 1 && seq !== record.seq && chainHash(record.prevHash, seq, record) === record.hash) return seq;
  }
  return undefined;
}

async function seqOf(db: pg.Pool, sql: string, hash?: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: string }>(sql, hash === undefined ? [] : [hash]);
  return rows[0] === undefined ? undefined : Number(rows[0].seq);
}

function range(from: number, to: number): string {
  return from === to ? `${from}` : `${from}–${to}`;
}
