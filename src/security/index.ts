// Builds the security layer from config: token verifier, revocation list
// (Redis or PostgreSQL), rate limiter (Redis or in-process), stream slots,
// and the gate that combines them; plus the dev admin token when lipi runs
// with the generated HS256 secret on a loopback address.
import { Redis } from "ioredis";
import type pg from "pg";
import type { LipiConfig } from "../config/schema.js";
import { PgRevocationStore, RedisRevocationStore, type RevocationStore } from "../store/revocations.js";
import type { Logger } from "../telemetry/logger.js";
import { CallGate } from "./gate.js";
import { createVerifier } from "./jwt.js";
import { InProcessRateLimiter, RedisRateLimiter, type RateLimiter } from "./rate-limit.js";
import { RevocationList } from "./revocation-list.js";
import { StreamSlots } from "./stream-slots.js";
import { isLoopback } from "./tls.js";
import { mintWithSecretFile, parseDurationSec } from "./tokens.js";

export interface Security {
  gate: CallGate;
  /** Revoked token ids; undefined when auth is off. */
  revocations: RevocationList | undefined;
  /** An admin token printed at start (hs256, loopback only). */
  devToken: string | undefined;
  close(): Promise<void>;
}

/** A Redis client that fails fast instead of queueing commands while disconnected. */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  // Errors surface through the failing commands (and are logged there); an
  // unhandled 'error' event would take the process down.
  redis.on("error", () => undefined);
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect(); // stop its reconnect loop
    throw err;
  }
  return redis;
}

export function revocationStore(redis: Redis | undefined, pool: pg.Pool): RevocationStore {
  return redis ? new RedisRevocationStore(redis) : new PgRevocationStore(pool);
}

export async function startSecurity(config: LipiConfig, pool: pg.Pool, logger: Logger): Promise<Security> {
  const log = logger.child({ component: "auth" });
  const { auth, limits } = config;
  const redis = config.redis.url !== "" ? await connectRedis(config.redis.url) : undefined;
  try {
    const verifier = auth.enabled ? await createVerifier(auth) : undefined;
    let revocations: RevocationList | undefined;
    if (auth.enabled) {
      revocations = new RevocationList(revocationStore(redis, pool), auth.revocation.refreshMs, log);
      await revocations.start();
    }
    const rateLimiter: RateLimiter = redis ? new RedisRateLimiter(redis, limits.rate, log) : new InProcessRateLimiter(limits.rate);
    const gate = new CallGate({ auth, limits, verifier, revocations, rateLimiter, streamSlots: new StreamSlots(limits.maxConcurrentStreamsPerSubject) });
    if (!auth.enabled) log.warn("authentication is off: every caller may call every method");
    const devToken = await devAdminToken(config);
    if (devToken) log.info({ token: devToken }, `dev admin token (HS256, valid ${auth.devTokenTtl}): export LIPI_TOKEN=${devToken}`);
    return {
      gate,
      revocations,
      devToken,
      async close() {
        revocations?.stop();
        await redis?.quit().catch(() => undefined);
      },
    };
  } catch (err) {
    redis?.disconnect();
    throw err;
  }
}

/** An admin token to try lipi with: only for the generated HS256 secret on a loopback address. */
export async function devAdminToken(config: LipiConfig): Promise<string | undefined> {
  const { auth } = config;
  if (!auth.enabled || auth.keySource !== "hs256" || !auth.printDevToken || !isLoopback(config.server.host)) return undefined;
  const minted = await mintWithSecretFile(auth, { subject: "dev-admin", roles: ["admin"], ttlSec: parseDurationSec(auth.devTokenTtl) });
  return minted.token;
}
