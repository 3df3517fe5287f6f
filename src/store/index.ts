// The store's public surface: open the database, migrate it, write through
// the PersistenceWriter and the AuditLog, read back through the repositories.
export { openDatabase, type Database, type DatabaseKind, type StoreSettings } from "./db.js";
export { migrate, MIGRATIONS_TABLE, type MigrateOptions, type MigrationDirection } from "./migrate.js";
export {
  AUDIT_GAP_METHOD,
  AuditLog,
  type AuditCloseReport,
  type AuditLogHealth,
  type AuditLogStats,
  type AuditSettings,
} from "./audit-log.js";
export { canonicalRecord, chainHash, GENESIS_HASH, type AuditContent, type AuditRecordRow } from "./audit-chain.js";
export { queryAuditLog, type AuditPage, type AuditQuery } from "./audit-query.js";
export { verifyAuditLog, type AuditTamperKind, type AuditVerifyResult, type VerifyOptions } from "./audit-verify.js";
export {
  PersistenceWriter,
  PersistenceClosedError,
  type CloseReport,
  type PendingRow,
  type PersistenceHealth,
  type PersistenceSettings,
  type PersistenceStats,
  type PersistenceWriterEvents,
  type StreamEndRecord,
  type StreamStartRecord,
} from "./persistence-writer.js";
export {
  getStream,
  isUuid,
  listSegments,
  listStreams,
  listStreamSegments,
  type ListSegmentsOptions,
  type ListStreamSegmentsOptions,
  type Queryable,
  type SegmentCursor,
  type StoredSegment,
  type StoredStream,
} from "./streams.js";
