// The database goes away mid-stream: processing continues, health shows
// lipi.store degraded, rows wait and are retried, and once the database is
// back every row lands — nothing dropped, nothing duplicated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSegments } from "../../src/store/index.js";
import { checkHealth, healthClient, type HealthClient } from "../helpers/health.js";
import { startLipiWithCuttableDatabase, type LipiWithCuttableDatabase } from "../helpers/cuttable-database.js";
import type { TestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";
import type { TcpProxy } from "../helpers/tcp-proxy.js";

let t: TestLipi;
let proxy: TcpProxy;
let fixture: LipiWithCuttableDatabase;
let health: HealthClient;

beforeAll(async () => {
  fixture = await startLipiWithCuttableDatabase();
  ({ lipi: t, proxy } = fixture);
  health = healthClient(t.address);
});
afterAll(async () => {
  health?.close();
  await fixture?.stop();
});

const storeStatus = () => checkHealth(health, "lipi.store");

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("database down", () => {
  it("keeps processing, reports degraded, and writes every row once it is back", async () => {
    const probe = new StreamProbe(t.client);
    probe.config({ sessionId: "outage", persist: true });
    for (let i = 1; i <= 50; i++) probe.segment({ seq: i, text: `before the outage ${i}.` });
    await probe.waitFor(() => probe.segments.length === 50);
    await until(() => t.lipi.writer.stats().pendingRows === 0);
    expect(await storeStatus()).toBe("SERVING");

    proxy.cut();
    for (let i = 51; i <= 100; i++) probe.segment({ seq: i, text: `during the outage ${i}.` });
    await probe.waitFor(() => probe.segments.length === 100); // processing did not wait for the database
    await until(async () => (await storeStatus()) === "NOT_SERVING");
    expect(t.lipi.writer.stats().retries).toBeGreaterThan(0);
    expect(t.lipi.writer.stats().pendingRows).toBeGreaterThan(0);

    proxy.restore();
    await until(async () => t.lipi.writer.stats().pendingRows === 0 && (await storeStatus()) === "SERVING");
    expect((await probe.finish()).code).toBe(0);
    await until(() => t.lipi.writer.stats().pendingRows === 0);

    const stored = await listSegments(t.lipi.database.pool, "outage");
    expect(stored.map((s) => s.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(stored[60]!.processed.text).toBe("During the outage 61.");
  });
});
