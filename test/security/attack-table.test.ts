// The attack table: each row is a caller trying to get in with a bad or
// missing credential. Every row checks the status code the caller gets and
// the audit record the server wrote for the refused call.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Metadata, status } from "@grpc/grpc-js";
import { SignJWT } from "jose";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgRevocationStore } from "../../src/store/revocations.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { callProcess, MemoryAuditSink, newRequestId } from "./support.js";

const PROCESS = "/lipi.v1.TranscriptService/Process";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const nowSec = () => Math.floor(Date.now() / 1000);

/** What a well-formed token for the instance would carry. */
const claims = (sub = "mallory") => ({ sub, iss: "lipi", aud: "lipi", roles: ["admin"], exp: nowSec() + 3600, jti: `jti-${sub}` });

function unsignedToken(payload: object): string {
  return `${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`;
}

describe("attack table (HS256 instance)", () => {
  const audit = new MemoryAuditSink();
  let lipi: TestLipi;
  let db: pg.Pool;
  beforeAll(async () => {
    lipi = await startTestLipi("postgres", { auth: { revocation: { refreshMs: 100 } } }, { auditSink: audit });
    db = new pg.Pool({ connectionString: lipi.config.store.databaseUrl, max: 1 });
  });
  afterAll(async () => {
    await db?.end();
    await lipi?.stop();
  });

  interface Row {
    name: string;
    token: () => Promise<string | undefined>;
    /** Raw authorization value, when the row is about its shape. */
    authorization?: string;
    code: status;
    details: RegExp;
    /** Audited subject: null when the token could not be trusted. */
    subject: string | null;
  }

  const rows: Row[] = [
    { name: "no token", token: async () => undefined, code: status.UNAUTHENTICATED, details: /missing bearer token/, subject: null },
    { name: "not a bearer scheme", token: async () => undefined, authorization: "Basic YWxpY2U6cGFzcw==", code: status.UNAUTHENTICATED, details: /must be "Bearer <JWT>"/, subject: null },
    { name: "malformed token", token: async () => "not.a.jwt", code: status.UNAUTHENTICATED, details: /malformed token/, subject: null },
    { name: 'alg "none"', token: async () => unsignedToken(claims()), code: status.UNAUTHENTICATED, details: /algorithm not allowed|malformed/, subject: null },
    {
      name: "bad signature (another secret)",
      token: () => new SignJWT(claims()).setProtectedHeader({ alg: "HS256" }).sign(randomBytes(32)),
      code: status.UNAUTHENTICATED,
      details: /bad signature/,
      subject: null,
    },
    {
      name: "signature of another token spliced on",
      token: async () => {
        const genuine = (await lipi.mint(["viewer"], { subject: "victor" })).token;
        const [, , signature] = genuine.split(".");
        return `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims())}.${signature}`;
      },
      code: status.UNAUTHENTICATED,
      details: /bad signature/,
      subject: null,
    },
    { name: "expired", token: async () => (await lipi.mint(["admin"], { subject: "old", ttlSec: -3600 })).token, code: status.UNAUTHENTICATED, details: /token expired/, subject: null },
    { name: "nbf in the future", token: async () => (await lipi.mint(["admin"], { subject: "early", notBeforeSec: 3600 })).token, code: status.UNAUTHENTICATED, details: /not valid yet/, subject: null },
    { name: "wrong aud", token: async () => (await lipi.mint(["admin"], { audience: "another-service" })).token, code: status.UNAUTHENTICATED, details: /unexpected audience/, subject: null },
    { name: "wrong iss", token: async () => (await lipi.mint(["admin"], { issuer: "https://evil.example" })).token, code: status.UNAUTHENTICATED, details: /unexpected issuer/, subject: null },
    {
      name: "no exp",
      token: async () => {
        const { exp: _exp, ...rest } = claims();
        const secret = Buffer.from((await readFile(lipi.config.auth.hs256.secretFile, "utf8")).trim(), "base64url");
        return new SignJWT(rest).setProtectedHeader({ alg: "HS256" }).sign(secret);
      },
      code: status.UNAUTHENTICATED,
      details: /exp/,
      subject: null,
    },
    { name: "unknown role", token: async () => (await lipi.mint(["superuser"], { subject: "sam" })).token, code: status.PERMISSION_DENIED, details: /needs permission transcripts\.process; the caller's roles \(superuser\)/, subject: "sam" },
    { name: "no role at all", token: async () => (await lipi.mint([], { subject: "nora" })).token, code: status.PERMISSION_DENIED, details: /roles \(none\)/, subject: "nora" },
  ];

  for (const row of rows) {
    it(`${row.name}: ${status[row.code]} and an audit record of the refusal`, async () => {
      const token = await row.token();
      const client = lipi.clientWith(undefined);
      const requestId = newRequestId(row.name.replace(/\W+/g, "-"));
      const outcome = await new Promise<{ code: status; details: string }>((resolve) => {
        const metadata = new Metadata();
        metadata.set("x-request-id", requestId);
        const authorization = row.authorization ?? (token !== undefined ? `Bearer ${token}` : undefined);
        if (authorization) metadata.set("authorization", authorization);
        client.process({ config: undefined, segments: [] }, metadata, (err) => resolve(err ? { code: err.code, details: err.details } : { code: status.OK, details: "" }));
      });
      client.close();
      expect(outcome.code).toBe(row.code);
      expect(outcome.details).toMatch(row.details);

      const entry = await audit.forRequest(requestId);
      expect(entry).toMatchObject({ method: PROCESS, code: row.code, subject: row.subject, requestId });
      expect(entry.message).toMatch(row.details);
      expect(entry.peer).toMatch(/127\.0\.0\.1/);
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
      // Refused before the handler: no resources were touched.
      expect(entry.resourceIds).toEqual({});
    });
  }

  it("refusals are counted in the gRPC metrics with their codes, not as cancellations", async () => {
    const text = await (await fetch(`${lipi.observabilityUrl}/metrics`)).text();
    const handled = (code: string) =>
      Number(new RegExp(`grpc_server_handled_total\\{[^}]*grpc_method="Process"[^}]*grpc_code="${code}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
    const unauthenticatedRows = rows.filter((r) => r.code === status.UNAUTHENTICATED).length;
    const deniedRows = rows.filter((r) => r.code === status.PERMISSION_DENIED).length;
    expect(handled("Unauthenticated")).toBe(unauthenticatedRows);
    expect(handled("PermissionDenied")).toBe(deniedRows);
    expect(handled("Canceled")).toBe(0);
  });

  it("revoked jti: the token works until `lipi token revoke` records its id, then UNAUTHENTICATED", async () => {
    const minted = await lipi.mint(["operator"], { subject: "rita" });
    const client = lipi.clientWith(minted.token);
    const before = newRequestId("before-revoke");
    expect((await callProcess(client, before)).code).toBe(status.OK);
    expect(await audit.forRequest(before)).toMatchObject({ code: status.OK, subject: "rita", roles: ["operator"] });

    // Revoked through the store directly, as the CLI or another instance would.
    await new PgRevocationStore(db).revoke(minted.jti, minted.expiresAt);
    await new Promise((r) => setTimeout(r, 400)); // > auth.revocation.refreshMs
    const after = newRequestId("after-revoke");
    const outcome = await callProcess(client, after);
    client.close();
    expect(outcome.code).toBe(status.UNAUTHENTICATED);
    expect(outcome.details).toMatch(/token revoked/);
    // The signature was good, so the record names who tried.
    expect(await audit.forRequest(after)).toMatchObject({ code: status.UNAUTHENTICATED, subject: "rita", message: "token revoked" });
  });

  it("a valid token passes and the record names subject, roles, resources and counts", async () => {
    const { token } = await lipi.mint(["operator"], { subject: "olga" });
    const client = lipi.clientWith(token);
    const requestId = newRequestId("valid");
    const outcome = await callProcess(client, requestId);
    client.close();
    expect(outcome.code).toBe(status.OK);
    const entry = await audit.forRequest(requestId);
    expect(entry).toMatchObject({ subject: "olga", roles: ["operator"], method: PROCESS, code: status.OK, message: "" });
    expect(Object.keys(entry.resourceIds).sort()).toEqual(["session", "stream"]);
    expect(entry.counts).toEqual({ segmentsReceived: 1, segmentsProcessed: 1 });
  });
});

describe("attack table (RS256 public-key instance)", () => {
  const audit = new MemoryAuditSink();
  let lipi: TestLipi;
  let dir: string;
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lipi-rsa-"));
    await writeFile(join(dir, "public.pem"), publicPem);
    lipi = await startTestLipi("pglite", { auth: { keySource: "publicKeys", publicKeys: { file: join(dir, "public.pem"), algorithms: ["RS256"] } } }, { auditSink: audit });
  });
  afterAll(async () => {
    await lipi?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const attempt = async (token: string, label: string) => {
    const client = lipi.clientWith(token);
    const requestId = newRequestId(label);
    const outcome = await callProcess(client, requestId);
    client.close();
    return { outcome, entry: await audit.forRequest(requestId) };
  };

  it("accepts an RS256 token signed with the private key", async () => {
    const token = await new SignJWT({ ...claims("rachel"), roles: ["operator"] }).setProtectedHeader({ alg: "RS256" }).sign(privateKey);
    const { outcome, entry } = await attempt(token, "rs256-valid");
    expect(outcome.code).toBe(status.OK);
    expect(entry).toMatchObject({ code: status.OK, subject: "rachel", roles: ["operator"] });
  });

  it("key confusion: an HS256 token using the RSA public key as its secret is UNAUTHENTICATED", async () => {
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(publicPem));
    const { outcome, entry } = await attempt(token, "key-confusion");
    expect(outcome.code).toBe(status.UNAUTHENTICATED);
    expect(outcome.details).toMatch(/signing algorithm not allowed/);
    expect(entry).toMatchObject({ code: status.UNAUTHENTICATED, subject: null, method: PROCESS });
  });

  it('alg "none" is UNAUTHENTICATED here too', async () => {
    const { outcome, entry } = await attempt(unsignedToken(claims()), "rs-none");
    expect(outcome.code).toBe(status.UNAUTHENTICATED);
    expect(entry.code).toBe(status.UNAUTHENTICATED);
  });

  it("an RS256 token from another key pair has a bad signature", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: "RS256" }).sign(other);
    const { outcome, entry } = await attempt(token, "rs-other-key");
    expect(outcome.code).toBe(status.UNAUTHENTICATED);
    expect(outcome.details).toMatch(/bad signature/);
    expect(entry.message).toMatch(/bad signature/);
  });
});
