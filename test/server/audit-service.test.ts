// AuditService over real gRPC on both backends: every call — allowed,
// denied, unauthenticated, a whole stream — lands in the audit log with who,
// what, outcome, peer and request id; QueryAuditLog filters and pages
// (newest or oldest first, tokens that cannot be misused); only admins may
// query or verify; VerifyAuditLog finds a row edited in SQL.
import { credentials, Metadata, status, type ServiceError } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerTokenInterceptor, segment, streamConfig } from "../../src/client/lipi-client.js";
import {
  AuditOrder,
  AuditServiceClient,
  AuditTamperKind,
  type AuditRecord,
  type QueryAuditLogRequest,
  type QueryAuditLogResponse,
  type VerifyAuditLogResponse,
} from "../../src/gen/lipi/v1/audit.js";
import { TranscriptServiceService, type ProcessResponse, type StreamProcessResponse } from "../../src/gen/lipi/v1/transcript.js";
import { decodeFieldViolations } from "../../src/server/errors.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { tamper } from "../store/audit-support.js";

const PROCESS = TranscriptServiceService.process.path;
const STREAM = TranscriptServiceService.streamProcess.path;

function unary<Req, Res>(fn: (req: Req, md: Metadata, cb: (err: ServiceError | null, res?: Res) => void) => unknown, req: Req, md = new Metadata()): Promise<Res> {
  return new Promise((resolve, reject) => fn(req, md, (err, res) => (err ? reject(err) : resolve(res!))));
}

function query(client: AuditServiceClient, request: Partial<QueryAuditLogRequest>): Promise<QueryAuditLogResponse> {
  return unary(client.queryAuditLog.bind(client), { order: AuditOrder.AUDIT_ORDER_UNSPECIFIED, pageSize: 0, pageToken: "", ...request });
}

function verify(client: AuditServiceClient): Promise<VerifyAuditLogResponse> {
  return unary(client.verifyAuditLog.bind(client), {});
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: number; fields: string[] }> {
  try {
    await promise;
  } catch (err) {
    const e = err as ServiceError;
    return { code: e.code, fields: decodeFieldViolations(e.metadata).map((v) => v.field) };
  }
  throw new Error("expected the call to fail");
}

describe.each(["pglite", "postgres"] as const)("AuditService on %s", (backend) => {
  let t: TestLipi;
  let admin: AuditServiceClient;
  const auditClient = (token: string | undefined) =>
    new AuditServiceClient(t.address, credentials.createInsecure(), token ? { interceptors: [bearerTokenInterceptor(token)] } : {});
  const clients: Array<{ close(): void }> = [];
  let startedAt: Date;

  /** Every record, oldest first, through the API. */
  async function allRecords(request: Partial<QueryAuditLogRequest> = {}): Promise<AuditRecord[]> {
    const records: AuditRecord[] = [];
    let pageToken = "";
    do {
      const page = await query(admin, { ...request, order: AuditOrder.AUDIT_ORDER_OLDEST_FIRST, pageSize: 1_000, pageToken });
      records.push(...page.records);
      pageToken = page.nextPageToken;
    } while (pageToken !== "");
    return records;
  }

  beforeAll(async () => {
    t = await startTestLipi(backend, { audit: { flushIntervalMs: 5 } });
    admin = auditClient(t.token);
    clients.push(admin);
    startedAt = new Date();
    const alice = t.clientWith((await t.mint(["operator"], { subject: "alice" })).token);
    const bob = t.clientWith((await t.mint(["viewer"], { subject: "bob" })).token);
    const nobody = t.clientWith(undefined);
    clients.push(alice, bob, nobody);
    const request = { config: streamConfig(), segments: [segment({ text: "um hello there" })] };
    for (let i = 0; i < 5; i++) {
      const md = new Metadata();
      md.set("x-request-id", `alice-${i}`);
      await unary<typeof request, ProcessResponse>(alice.process.bind(alice), request, md);
    }
    await expect(unary(bob.process.bind(bob), request)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(unary(nobody.process.bind(nobody), request)).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    // One stream with three segments: one record, with the stream's counts.
    await new Promise<void>((resolve, reject) => {
      const call = alice.streamProcess();
      call.on("data", (_: StreamProcessResponse) => undefined);
      call.on("error", reject);
      call.on("end", resolve);
      call.write({ request: { $case: "config", value: streamConfig() } });
      for (let i = 1; i <= 3; i++) call.write({ request: { $case: "segment", value: segment({ seq: i, text: `uh segment ${i}` }) } });
      call.end();
    });
    await t.lipi.auditLog.flush();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await t?.stop();
  });

  it("records every call, allowed or denied, with subject, roles, method, code, peer and request id", async () => {
    const aliceProcess = await allRecords({ subject: "alice", method: PROCESS });
    expect(aliceProcess.map((r) => r.requestId)).toEqual(["alice-0", "alice-1", "alice-2", "alice-3", "alice-4"]);
    for (const record of aliceProcess) {
      expect(record).toMatchObject({ roles: ["operator"], code: status.OK, message: "" });
      expect(record.peer).toMatch(/127\.0\.0\.1/);
      expect(record.durationMs).toBeGreaterThan(0);
      expect(record.time!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1_000);
    }
    const [denied] = await allRecords({ subject: "bob" });
    expect(denied).toMatchObject({ method: PROCESS, roles: ["viewer"], code: status.PERMISSION_DENIED });
    expect(denied!.message).not.toBe("");
    const unauthenticated = await allRecords({ method: PROCESS, code: status.UNAUTHENTICATED });
    expect(unauthenticated).toHaveLength(1);
    expect(unauthenticated[0]!.subject).toBeUndefined();
  });

  it("records a stream once, with its segment counts", async () => {
    const streams = await allRecords({ method: STREAM });
    expect(streams).toHaveLength(1);
    expect(streams[0]).toMatchObject({ subject: "alice", code: status.OK });
    expect(Object.values(streams[0]!.counts)).toContain(3);
  });

  it("filters by method, code and time range, combined", async () => {
    const all = await allRecords();
    const denied = await allRecords({ code: status.PERMISSION_DENIED });
    expect(denied.length).toBeGreaterThanOrEqual(1);
    expect(denied.every((r) => r.code === status.PERMISSION_DENIED)).toBe(true);
    expect(await allRecords({ startTime: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await allRecords({ endTime: new Date(startedAt.getTime() - 60_000) })).toEqual([]);
    const window = await allRecords({ startTime: all[2]!.time!, endTime: all[5]!.time! });
    expect(window.every((r) => r.time! >= all[2]!.time! && r.time! < all[5]!.time!)).toBe(true);
    expect(await allRecords({ subject: "alice", code: status.PERMISSION_DENIED })).toEqual([]);
  });

  it("pages newest first by default, oldest first on request, without gaps or repeats", async () => {
    const all = await allRecords();
    const seqs = all.map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const newest: number[] = [];
    let pageToken = "";
    let pages = 0;
    do {
      const page = await query(admin, { pageSize: 3, pageToken });
      expect(page.records.length).toBeLessThanOrEqual(3);
      newest.push(...page.records.map((r) => r.seq));
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken !== "" && pages < 100);
    // Calls made meanwhile (these queries) may add newer records; the pages walk down from where they began.
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    expect(new Set(newest).size).toBe(newest.length);
    expect(newest.at(-1)).toBe(1);
    expect(newest.length).toBeGreaterThanOrEqual(all.length);
    const first = await query(admin, { order: AuditOrder.AUDIT_ORDER_OLDEST_FIRST, pageSize: 2 });
    const second = await query(admin, { order: AuditOrder.AUDIT_ORDER_OLDEST_FIRST, pageSize: 2, pageToken: first.nextPageToken });
    expect([...first.records, ...second.records].map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });

  it("refuses bad page sizes, foreign or forged tokens and empty time windows with field violations", async () => {
    expect(await codeOf(query(admin, { pageSize: 5_000 }))).toEqual({ code: status.INVALID_ARGUMENT, fields: ["page_size"] });
    expect(await codeOf(query(admin, { pageSize: -1 }))).toEqual({ code: status.INVALID_ARGUMENT, fields: ["page_size"] });
    expect(await codeOf(query(admin, { pageToken: "not-a-token" }))).toEqual({ code: status.INVALID_ARGUMENT, fields: ["page_token"] });
    const newestToken = (await query(admin, { pageSize: 1 })).nextPageToken;
    expect(await codeOf(query(admin, { order: AuditOrder.AUDIT_ORDER_OLDEST_FIRST, pageToken: newestToken }))).toEqual({
      code: status.INVALID_ARGUMENT,
      fields: ["page_token"],
    });
    const now = new Date();
    expect(await codeOf(query(admin, { startTime: now, endTime: now }))).toEqual({ code: status.INVALID_ARGUMENT, fields: ["end_time"] });
    expect(await codeOf(query(admin, { code: 99 }))).toEqual({ code: status.INVALID_ARGUMENT, fields: ["code"] });
  });

  it("lets only admins query or verify", async () => {
    for (const role of ["operator", "reviewer", "viewer"]) {
      const client = auditClient((await t.mint([role], { subject: `${role}-user` })).token);
      clients.push(client);
      expect((await codeOf(query(client, {}))).code).toBe(status.PERMISSION_DENIED);
      expect((await codeOf(verify(client))).code).toBe(status.PERMISSION_DENIED);
    }
    const anonymous = auditClient(undefined);
    clients.push(anonymous);
    expect((await codeOf(verify(anonymous))).code).toBe(status.UNAUTHENTICATED);
  });

  it("verifies the chain, and pinpoints a row edited in SQL", async () => {
    await t.lipi.auditLog.flush();
    const intact = await verify(admin);
    expect(intact).toMatchObject({ ok: true, kind: AuditTamperKind.AUDIT_TAMPER_KIND_UNSPECIFIED, firstBadSeq: 0 });
    expect(intact.rowsChecked).toBeGreaterThanOrEqual(8);
    expect(intact.headHash).toMatch(/^[0-9a-f]{64}$/);

    const pool = t.lipi.database.pool;
    const original = (await pool.query<{ subject: string }>("SELECT subject FROM audit_log WHERE seq = 3")).rows[0]!.subject;
    await tamper(pool, "UPDATE audit_log SET subject = 'mallory' WHERE seq = 3");
    const tampered = await verify(admin);
    expect(tampered).toMatchObject({ ok: false, kind: AuditTamperKind.AUDIT_TAMPER_KIND_EDITED, firstBadSeq: 3, rowsChecked: 2 });
    expect(tampered.detail).toContain("record 3");
    await tamper(pool, `UPDATE audit_log SET subject = '${original}' WHERE seq = 3`);
    expect((await verify(admin)).ok).toBe(true);
  });
});
