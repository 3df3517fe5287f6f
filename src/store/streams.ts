// Read side of streams and their segments. Writes go through the
// PersistenceWriter (batched, off the hot path); these are for the API, admin
// tools and tests.
//
// A stream is one gRPC call (server-generated uuid); a session is the client's
// label and may span several streams (resumes). Reads by session return every
// stream of it, in start order.
import type pg from "pg";
import type { EditRecord, FlagRecord, OutputWordResult, SourceWord } from "../pipeline/types.js";

/** Anything that can run a query: a Pool, a pooled client or a Client. */
export type Queryable = Pick<pg.Pool, "query">;

export interface StoredStream {
  streamId: string;
  sessionId: string;
  profile: string;
  config: Record<string, unknown>;
  persist: boolean;
  peer: string | null;
  subject: string | null;
  startedAt: Date;
  endedAt: Date | null;
  status: string;
  stats: Record<string, unknown>;
}

export interface StoredSegment {
  streamId: string;
  sessionId: string;
  /** Arrival order within the stream, from 0. */
  ordinal: number;
  seq: number;
  segmentId: string;
  isFinal: boolean;
  startMs: number;
  endMs: number;
  speaker: string | null;
  raw: { text: string; words: SourceWord[] };
  processed: { text: string; words: OutputWordResult[] };
  edits: EditRecord[];
  flags: FlagRecord[];
  needsReview: boolean;
  createdAt: Date;
}

/** Where a page of a session's segments ended: its last segment (a StoredSegment fits). */
export type SegmentCursor = Pick<StoredSegment, "streamId" | "ordinal">;

export interface ListSegmentsOptions {
  /**
   * Only segments after this one in the session's order (keyset paging: pass
   * the last segment of the previous page). A cursor whose stream is not
   * stored yields no rows.
   */
  after?: SegmentCursor;
  limit?: number;
}

export interface ListStreamSegmentsOptions {
  /** Only segments with ordinal greater than this (keyset paging). */
  afterOrdinal?: number;
  limit?: number;
}

interface StreamRow {
  stream_id: string;
  session_id: string;
  profile: string;
  config: Record<string, unknown>;
  persist: boolean;
  peer: string | null;
  subject: string | null;
  started_at: Date;
  ended_at: Date | null;
  status: string;
  stats: Record<string, unknown>;
}

interface SegmentRow {
  stream_id: string;
  session_id: string;
  ordinal: number;
  seq: string;
  segment_id: string;
  is_final: boolean;
  start_ms: string;
  end_ms: string;
  speaker: string | null;
  raw: StoredSegment["raw"];
  processed: StoredSegment["processed"];
  edits: EditRecord[];
  flags: FlagRecord[];
  needs_review: boolean;
  created_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** streams.stream_id is a uuid column: anything else cannot name a stream (and PostgreSQL would refuse it). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const STREAM_COLUMNS = `stream_id, session_id, profile, config, persist, peer, subject, started_at, ended_at, status, stats`;
const SEGMENT_COLUMNS = `g.stream_id, g.session_id, g.ordinal, g.seq, g.segment_id, g.is_final, g.start_ms, g.end_ms, g.speaker,
            g.raw, g.processed, g.edits, g.flags, g.needs_review, g.created_at`;

/** One stream by its id; null when not stored (or the id is not a uuid). */
export async function getStream(db: Queryable, streamId: string): Promise<StoredStream | null> {
  if (!isUuid(streamId)) return null;
  const { rows } = await db.query<StreamRow>(`SELECT ${STREAM_COLUMNS} FROM streams WHERE stream_id = $1`, [streamId]);
  const row = rows[0];
  return row ? toStream(row) : null;
}

/** A session's streams in start order (ties broken by stream id). */
export async function listStreams(db: Queryable, sessionId: string): Promise<StoredStream[]> {
  const { rows } = await db.query<StreamRow>(
    `SELECT ${STREAM_COLUMNS} FROM streams WHERE session_id = $1 ORDER BY started_at, stream_id`,
    [sessionId],
  );
  return rows.map(toStream);
}

/**
 * A session's segments across all its streams: stream by stream in start
 * order (started_at, then stream id), each stream's in arrival order.
 */
export async function listSegments(
  db: Queryable,
  sessionId: string,
  options: ListSegmentsOptions = {},
): Promise<StoredSegment[]> {
  const { after } = options;
  if (after && !isUuid(after.streamId)) return [];
  const { rows } = await db.query<SegmentRow>(
    `SELECT ${SEGMENT_COLUMNS}
       FROM segments g
       JOIN streams s ON s.stream_id = g.stream_id
      WHERE g.session_id = $1
        AND ($2::uuid IS NULL
             OR (s.started_at, g.stream_id, g.ordinal) >
                ((SELECT started_at FROM streams WHERE stream_id = $2::uuid), $2::uuid, $3::integer))
      ORDER BY s.started_at, g.stream_id, g.ordinal
      LIMIT $4`,
    [sessionId, after?.streamId ?? null, after?.ordinal ?? null, options.limit ?? null],
  );
  return rows.map(toSegment);
}

/** One stream's segments in arrival order. */
export async function listStreamSegments(
  db: Queryable,
  streamId: string,
  options: ListStreamSegmentsOptions = {},
): Promise<StoredSegment[]> {
  if (!isUuid(streamId)) return [];
  const { rows } = await db.query<SegmentRow>(
    `SELECT ${SEGMENT_COLUMNS}
       FROM segments g
      WHERE g.stream_id = $1 AND g.ordinal > $2
      ORDER BY g.ordinal
      LIMIT $3`,
    [streamId, options.afterOrdinal ?? -1, options.limit ?? null],
  );
  return rows.map(toSegment);
}

function toStream(row: StreamRow): StoredStream {
  return {
    streamId: row.stream_id,
    sessionId: row.session_id,
    profile: row.profile,
    config: row.config,
    persist: row.persist,
    peer: row.peer,
    subject: row.subject,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    status: row.status,
    stats: row.stats,
  };
}

function toSegment(row: SegmentRow): StoredSegment {
  // bigint columns arrive as strings from pg; these values fit a double.
  return {
    streamId: row.stream_id,
    sessionId: row.session_id,
    ordinal: row.ordinal,
    seq: Number(row.seq),
    segmentId: row.segment_id,
    isFinal: row.is_final,
    startMs: Number(row.start_ms),
    endMs: Number(row.end_ms),
    speaker: row.speaker,
    raw: row.raw,
    processed: row.processed,
    edits: row.edits,
    flags: row.flags,
    needsReview: row.needs_review,
    createdAt: row.created_at,
  };
}
