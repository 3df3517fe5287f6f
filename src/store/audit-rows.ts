// The audit log's SQL: appending a batch to the chain, and reading records
// back in the exact form they were hashed in. The buffer and retries live in
// audit-log.ts, querying in audit-query.ts, verification in audit-verify.ts.
import type pg from "pg";
import { chainRecords, type AuditContent, type AuditRecordRow } from "./audit-chain.js";
import { toJsonParam } from "./persistence-rows.js";

/**
 * Columns as the chain hashes them (order by audit_log.seq: the output column
 * seq is text): `at` printed by the database in the
 * canonical UTC-with-microseconds form (a JavaScript Date would drop the
 * microseconds, and an edit to them would go unseen), seq as text (bigint).
 */
export const AUDIT_COLUMNS = `
  seq::text AS seq,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  subject, roles, method, resource_ids, code, message, duration_ms, peer, request_id, counts, prev_hash, hash`;

export interface AuditDbRow {
  seq: string;
  at: string;
  subject: string | null;
  roles: string[];
  method: string;
  resource_ids: Record<string, string>;
  code: number;
  message: string;
  duration_ms: number;
  peer: string;
  request_id: string;
  counts: Record<string, number> | null;
  prev_hash: string;
  hash: string;
}

export function recordFromDb(row: AuditDbRow): AuditRecordRow {
  return {
    seq: Number(row.seq),
    at: row.at,
    subject: row.subject,
    roles: row.roles,
    method: row.method,
    resourceIds: row.resource_ids,
    code: row.code,
    message: row.message,
    durationMs: row.duration_ms,
    peer: row.peer,
    requestId: row.request_id,
    counts: row.counts,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

// Locking the head row serialises appends across every instance sharing the
// database: each batch reads the head, chains onto it and moves it, in one
// transaction, so two writers can never both chain onto the same record.
const LOCK_HEAD = "SELECT seq::text AS seq, hash FROM audit_log_head FOR UPDATE";
const MOVE_HEAD = "UPDATE audit_log_head SET seq = $1, hash = $2";
const FIND_HASH = "SELECT 1 FROM audit_log WHERE hash = $1";
const READ_HEAD = "SELECT seq::text AS seq, hash FROM audit_log_head";

const INSERT_RECORDS = `
  INSERT INTO audit_log (seq, at, subject, roles, method, resource_ids, code, message, duration_ms, peer, request_id,
                         counts, prev_hash, hash)
  SELECT (e->>'seq')::bigint, (e->>'at')::timestamptz, e->>'subject',
         ARRAY(SELECT jsonb_array_elements_text(e->'roles')), e->>'method', e->'resource_ids',
         (e->>'code')::integer, e->>'message', (e->>'duration_ms')::double precision, e->>'peer', e->>'request_id',
         NULLIF(e->'counts', 'null'::jsonb), e->>'prev_hash', e->>'hash'
    FROM jsonb_array_elements($1::jsonb) AS e`;

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface AppendOutcome {
  /** The records as stored, or none when an earlier attempt had already stored them. */
  records: AuditRecordRow[];
  alreadyStored: boolean;
}

/**
 * Appends contents to the chain in one transaction on `client`. When
 * `previousAttemptLastHash` is given (a retry after a failure whose commit
 * may have gone through), and a record with that hash exists, the batch was
 * stored by that attempt and nothing is written again: a hash covers its
 * position and predecessor, so only that attempt can have produced it.
 */
export async function appendToChain(
  client: pg.ClientBase,
  contents: readonly AuditContent[],
  previousAttemptLastHash: string | undefined,
  onChained: (lastHash: string) => void,
): Promise<AppendOutcome> {
  await client.query("BEGIN");
  try {
    const head = await client.query<{ seq: string; hash: string }>(LOCK_HEAD);
    const current = head.rows[0];
    if (current === undefined) throw new Error("audit_log_head has no row: the audit migration did not run completely");
    if (previousAttemptLastHash !== undefined && (await client.query(FIND_HASH, [previousAttemptLastHash])).rowCount! > 0) {
      await client.query("COMMIT");
      return { records: [], alreadyStored: true };
    }
    const records = chainRecords({ seq: Number(current.seq), hash: current.hash }, contents);
    const last = records.at(-1);
    if (last === undefined) {
      await client.query("COMMIT");
      return { records, alreadyStored: false };
    }
    onChained(last.hash);
    await client.query(INSERT_RECORDS, [toJsonParam(records.map(recordColumns))]);
    await client.query(MOVE_HEAD, [last.seq, last.hash]);
    await client.query("COMMIT");
    return { records, alreadyStored: false };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

export async function readChainHead(db: pg.Pool | pg.ClientBase): Promise<ChainHead> {
  const { rows } = await db.query<{ seq: string; hash: string }>(READ_HEAD);
  const head = rows[0];
  if (head === undefined) throw new Error("audit_log_head has no row: run the migrations");
  return { seq: Number(head.seq), hash: head.hash };
}

function recordColumns(record: AuditRecordRow): object {
  return {
    seq: record.seq,
    at: record.at,
    subject: record.subject,
    roles: record.roles,
    method: record.method,
    resource_ids: record.resourceIds,
    code: record.code,
    message: record.message,
    duration_ms: record.durationMs,
    peer: record.peer,
    request_id: record.requestId,
    counts: record.counts,
    prev_hash: record.prevHash,
    hash: record.hash,
  };
}
