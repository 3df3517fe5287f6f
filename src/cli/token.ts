// `lipi token mint` signs a token with the dev HS256 secret (for trying lipi
// and for tests; production tokens come from an identity provider), and
// `lipi token revoke` records a token id as revoked where every instance
// reads it: Redis when configured, else the database.
import { Command, Option } from "commander";
import type { LipiConfig } from "../config/schema.js";
import { connectRedis } from "../security/index.js";
import { ROLES } from "../security/rbac.js";
import { mintWithSecretFile, parseDurationSec } from "../security/tokens.js";
import { openDatabase } from "../store/db.js";
import { migrate } from "../store/migrate.js";
import { PgRevocationStore, RedisRevocationStore } from "../store/revocations.js";
import { createLogger } from "../telemetry/logger.js";
import { configFor } from "./common.js";

export function registerToken(program: Command): void {
  const token = program.command("token").description("mint (dev HS256) and revoke bearer tokens");

  token
    .command("mint")
    .description("print a token signed with the HS256 secret (auth.keySource: hs256 only)")
    .requiredOption("--sub <subject>", "the token's subject (who the caller is)")
    .addOption(new Option("--role <role...>", "role(s) the token grants").choices([...ROLES]).makeOptionMandatory())
    .option("--ttl <duration>", "lifetime: 90s, 30m, 1h, 7d", "1h")
    .action(async (opts: { sub: string; role: string[]; ttl: string }, command: Command) => {
      const config = configFor(command);
      const { auth } = config;
      if (auth.keySource !== "hs256") fail(`token mint signs with the HS256 secret, but auth.keySource is ${auth.keySource}: tokens come from your identity provider`);
      let ttlSec: number;
      try {
        ttlSec = parseDurationSec(opts.ttl);
      } catch (err) {
        fail(`--ttl: ${(err as Error).message}`);
      }
      const minted = await mintWithSecretFile(auth, { subject: opts.sub, roles: opts.role, ttlSec });
      process.stdout.write(`${minted.token}\n`);
      process.stderr.write(`jti ${minted.jti}, expires ${minted.expiresAt.toISOString()}\n`);
    });

  token
    .command("revoke")
    .description("revoke a token by its jti, on every instance (within auth.revocation.refreshMs)")
    .argument("<jti>", "the token's id (its jti claim)")
    .option("--until <time>", "keep the revocation until this ISO time (the token's expiry); default: auth.revocation.defaultRetentionSec from now")
    .action(async (jti: string, opts: { until?: string }, command: Command) => {
      const config = configFor(command);
      const until = opts.until ? new Date(opts.until) : new Date(Date.now() + config.auth.revocation.defaultRetentionSec * 1000);
      if (Number.isNaN(until.getTime())) fail(`--until: "${opts.until}" is not a time`);
      await revoke(config, jti, until);
      process.stderr.write(`revoked ${jti} until ${until.toISOString()}\n`);
    });
}

async function revoke(config: LipiConfig, jti: string, until: Date): Promise<void> {
  const logger = createLogger(config.log);
  if (config.redis.url !== "") {
    const redis = await connectRedis(config.redis.url);
    try {
      await new RedisRevocationStore(redis).revoke(jti, until);
    } finally {
      await redis.quit();
    }
    return;
  }
  const database = await openDatabase(config.store, logger);
  try {
    if (config.store.migrateOnStart) await migrate(database.connectionString, "up", logger);
    await new PgRevocationStore(database.pool).revoke(jti, until);
  } finally {
    await database.close();
  }
}

function fail(message: string): never {
  process.stderr.write(`lipi: ${message}\n`);
  process.exit(2);
}
