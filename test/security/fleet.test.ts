// Two instances sharing Redis, as a fleet does: a subject's rate limit holds
// across them, and a token revoked on one is refused by the other.
import { randomBytes } from "node:crypto";
import { status } from "@grpc/grpc-js";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeRetryDelayMs } from "../../src/server/errors.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { callProcess, MemoryAuditSink, newRequestId } from "./support.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const subject = `fleet-${randomBytes(4).toString("hex")}`; // Redis outlives the test: keys must not collide between runs
const audits = [new MemoryAuditSink(), new MemoryAuditSink()];
let fleet: TestLipi[] = [];

beforeAll(async () => {
  const overrides = {
    redis: { url: REDIS_URL },
    limits: { rate: { callsPerSecond: 1, burst: 4 } },
    auth: { revocation: { refreshMs: 100 } },
  };
  fleet = [await startTestLipi("postgres", overrides, { auditSink: audits[0]! }), await startTestLipi("postgres", overrides, { auditSink: audits[1]! })];
  for (const lipi of fleet) expect((await callProcess(lipi.client, newRequestId("warm-up"))).code).toBe(status.OK);
});
afterAll(async () => {
  for (const lipi of fleet) await lipi.stop();
  const redis = new Redis(REDIS_URL);
  await redis.del(`lipi:rate:sub:${subject}`);
  await redis.quit();
});

describe("a fleet sharing Redis", () => {
  it("holds a subject to one rate across instances", async () => {
    // Each instance has its own HS256 secret here; the subject is what the bucket is keyed by.
    const clients = await Promise.all(fleet.map(async (lipi) => lipi.clientWith((await lipi.mint(["operator"], { subject })).token)));
    const codes: status[] = [];
    for (let i = 0; i < 4; i++) codes.push((await callProcess(clients[i % 2]!, newRequestId("fleet-burst"))).code);
    expect(codes).toEqual([status.OK, status.OK, status.OK, status.OK]);

    const requestId = newRequestId("fleet-over");
    const refused = await callProcess(clients[1]!, requestId); // the other instance saw only two of this subject's calls
    expect(refused.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(decodeRetryDelayMs(refused.trailers)).toBeGreaterThan(0);
    expect(await audits[1]!.forRequest(requestId)).toMatchObject({ code: status.RESOURCE_EXHAUSTED, subject });
    for (const c of clients) c.close();
  });

  it("refuses on every instance a token revoked on one", async () => {
    const [a, b] = fleet as [TestLipi, TestLipi];
    // One token id on both instances (each signs with its own secret here).
    const onA = await a.mint(["viewer"], { subject: `revoked-${subject}` });
    const onB = await b.mint(["viewer"], { subject: `revoked-${subject}`, jti: onA.jti });
    await a.lipi.security.revocations!.revoke(onA.jti, onA.expiresAt);
    await new Promise((r) => setTimeout(r, 400)); // > auth.revocation.refreshMs
    const client = b.clientWith(onB.token);
    const requestId = newRequestId("revoked-elsewhere");
    const refused = await callProcess(client, requestId);
    client.close();
    expect(refused.code).toBe(status.UNAUTHENTICATED);
    expect(refused.details).toBe("token revoked");
    expect(await audits[1]!.forRequest(requestId)).toMatchObject({ code: status.UNAUTHENTICATED, subject: `revoked-${subject}` });
  });
});
