// RBAC: the method → permission table covers every method the server
// serves, and the full method × role matrix holds on a running server:
// every allowed pair gets through, every other pair is PERMISSION_DENIED
// naming the permission, and each call leaves an audit record with its code.
import { Client, credentials, Metadata, status, type ServiceError } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerTokenInterceptor, segment, streamConfig } from "../../src/client/lipi-client.js";
import { ProcessRequest, StreamProcessRequest } from "../../src/gen/lipi/v1/transcript.js";
import { CallGate } from "../../src/security/gate.js";
import { InProcessRateLimiter } from "../../src/security/rate-limit.js";
import { accessFor, METHOD_ACCESS, PUBLIC, ROLES, rolesGrant } from "../../src/security/rbac.js";
import { StreamSlots } from "../../src/security/stream-slots.js";
import type { ServedMethod } from "../../src/server/server.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { MemoryAuditSink, newRequestId } from "./support.js";

const audit = new MemoryAuditSink();
let lipi: TestLipi;
beforeAll(async () => {
  lipi = await startTestLipi("postgres", { auth: { reflection: "authenticated" } }, { auditSink: audit });
});
afterAll(async () => {
  await lipi?.stop();
});

/** Requests that succeed when the call is allowed; other methods get an empty message. */
const SAMPLES: Record<string, Buffer[]> = {
  "/lipi.v1.TranscriptService/Process": [
    Buffer.from(ProcessRequest.encode({ config: streamConfig(), segments: [segment({ text: "um hello" })] }).finish()),
  ],
  "/lipi.v1.TranscriptService/StreamProcess": [
    Buffer.from(StreamProcessRequest.encode({ request: { $case: "config", value: streamConfig() } }).finish()),
    Buffer.from(StreamProcessRequest.encode({ request: { $case: "segment", value: segment({ text: "uh two" }) } }).finish()),
  ],
  // ServerReflectionRequest { list_services: "" } (field 7).
  "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo": [Buffer.from([0x3a, 0x00])],
  "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo": [Buffer.from([0x3a, 0x00])],
};

/**
 * The matrix as ARCHITECTURE.md states it, written out independently of the
 * table for the methods that exist today; methods added later are checked
 * against the table itself.
 */
const EXPECTED: Record<string, readonly string[] | "public"> = {
  "/lipi.v1.TranscriptService/Process": ["admin", "operator"],
  "/lipi.v1.TranscriptService/StreamProcess": ["admin", "operator"],
  "/grpc.health.v1.Health/Check": "public",
  "/grpc.health.v1.Health/Watch": "public",
  "/grpc.health.v1.Health/List": "public",
  "/lipi.v1.AuditService/QueryAuditLog": ["admin"],
  "/lipi.v1.AuditService/VerifyAuditLog": ["admin"],
  "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo": ROLES,
  "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo": ROLES,
};

interface Outcome {
  code: status;
  details: string;
  /** Messages received (a stream may be cancelled after its first). */
  messages: number;
}

const identity = (b: Buffer) => b;

function call(client: Client, method: ServedMethod, requestId: string): Promise<Outcome> {
  const metadata = new Metadata();
  metadata.set("x-request-id", requestId);
  const requests = SAMPLES[method.path] ?? [Buffer.alloc(0)];
  return new Promise((resolve) => {
    let messages = 0;
    const done = (err: ServiceError | null) => resolve({ code: err?.code ?? status.OK, details: err?.details ?? "", messages });
    if (!method.requestStream && !method.responseStream) {
      client.makeUnaryRequest(method.path, identity, identity, requests[0]!, metadata, (err) => {
        if (!err) messages++;
        done(err);
      });
      return;
    }
    if (!method.requestStream) {
      // Server streams (health Watch) never end by themselves: the first message proves the call got through.
      const stream = client.makeServerStreamRequest(method.path, identity, identity, requests[0]!, metadata);
      stream.on("data", () => {
        messages++;
        stream.cancel();
      });
      stream.on("error", (err: ServiceError) => done(err.code === status.CANCELLED && messages > 0 ? null : err));
      stream.on("end", () => done(null));
      return;
    }
    if (!method.responseStream) {
      const stream = client.makeClientStreamRequest(method.path, identity, identity, metadata, (err) => done(err));
      for (const r of requests) stream.write(r);
      stream.end();
      return;
    }
    const stream = client.makeBidiStreamRequest(method.path, identity, identity, metadata);
    stream.on("data", () => messages++);
    stream.on("error", (err: ServiceError) => done(err));
    stream.on("status", (s: { code: status }) => {
      if (s.code === status.OK) done(null);
    });
    for (const r of requests) stream.write(r);
    stream.end();
  });
}

describe("the permission table", () => {
  it("has a row for every method the server serves (its services, health and reflection)", () => {
    const served = lipi.lipi.server.methods.map((m) => m.path);
    expect(served).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
    const missing = served.filter((path) => !(path in METHOD_ACCESS));
    expect(missing).toEqual([]);
  });

  it("denies a method that has no row, even to admin", async () => {
    const gate = new CallGate({
      auth: lipi.config.auth,
      limits: lipi.config.limits,
      verifier: { verify: async () => ({ subject: "ada", roles: ["admin"], jti: undefined, expiresAt: new Date(Date.now() + 60_000) }) },
      revocations: undefined,
      rateLimiter: new InProcessRateLimiter(lipi.config.limits.rate),
      streamSlots: new StreamSlots(10),
    });
    const admission = await gate.admit({ path: "/lipi.v1.Hypothetical/Unlisted", requestStream: false, responseStream: false }, "Bearer x", "ipv4:127.0.0.1:1");
    expect(admission).toMatchObject({ allowed: false, code: status.PERMISSION_DENIED, principal: { subject: "ada" } });
    expect(!admission.allowed && admission.message).toMatch(/no entry in the permission table/);
  });

  it("gives reflection to every role, or to anyone when auth.reflection is public", () => {
    const reflection = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
    expect(accessFor(reflection, { publicReflection: true })).toBe(PUBLIC);
    expect(accessFor(reflection, { publicReflection: false })).toBe("reflection.read");
    for (const role of ROLES) expect(rolesGrant([role], "reflection.read")).toBe(true);
    expect(rolesGrant(["superuser"], "reflection.read")).toBe(false);
  });
});

describe("method × role matrix on a running server", () => {
  const roles: Array<readonly string[]> = [...ROLES.map((r) => [r] as const), [], ["superuser"]];

  it("lets every allowed pair through and denies every other pair with the permission named", async () => {
    const tokens = new Map<string, string>();
    for (const r of roles) tokens.set(r.join(","), (await lipi.mint(r, { subject: `matrix-${r.join("-") || "none"}` })).token);
    const checked: string[] = [];
    for (const method of lipi.lipi.server.methods) {
      const access = METHOD_ACCESS[method.path]!;
      for (const r of roles) {
        const expected = EXPECTED[method.path];
        const allowed =
          expected === "public" || access === PUBLIC ? true : expected ? expected.some((role) => r.includes(role)) : rolesGrant(r, access);
        const client = new Client(lipi.address, credentials.createInsecure(), { interceptors: [bearerTokenInterceptor(tokens.get(r.join(","))!)] });
        const requestId = newRequestId("matrix");
        const outcome = await call(client, method, requestId);
        client.close();
        const pair = `${method.path} as [${r.join(",")}]`;
        if (allowed) {
          expect([status.UNAUTHENTICATED, status.PERMISSION_DENIED, status.UNIMPLEMENTED], pair).not.toContain(outcome.code);
          if (SAMPLES[method.path] || !method.requestStream) {
            expect(outcome.code, `${pair}: ${outcome.details}`).toBe(status.OK);
            expect(outcome.messages, pair).toBeGreaterThan(0);
          }
        } else {
          expect(outcome.code, pair).toBe(status.PERMISSION_DENIED);
          expect(outcome.details, pair).toContain(`needs permission ${access}`);
        }
        const entry = await audit.forRequest(requestId);
        expect(entry.method, pair).toBe(method.path);
        // A server stream the test cancelled after its first message is recorded as cancelled.
        if (!(method.responseStream && !method.requestStream)) expect(entry.code, pair).toBe(outcome.code);
        checked.push(pair);
      }
    }
    expect(checked.length).toBe(lipi.lipi.server.methods.length * roles.length);
  });
});
