// Reads the audit log: records matching every given filter, a page at a
// time, in write order (seq) newest or oldest first. Pages are keyset
// cursors on seq, so a page costs the same however deep it is and records
// appended meanwhile never shift a page.
import type pg from "pg";
import type { AuditRecordRow } from "./audit-chain.js";
import { AUDIT_COLUMNS, recordFromDb, type AuditDbRow } from "./audit-rows.js";

export interface AuditQuery {
  subject?: string;
  method?: string;
  code?: number;
  /** Calls started at or after. */
  from?: Date;
  /** Calls started before. */
  to?: Date;
  order: "newest" | "oldest";
  limit: number;
  /** Continue after this seq (exclusive), in the query's order. */
  afterSeq?: number;
}

export interface AuditPage {
  records: AuditRecordRow[];
  /** The seq to continue after, or undefined on the last page. */
  nextAfterSeq: number | undefined;
}

export async function queryAuditLog(db: pg.Pool, query: AuditQuery): Promise<AuditPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.subject !== undefined) add((p) => `subject = ${p}`, query.subject);
  if (query.method !== undefined) add((p) => `method = ${p}`, query.method);
  if (query.code !== undefined) add((p) => `code = ${p}`, query.code);
  if (query.from !== undefined) add((p) => `at >= ${p}`, query.from);
  if (query.to !== undefined) add((p) => `at < ${p}`, query.to);
  const newest = query.order === "newest";
  if (query.afterSeq !== undefined) add((p) => (newest ? `seq < ${p}` : `seq > ${p}`), query.afterSeq);
  // One row more than asked says whether another page exists.
  params.push(query.limit + 1);
  const sql = `SELECT ${AUDIT_COLUMNS} FROM audit_log
    ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY audit_log.seq ${newest ? "DESC" : "ASC"} LIMIT $${params.length}`;
  const { rows } = await db.query<AuditDbRow>(sql, params);
  const records = rows.slice(0, query.limit).map(recordFromDb);
  return { records, nextAfterSeq: rows.length > query.limit ? records.at(-1)!.seq : undefined };
}
