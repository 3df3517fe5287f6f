// Where revoked token ids live: Redis when configured (shared by the fleet
// without touching the database), PostgreSQL otherwise. Both keep an id only
// until the token would have expired anyway, so the list stays small.
import type { Redis } from "ioredis";
import type pg from "pg";

export interface RevocationStore {
  revoke(jti: string, expiresAt: Date): Promise<void>;
  /** Ids revoked whose tokens have not expired yet. */
  active(): Promise<string[]>;
}

export class PgRevocationStore implements RevocationStore {
  constructor(private readonly pool: pg.Pool) {}

  async revoke(jti: string, expiresAt: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO token_revocations (jti, expires_at) VALUES ($1, $2)
       ON CONFLICT (jti) DO UPDATE SET expires_at = GREATEST(token_revocations.expires_at, EXCLUDED.expires_at)`,
      [jti, expiresAt],
    );
  }

  async active(): Promise<string[]> {
    await this.pool.query("DELETE FROM token_revocations WHERE expires_at <= now()");
    const { rows } = await this.pool.query<{ jti: string }>("SELECT jti FROM token_revocations");
    return rows.map((r) => r.jti);
  }
}

/** One sorted set: member = jti, score = the token's expiry in ms. */
export class RedisRevocationStore implements RevocationStore {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix = "lipi:",
  ) {
    this.key = `${prefix}revoked-tokens`;
  }

  async revoke(jti: string, expiresAt: Date): Promise<void> {
    // GT adds a new id, and a later expiry wins when the same id is revoked twice.
    await this.redis.zadd(this.key, "GT", expiresAt.getTime(), jti);
  }

  async active(): Promise<string[]> {
    const now = Date.now();
    await this.redis.zremrangebyscore(this.key, "-inf", now);
    return this.redis.zrangebyscore(this.key, now, "+inf");
  }
}
