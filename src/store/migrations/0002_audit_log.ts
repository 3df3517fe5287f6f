// The audit log: an append-only, hash-chained table (src/store/audit-chain.ts
// defines the hash) and a one-row chain head.
//
// seq is assigned by the writer under the head's row lock, not by a sequence:
// a rolled-back insert would burn sequence values and leave gaps that look
// exactly like deleted rows. With seq = head.seq + 1 inside the transaction a
// gap can only mean a deletion.
//
// The head (last seq and hash) is updated in the same transaction as the
// rows. Locking it (SELECT … FOR UPDATE) serialises appends from every lipi
// instance sharing the database, so the chain never forks; and it records
// where the chain ended, so rows cut off the end are noticed too.
//
// The triggers refuse UPDATE and DELETE on the log (and TRUNCATE) for the
// application as defence in depth. They do not make the log tamper-proof — a
// table owner can disable them — which is what the hash chain is for.
import type { MigrationBuilder } from "node-pg-migrate";

export function up(pgm: MigrationBuilder): void {
  pgm.sql(`
    CREATE TABLE audit_log (
      seq          bigint PRIMARY KEY CHECK (seq > 0),
      at           timestamptz NOT NULL,
      subject      text,
      roles        text[] NOT NULL,
      method       text NOT NULL,
      resource_ids jsonb NOT NULL,
      code         integer NOT NULL,
      message      text NOT NULL,
      duration_ms  double precision NOT NULL,
      peer         text NOT NULL,
      request_id   text NOT NULL,
      counts       jsonb,
      prev_hash    text NOT NULL,
      hash         text NOT NULL
    );
    CREATE INDEX audit_log_at_idx ON audit_log (at);
    CREATE INDEX audit_log_subject_idx ON audit_log (subject, seq);
    CREATE INDEX audit_log_method_idx ON audit_log (method, seq);
    -- verify looks rows up by hash and prev_hash to tell a moved row from an edited one.
    CREATE INDEX audit_log_hash_idx ON audit_log (hash);
    CREATE INDEX audit_log_prev_hash_idx ON audit_log (prev_hash);

    CREATE TABLE audit_log_head (
      singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      seq        bigint NOT NULL,
      hash       text NOT NULL
    );
    INSERT INTO audit_log_head (seq, hash) VALUES (0, repeat('0', 64));

    CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END
    $$;
    CREATE TRIGGER audit_log_append_only
      BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
    CREATE TRIGGER audit_log_no_truncate
      BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
  `);
}

export function down(pgm: MigrationBuilder): void {
  pgm.sql(`
    DROP TABLE audit_log_head;
    DROP TABLE audit_log;
    DROP FUNCTION audit_log_refuse_change();
  `);
}
