// The gate on its own: public methods, auth switched off, and the dev token
// that is only ever made for a loopback, HS256 start.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { CallGate, type CallMethod } from "../../src/security/gate.js";
import { devAdminToken } from "../../src/security/index.js";
import { createVerifier } from "../../src/security/jwt.js";
import { InProcessRateLimiter } from "../../src/security/rate-limit.js";
import { StreamSlots } from "../../src/security/stream-slots.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lipi-gate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PROCESS: CallMethod = { path: "/lipi.v1.TranscriptService/Process", requestStream: false, responseStream: false };
const STREAM: CallMethod = { path: "/lipi.v1.TranscriptService/StreamProcess", requestStream: true, responseStream: true };
const HEALTH: CallMethod = { path: "/grpc.health.v1.Health/Check", requestStream: false, responseStream: false };

function gateFor(overrides: Record<string, unknown>) {
  const config = loadConfig({ env: {}, overrides });
  return new CallGate({
    auth: config.auth,
    limits: config.limits,
    verifier: undefined,
    revocations: undefined,
    rateLimiter: new InProcessRateLimiter(config.limits.rate),
    streamSlots: new StreamSlots(config.limits.maxConcurrentStreamsPerSubject),
  });
}

describe("the gate", () => {
  it("lets health through without looking at the token, and without using up any limit", async () => {
    const gate = gateFor({ limits: { rate: { callsPerSecond: 1, burst: 1 } } });
    for (let i = 0; i < 3; i++) {
      expect(await gate.admit(HEALTH, "Bearer garbage", "ipv4:10.0.0.1:1")).toMatchObject({ allowed: true, principal: null });
    }
  });

  it("with auth off, allows every method and applies limits per client address", async () => {
    const gate = gateFor({ auth: { enabled: false }, limits: { rate: { callsPerSecond: 1, burst: 1 }, maxConcurrentStreamsPerSubject: 1 } });
    expect(await gate.admit(PROCESS, undefined, "ipv4:10.0.0.1:5000")).toMatchObject({ allowed: true, principal: null });
    expect(await gate.admit(PROCESS, undefined, "ipv4:10.0.0.1:5001")).toMatchObject({ allowed: false, code: status.RESOURCE_EXHAUSTED });
    const other = await gate.admit(STREAM, undefined, "ipv4:10.0.0.2:5000");
    expect(other.allowed).toBe(true);
  });
});

describe("the dev admin token", () => {
  const base = () => ({ auth: { hs256: { secretFile: join(dir, "dev.key") } } });

  it("is made for an HS256 start on loopback and verifies as admin", async () => {
    const config = loadConfig({ env: {}, overrides: { ...base(), server: { host: "127.0.0.1" } } });
    const token = await devAdminToken(config);
    expect(token).toBeDefined();
    expect(await (await createVerifier(config.auth)).verify(token!)).toMatchObject({ subject: "dev-admin", roles: ["admin"] });
  });

  it("is never made on a non-loopback address, with another key source, or when switched off", async () => {
    const on = (overrides: Record<string, unknown>) => devAdminToken(loadConfig({ env: {}, overrides: { ...base(), ...overrides } }));
    expect(await on({ server: { host: "0.0.0.0" } })).toBeUndefined();
    expect(await on({ auth: { ...base().auth, keySource: "jwks", jwks: { url: "https://id.example.com/jwks" } } })).toBeUndefined();
    expect(await on({ auth: { ...base().auth, printDevToken: false } })).toBeUndefined();
  });
});
