// Stream sessions and their processed segments. Plain SQL (no builder DSL) so
// what runs on PGlite and PostgreSQL is exactly what is reviewed here. Tables
// are unqualified: the migration runner sets search_path to the target schema.
import type { MigrationBuilder } from "node-pg-migrate";

export function up(pgm: MigrationBuilder): void {
  pgm.sql(`
    CREATE TABLE stream_sessions (
      session_id  text PRIMARY KEY,
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
    CREATE INDEX stream_sessions_started_at_idx ON stream_sessions (started_at);

    -- ordinal is the writer's arrival order within the session (0, 1, 2 ...);
    -- seq and segment_id are what the client sent and need not be unique
    -- (interim revisions reuse them). Keying on ordinal makes a retried batch
    -- idempotent (ON CONFLICT DO NOTHING) after an ambiguous commit.
    CREATE TABLE segments (
      session_id    text NOT NULL REFERENCES stream_sessions (session_id) ON DELETE CASCADE,
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
      PRIMARY KEY (session_id, ordinal)
    );
    -- The review queue reads only flagged segments, oldest first; a partial
    -- index stays small because most segments need no review.
    CREATE INDEX segments_needs_review_idx ON segments (created_at, session_id, ordinal) WHERE needs_review;
  `);
}

export function down(pgm: MigrationBuilder): void {
  pgm.sql(`
    DROP TABLE segments;
    DROP TABLE stream_sessions;
  `);
}
