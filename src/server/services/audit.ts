// AuditService: pages through the audit log and verifies its hash chain.
// Who may call it is the RBAC table's business (src/security/rbac.ts); both
// calls are themselves audited by the security interceptor.
import { status as GrpcStatus, type sendUnaryData, type ServerUnaryCall } from "@grpc/grpc-js";
import type pg from "pg";
import {
  AuditOrder,
  AuditTamperKind,
  type AuditRecord,
  type AuditServiceServer,
  type QueryAuditLogRequest,
  type QueryAuditLogResponse,
  type VerifyAuditLogResponse,
} from "../../gen/lipi/v1/audit.js";
import type { AuditRecordRow } from "../../store/audit-chain.js";
import { queryAuditLog, type AuditQuery } from "../../store/audit-query.js";
import { verifyAuditLog, type AuditTamperKind as StoreTamperKind, type AuditVerifyResult } from "../../store/audit-verify.js";
import type { Logger } from "../../telemetry/logger.js";
import { invalidArgument, RpcError, type FieldViolation } from "../errors.js";
import { requestIdOf } from "../request-id.js";

export interface AuditServiceDeps {
  /** The database holding the audit log. */
  pool: pg.Pool;
  /** Rows per verification query (config audit.verifyChunkRows). */
  verifyChunkRows: number;
  logger: Logger;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1_000;
const MAX_GRPC_CODE = 16;

export function createAuditService(deps: AuditServiceDeps): AuditServiceServer {
  const log = deps.logger.child({ component: "audit-service" });

  return {
    queryAuditLog(call: ServerUnaryCall<QueryAuditLogRequest, QueryAuditLogResponse>, callback: sendUnaryData<QueryAuditLogResponse>) {
      const requestId = requestIdOf(call);
      let query: AuditQuery;
      try {
        query = parseQuery(call.request);
      } catch (err) {
        callback(err as RpcError);
        return;
      }
      queryAuditLog(deps.pool, query).then(
        (page) =>
          callback(null, {
            records: page.records.map(toAuditRecord),
            nextPageToken: page.nextAfterSeq === undefined ? "" : encodePageToken({ order: query.order, afterSeq: page.nextAfterSeq }),
          }),
        (err: unknown) => {
          log.warn({ err, request: requestId }, "audit query failed");
          callback(new RpcError(GrpcStatus.UNAVAILABLE, "audit log unavailable: the database did not answer"));
        },
      );
    },

    verifyAuditLog(call, callback: sendUnaryData<VerifyAuditLogResponse>) {
      const requestId = requestIdOf(call);
      const cancelled = new AbortController();
      call.on("cancelled", () => cancelled.abort(new Error("call cancelled")));
      const started = performance.now();
      verifyAuditLog(deps.pool, { chunkRows: deps.verifyChunkRows, signal: cancelled.signal }).then(
        (result) => {
          const ms = Math.round(performance.now() - started);
          if (result.ok) log.info({ rows: result.rowsChecked, ms, request: requestId }, "audit chain verified");
          else log.error({ firstBadSeq: result.firstBadSeq, kind: result.kind, detail: result.detail, ms, request: requestId }, "audit chain verification failed");
          callback(null, toVerifyResponse(result));
        },
        (err: unknown) => {
          if (cancelled.signal.aborted) return; // the client is gone; nobody reads an answer
          log.warn({ err, request: requestId }, "audit verification failed to run");
          callback(new RpcError(GrpcStatus.UNAVAILABLE, "audit log unavailable: the database did not answer"));
        },
      );
    },
  };
}

function parseQuery(request: QueryAuditLogRequest): AuditQuery {
  const violations: FieldViolation[] = [];
  const pageSize = request.pageSize === 0 ? DEFAULT_PAGE_SIZE : request.pageSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    violations.push({ field: "page_size", description: `must be between 1 and ${MAX_PAGE_SIZE} (0 means ${DEFAULT_PAGE_SIZE})` });
  }
  if (request.code !== undefined && (request.code < 0 || request.code > MAX_GRPC_CODE)) {
    violations.push({ field: "code", description: `must be a gRPC status code, 0–${MAX_GRPC_CODE}` });
  }
  if (request.startTime && request.endTime && request.startTime.getTime() >= request.endTime.getTime()) {
    violations.push({ field: "end_time", description: "must be later than start_time" });
  }
  const order = request.order === AuditOrder.AUDIT_ORDER_OLDEST_FIRST ? "oldest" : "newest";
  if (request.order !== AuditOrder.AUDIT_ORDER_UNSPECIFIED && request.order !== AuditOrder.AUDIT_ORDER_NEWEST_FIRST && request.order !== AuditOrder.AUDIT_ORDER_OLDEST_FIRST) {
    violations.push({ field: "order", description: "unknown order" });
  }
  let afterSeq: number | undefined;
  if (request.pageToken !== "") {
    const token = decodePageToken(request.pageToken);
    if (token === undefined) violations.push({ field: "page_token", description: "not a token this service issued" });
    else if (token.order !== order) violations.push({ field: "page_token", description: `issued for ${token.order}-first order, not ${order}-first` });
    else afterSeq = token.afterSeq;
  }
  if (violations.length > 0) throw invalidArgument("invalid audit query", violations);
  return {
    ...(request.subject !== undefined ? { subject: request.subject } : {}),
    ...(request.method !== undefined ? { method: request.method } : {}),
    ...(request.code !== undefined ? { code: request.code } : {}),
    ...(request.startTime ? { from: request.startTime } : {}),
    ...(request.endTime ? { to: request.endTime } : {}),
    order,
    limit: pageSize,
    ...(afterSeq !== undefined ? { afterSeq } : {}),
  };
}

interface PageToken {
  order: AuditQuery["order"];
  afterSeq: number;
}

// Opaque to clients: base64url of a small JSON cursor. It carries the order
// so a token cannot silently continue a page in the other direction.
function encodePageToken(token: PageToken): string {
  return Buffer.from(JSON.stringify({ v: 1, o: token.order, s: token.afterSeq })).toString("base64url");
}

function decodePageToken(text: string): PageToken | undefined {
  if (text.length > 200) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as { v?: unknown; o?: unknown; s?: unknown };
    if (parsed.v !== 1 || (parsed.o !== "newest" && parsed.o !== "oldest")) return undefined;
    if (typeof parsed.s !== "number" || !Number.isSafeInteger(parsed.s) || parsed.s < 0) return undefined;
    return { order: parsed.o, afterSeq: parsed.s };
  } catch {
    return undefined;
  }
}

function toAuditRecord(record: AuditRecordRow): AuditRecord {
  return {
    seq: record.seq,
    time: new Date(record.at),
    ...(record.subject !== null ? { subject: record.subject } : {}),
    roles: record.roles,
    method: record.method,
    resourceIds: record.resourceIds,
    code: record.code,
    message: record.message,
    durationMs: record.durationMs,
    peer: record.peer,
    requestId: record.requestId,
    counts: record.counts ?? {},
    prevHash: record.prevHash,
    hash: record.hash,
  };
}

const TAMPER_KINDS: Record<StoreTamperKind, AuditTamperKind> = {
  edited: AuditTamperKind.AUDIT_TAMPER_KIND_EDITED,
  deleted: AuditTamperKind.AUDIT_TAMPER_KIND_DELETED,
  reordered: AuditTamperKind.AUDIT_TAMPER_KIND_REORDERED,
};

function toVerifyResponse(result: AuditVerifyResult): VerifyAuditLogResponse {
  const head = { rowsChecked: result.rowsChecked, headSeq: result.headSeq, headHash: result.headHash };
  return result.ok
    ? { ok: true, ...head, firstBadSeq: 0, kind: AuditTamperKind.AUDIT_TAMPER_KIND_UNSPECIFIED, detail: "" }
    : { ok: false, ...head, firstBadSeq: result.firstBadSeq, kind: TAMPER_KINDS[result.kind], detail: result.detail };
}
