// Streams and their processed segments. Plain SQL (no builder DSL) so what
// runs on PGlite and PostgreSQL is exactly what is reviewed here. Tables are
// unqualified: the migration runner sets search_path to the target schema.
//
// A stream is one gRPC call and gets a server-generated uuid. A session is the
// client's label (StreamConfig.session_id) and may span several streams: a
// client resuming after a network blip, or two streams sharing an id. Rows are
// keyed by stream so streams of one session can never collide.
import type { MigrationBuilder } from "node-pg-migrate";

export function up(pgm: MigrationBuilder): void {
  pgm.sql(`
    CREATE TABLE streams (
      stream_id   uuid PRIMARY KEY,
      session_id  text NOT NULL,
      profile     text NOT NULL,
      config      jsonb NOT NULL DEFAULT '{}'::jsonb,
      persist     boolean NOT NULL,
      peer        text,
      subject     text,
      started_at  timestamptz NOT NULL DEFAULT now(),
      ended_at    timestamptz,
      status      text NOT NULL DEFAULT 'open',
      stats       jsonb NOT NULL DEFAULT '{}'::jsonb
    );
    -- A session's streams in start order (not unique: a session resumes).
    CREATE INDEX streams_session_id_idx ON streams (session_id, started_at);
    CREATE INDEX streams_started_at_idx ON streams (started_at);

    -- ordinal is the writer's arrival order within the stream (0, 1, 2 ...);
    -- seq and segment_id are what the client sent and need not be unique
    -- (interim revisions reuse them, a resumed session restarts them). Keying
    -- on (stream_id, ordinal) makes a retried batch idempotent (ON CONFLICT DO
    -- NOTHING) after an ambiguous commit. session_id is denormalised from the
    -- stream so a session's segments are read without a lookup per stream.
    CREATE TABLE segments (
      stream_id     uuid NOT NULL REFERENCES streams (stream_id) ON DELETE CASCADE,
      session_id    text NOT NULL,
      ordinal       integer NOT NULL,
      seq           bigint NOT NULL,
      segment_id    text NOT NULL,
      is_final      boolean NOT NULL,
      start_ms      bigint NOT NULL,
      end_ms        bigint NOT NULL,
      speaker       text,
      raw           jsonb NOT NULL,
      processed     jsonb NOT NULL,
      edits         jsonb NOT NULL DEFAULT '[]'::jsonb,
      flags         jsonb NOT NULL DEFAULT '[]'::jsonb,
      needs_review  boolean NOT NULL DEFAULT false,
      created_at    timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (stream_id, ordinal)
    );
    CREATE INDEX segments_session_id_idx ON segments (session_id);
    -- The review queue reads only flagged segments, oldest first; a partial
    -- index stays small because most segments need no review.
    CREATE INDEX segments_needs_review_idx ON segments (created_at, stream_id, ordinal) WHERE needs_review;
  `);
}

export function down(pgm: MigrationBuilder): void {
  pgm.sql(`
    DROP TABLE segments;
    DROP TABLE streams;
  `);
}
