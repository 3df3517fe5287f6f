// A whole lipi whose database goes away (a TCP proxy is cut): calls go on
// being answered, their audit entries wait in the buffer, the lipi.store
// health entry reports the audit log's failing writes, and once the database
// is back every entry lands once, in order, on an intact chain.
import { credentials, Metadata, type ServiceError } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerTokenInterceptor, segment, streamConfig } from "../../src/client/lipi-client.js";
import { AuditOrder, AuditServiceClient, type QueryAuditLogResponse, type VerifyAuditLogResponse } from "../../src/gen/lipi/v1/audit.js";
import type { ProcessResponse } from "../../src/gen/lipi/v1/transcript.js";
import { startLipiWithCuttableDatabase, type LipiWithCuttableDatabase } from "../helpers/cuttable-database.js";
import { checkHealth, healthClient, type HealthClient } from "../helpers/health.js";

let fixture: LipiWithCuttableDatabase;
let health: HealthClient;
let audit: AuditServiceClient;

beforeAll(async () => {
  fixture = await startLipiWithCuttableDatabase({ audit: { retryInitialMs: 50, retryMaxMs: 200, flushIntervalMs: 10 } });
  health = healthClient(fixture.lipi.address);
  audit = new AuditServiceClient(fixture.lipi.address, credentials.createInsecure(), { interceptors: [bearerTokenInterceptor(fixture.lipi.token)] });
});
afterAll(async () => {
  health?.close();
  audit?.close();
  await fixture?.stop();
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

function processCall(requestId: string): Promise<ProcessResponse> {
  const md = new Metadata();
  md.set("x-request-id", requestId);
  const client = fixture.lipi.client;
  return new Promise((resolve, reject) =>
    client.process({ config: streamConfig(), segments: [segment({ text: "um hello" })] }, md, (err: ServiceError | null, res?: ProcessResponse) =>
      err ? reject(err) : resolve(res!),
    ),
  );
}

describe("audit log while the database is down", () => {
  it("keeps answering calls, degrades lipi.store, and writes every entry once the database is back", async () => {
    const { lipi: t, proxy } = fixture;
    await processCall("before-0");
    await t.lipi.auditLog.flush();
    expect(await checkHealth(health, "lipi.store")).toBe("SERVING");

    proxy.cut();
    for (let i = 0; i < 5; i++) expect((await processCall(`outage-${i}`)).segments).toHaveLength(1);
    await until(async () => (await checkHealth(health, "lipi.store")) === "NOT_SERVING");
    expect(t.lipi.auditLog.stats().pendingRows).toBeGreaterThanOrEqual(5);
    expect(t.lipi.auditLog.stats().retries).toBeGreaterThan(0);

    proxy.restore();
    await until(() => t.lipi.auditLog.stats().pendingRows === 0);
    await until(async () => (await checkHealth(health, "lipi.store")) === "SERVING");

    const page = await new Promise<QueryAuditLogResponse>((resolve, reject) =>
      audit.queryAuditLog({ order: AuditOrder.AUDIT_ORDER_OLDEST_FIRST, pageSize: 1_000, pageToken: "" }, (err, res) => (err ? reject(err) : resolve(res!))),
    );
    const ids = page.records.map((r) => r.requestId).filter((id) => /^(before|outage)-/.test(id));
    expect(ids).toEqual(["before-0", "outage-0", "outage-1", "outage-2", "outage-3", "outage-4"]);
    expect(t.lipi.auditLog.stats().droppedEntries).toBe(0);
    const verified = await new Promise<VerifyAuditLogResponse>((resolve, reject) =>
      audit.verifyAuditLog({}, (err, res) => (err ? reject(err) : resolve(res!))),
    );
    // The query's own record (and health checks') may land between the two calls: at least the page is checked.
    expect(verified.ok).toBe(true);
    expect(verified.rowsChecked).toBeGreaterThanOrEqual(page.records.length);
  });
});
