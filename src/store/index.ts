// The store's public surface: open the database, migrate it, write through
// the PersistenceWriter, read back through the repositories.
export { openDatabase, type Database, type DatabaseKind, type StoreSettings } from "./db.js";
export { migrate, MIGRATIONS_TABLE, type MigrateOptions, type MigrationDirection } from "./migrate.js";
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
