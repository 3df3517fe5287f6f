// Rate limit buckets and revoked token ids, in-process and in the shared
// stores (real Redis at 127.0.0.1:6379, real PostgreSQL).
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis } from "../../src/security/index.js";
import { InProcessRateLimiter, RedisRateLimiter } from "../../src/security/rate-limit.js";
import { RevocationList } from "../../src/security/revocation-list.js";
import { StreamSlots } from "../../src/security/stream-slots.js";
import { migrate } from "../../src/store/migrate.js";
import { PgRevocationStore, RedisRevocationStore, type RevocationStore } from "../../src/store/revocations.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { createTestSchema } from "../helpers/postgres.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `lipi-test-${randomBytes(4).toString("hex")}:`;

describe("in-process token buckets", () => {
  it("allow the burst, refuse with the exact wait for one token, and refill at the rate", () => {
    let now = 0;
    const limiter = new InProcessRateLimiter({ callsPerSecond: 4, burst: 2, maxTrackedSubjects: 10 }, () => now);
    expect(limiter.take("a")).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(limiter.take("a")).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterMs: 250 });
    expect(limiter.take("b").allowed).toBe(true); // per subject
    now = 100;
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterMs: 150 });
    now = 250;
    expect(limiter.take("a").allowed).toBe(true);
    now = 10_000; // a long pause refills only up to the burst
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")].map((d) => d.allowed)).toEqual([true, true, false]);
  });

  it("keep at most maxTrackedSubjects buckets, dropping the least recently used", () => {
    const limiter = new InProcessRateLimiter({ callsPerSecond: 1, burst: 1, maxTrackedSubjects: 3 }, () => 0);
    for (const s of ["a", "b", "c"]) limiter.take(s);
    limiter.take("a"); // a is now the most recent
    limiter.take("d");
    expect(limiter.trackedSubjects).toBe(3);
    expect(limiter.take("a").allowed).toBe(false); // still tracked, still empty
    expect(limiter.take("b").allowed).toBe(true); // dropped, so a fresh bucket
  });
});

describe("stream slots", () => {
  it("count open streams per subject and give a slot back once per release", () => {
    const slots = new StreamSlots(2);
    const first = slots.acquire("s")!;
    const second = slots.acquire("s")!;
    expect(slots.acquire("s")).toBeUndefined();
    expect(slots.acquire("t")).toBeDefined();
    first();
    first(); // twice is once
    expect(slots.openFor("s")).toBe(1);
    expect(slots.acquire("s")).toBeDefined();
    second();
  });
});

describe("with Redis", () => {
  let one: Redis;
  let two: Redis;
  beforeAll(async () => {
    one = await connectRedis(REDIS_URL);
    two = await connectRedis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await one.keys(`${prefix}*`);
    if (keys.length) await one.del(...keys);
    await one.quit();
    await two.quit();
  });

  it("rate limits hold across instances: two limiters share one bucket per subject", async () => {
    const settings = { callsPerSecond: 1, burst: 3, maxTrackedSubjects: 10 };
    const a = new RedisRateLimiter(one, settings, silentLogger, `${prefix}rate:`);
    const b = new RedisRateLimiter(two, settings, silentLogger, `${prefix}rate:`);
    const decisions = [await a.take("shared"), await b.take("shared"), await a.take("shared"), await b.take("shared")];
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]!.retryAfterMs).toBeGreaterThan(0);
    expect(decisions[3]!.retryAfterMs).toBeLessThanOrEqual(1_000);
    expect((await b.take("someone-else")).allowed).toBe(true);
    expect(await one.pttl(`${prefix}rate:shared`)).toBeGreaterThan(0); // idle buckets expire
  });

  it("fall back to in-process buckets while Redis cannot be reached", async () => {
    const offline = new Redis("redis://127.0.0.1:1", { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    offline.on("error", () => undefined);
    const limiter = new RedisRateLimiter(offline, { callsPerSecond: 1, burst: 1, maxTrackedSubjects: 10 }, silentLogger);
    expect((await limiter.take("x")).allowed).toBe(true);
    expect((await limiter.take("x")).allowed).toBe(false);
    offline.disconnect();
  });

  it("keep revoked ids until the token's expiry", async () => {
    const store = new RedisRevocationStore(one, prefix);
    await store.revoke("live", new Date(Date.now() + 60_000));
    await store.revoke("gone", new Date(Date.now() - 1));
    expect(await store.active()).toEqual(["live"]);
    expect(await one.zscore(`${prefix}revoked-tokens`, "gone")).toBeNull(); // pruned
  });
});

describe("with PostgreSQL", () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let pool: pg.Pool;
  beforeAll(async () => {
    schema = await createTestSchema();
    await migrate(schema.connectionString, "up", silentLogger);
    pool = new pg.Pool({ connectionString: schema.connectionString, max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await schema?.drop();
  });

  it("keep revoked ids until expiry; revoking again keeps the later expiry", async () => {
    const store = new PgRevocationStore(pool);
    const later = new Date(Date.now() + 120_000);
    await store.revoke("pg-live", later);
    await store.revoke("pg-live", new Date(Date.now() + 1_000));
    await store.revoke("pg-gone", new Date(Date.now() - 1));
    expect(await store.active()).toEqual(["pg-live"]);
    const { rows } = await pool.query("SELECT jti, expires_at FROM token_revocations");
    expect(rows).toEqual([{ jti: "pg-live", expires_at: later }]);
  });

  it("each instance's list picks up revocations made elsewhere within refreshMs, and keeps its list when the store fails", async () => {
    let failing = false;
    const real = new PgRevocationStore(pool);
    const flaky: RevocationStore = {
      revoke: (jti, at) => real.revoke(jti, at),
      active: () => (failing ? Promise.reject(new Error("database down")) : real.active()),
    };
    const list = new RevocationList(flaky, 50, silentLogger);
    await list.start();
    expect(list.has("elsewhere")).toBe(false);
    await new PgRevocationStore(pool).revoke("elsewhere", new Date(Date.now() + 60_000));
    await new Promise((r) => setTimeout(r, 150));
    expect(list.has("elsewhere")).toBe(true);

    failing = true;
    await list.refresh();
    expect(list.has("elsewhere")).toBe(true);
    await list.revoke("here", new Date(Date.now() + 60_000));
    expect(list.has("here")).toBe(true); // at once, without waiting for a refresh
    list.stop();
  });
});
