// Read side of stream sessions and their segments. Writes go through the
// PersistenceWriter (batched, off the hot path); these are for the API,
// admin tools and tests.
import type pg from "pg";
import type { EditRecord, FlagRecord, OutputWordResult, SourceWord } from "../pipeline/types.js";

/** Anything that can run a query: a Pool, a pooled client or a Client. */
export type Queryable = Pick<pg.Pool, "query">;

export interface StoredSession {
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
  sessionId: string;
  /** Arrival order within the session, from 0. */
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

interface SessionRow {
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

export async function getSession(db: Queryable, sessionId: string): Promise<StoredSession | null> {
  const { rows } = await db.query<SessionRow>(
    `SELECT session_id, profile, config, persist, peer, subject, started_at, ended_at, status, stats
       FROM stream_sessions WHERE session_id = $1`,
    [sessionId],
  );
  const row = rows[0];
  return row ? toSession(row) : null;
}

export interface ListSegmentsOptions {
  /** Only segments with ordinal greater than this (keyset paging). */
  afterOrdinal?: number;
  limit?: number;
}

/** A session's segments in arrival order. */
export async function listSegments(
  db: Queryable,
  sessionId: string,
  options: ListSegmentsOptions = {},
): Promise<StoredSegment[]> {
  const { rows } = await db.query<SegmentRow>(
    `SELECT session_id, ordinal, seq, segment_id, is_final, start_ms, end_ms, speaker,
            raw, processed, edits, flags, needs_review, created_at
       FROM segments
      WHERE session_id = $1 AND ordinal > $2
      ORDER BY ordinal
      LIMIT $3`,
    [sessionId, options.afterOrdinal ?? -1, options.limit ?? null],
  );
  return rows.map(toSegment);
}

function toSession(row: SessionRow): StoredSession {
  return {
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
