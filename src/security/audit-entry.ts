// One audit record, as the server produces it and the audit log stores it.
// The interceptors (authentication, RBAC, limits) produce entries; the audit
// log (src/store/audit-log.ts) chains and persists them. This file is the
// contract between the two.
import type { status } from "@grpc/grpc-js";

export interface AuditEntry {
  /** When the call started. */
  at: Date;
  /** JWT `sub`, or null when the caller could not be authenticated. */
  subject: string | null;
  roles: readonly string[];
  /** Full gRPC path, e.g. "/lipi.v1.TranscriptService/StreamProcess". */
  method: string;
  /** Ids the call touched (stream id, session id, job id, …); small, bounded. */
  resourceIds: Readonly<Record<string, string>>;
  /** Final gRPC status code of the call. */
  code: status;
  /** Why the call was denied or failed (status details), empty when OK. */
  message: string;
  durationMs: number;
  /** Remote address as grpc-js reports it ("ipv4:127.0.0.1:51234"). */
  peer: string;
  requestId: string;
  /** Streams: segment counts and similar figures; one record per stream, written when it ends. */
  counts?: Readonly<Record<string, number>>;
}

/** Where entries go. Never blocks and never throws on the call path; buffering and retries are the sink's job. */
export interface AuditSink {
  append(entry: AuditEntry): void;
}
