// Revoked JWT ids (`lipi token revoke`), read by every instance when Redis is
// not configured. A row is only needed until the token would have expired
// anyway; expired rows are deleted as instances refresh their list.
import type { MigrationBuilder } from "node-pg-migrate";

export function up(pgm: MigrationBuilder): void {
  pgm.sql(`
    CREATE TABLE token_revocations (
      jti         text PRIMARY KEY,
      revoked_at  timestamptz NOT NULL DEFAULT now(),
      expires_at  timestamptz NOT NULL
    );
    CREATE INDEX token_revocations_expires_at_idx ON token_revocations (expires_at);
  `);
}

export function down(pgm: MigrationBuilder): void {
  pgm.sql(`DROP TABLE token_revocations;`);
}
