// /readyz tells the truth: it fails while a required database is down and
// recovers when it is back (through a proxy this test cuts, never the shared
// server), fails while draining, and reports degraded-but-ready states.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Readiness, type ReadinessProbes } from "../../src/telemetry/readiness.js";
import { checkHealth, healthClient } from "../helpers/health.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { startLipiWithCuttableDatabase, type LipiWithCuttableDatabase } from "../helpers/cuttable-database.js";
import { StreamProbe } from "../helpers/stream-probe.js";
import type { TcpProxy } from "../helpers/tcp-proxy.js";
import { scrape } from "./prometheus-text.js";

interface ReadyBody {
  status: string;
  ready: boolean;
  checks: Record<string, { status: string; detail?: string }>;
}

async function readyz(t: TestLipi): Promise<{ code: number; body: ReadyBody }> {
  const response = await fetch(`${t.observabilityUrl}/readyz`);
  return { code: response.status, body: (await response.json()) as ReadyBody };
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("readiness with a required database", () => {
  let t: TestLipi;
  let proxy: TcpProxy;
  let fixture: LipiWithCuttableDatabase;

  beforeAll(async () => {
    fixture = await startLipiWithCuttableDatabase({
      metrics: { readiness: { requiredDependencies: ["store"], evaluateIntervalMs: 100 } },
    });
    ({ lipi: t, proxy } = fixture);
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it("flips /readyz, grpc health and lipi_ready when PostgreSQL goes away, and recovers", async () => {
    expect((await readyz(t)).code).toBe(200);
    const health = healthClient(t.address);
    const probe = new StreamProbe(t.client);
    probe.config({ sessionId: "readiness", persist: true });

    proxy.cut();
    for (let i = 1; i <= 10; i++) probe.segment({ seq: i, text: `during the outage ${i}.` });
    await probe.waitFor(() => probe.segments.length === 10); // processing goes on
    await until(async () => (await readyz(t)).code === 503);
    const down = await readyz(t);
    expect(down.body).toMatchObject({ status: "not_ready", ready: false, checks: { store: { status: "fail" }, draining: { status: "pass" } } });
    expect(down.body.checks["store"]!.detail).toMatch(/database unreachable/);
    await until(async () => (await checkHealth(health, "")) === "NOT_SERVING");
    expect(await checkHealth(health, "lipi.store")).toBe("NOT_SERVING");
    const metrics = await scrape(t.observabilityUrl!);
    expect(metrics.value("lipi_ready")).toBe(0);
    expect(metrics.value("lipi_health_check_status", { check: "store" })).toBe(0);
    expect(metrics.value("lipi_write_buffer_degraded", { buffer: "persistence" })).toBe(1);
    expect(metrics.value("lipi_write_buffer_retries_total", { buffer: "persistence" })).toBeGreaterThan(0);

    proxy.restore();
    await until(async () => (await readyz(t)).code === 200);
    expect((await readyz(t)).body.status).toBe("ready");
    await until(async () => (await checkHealth(health, "")) === "SERVING");
    expect((await probe.finish()).code).toBe(0);
    health.close();
  });
});

describe("readiness while draining", () => {
  it("answers 503 from the moment shutdown starts while streams finish", async () => {
    const t = await startTestLipi("pglite", { server: { drainTimeoutMs: 5_000 } });
    try {
      const probe = new StreamProbe(t.client);
      probe.config({});
      probe.segment({ seq: 1, text: "still talking" });
      await probe.waitFor(() => probe.segments.length === 1);
      const stopping = t.lipi.stop();
      const during = await readyz(t);
      expect(during.code).toBe(503);
      expect(during.body.checks["draining"]!.status).toBe("fail");
      expect((await fetch(`${t.observabilityUrl}/healthz`)).status).toBe(200); // alive: do not restart it
      await probe.finish();
      await stopping;
    } finally {
      await t.stop();
    }
  });
});

describe("Readiness states", () => {
  const probes = (over: Partial<ReadinessProbes> = {}): ReadinessProbes => ({
    draining: () => false,
    poolQueuedTasks: () => 0,
    store: () => ({ ok: true }),
    ...over,
  });
  const settings = { maxPoolQueuedTasks: 8, requiredDependencies: [] as "store"[], evaluateIntervalMs: 1000 };

  it("is not ready until started", () => {
    expect(new Readiness(settings).evaluate()).toMatchObject({ status: "not_ready", checks: { startup: { status: "fail" } } });
  });

  it("is degraded but ready while a database that is not required is down", () => {
    const readiness = new Readiness(settings);
    readiness.attach(probes({ store: () => ({ ok: false, since: new Date(0), lastError: "ECONNREFUSED" }) }));
    expect(readiness.evaluate()).toMatchObject({ status: "degraded", ready: true, checks: { store: { status: "warn", required: false } } });
  });

  it("is not ready while the pool has more queued work than the threshold", () => {
    const readiness = new Readiness(settings);
    readiness.attach(probes({ poolQueuedTasks: () => 9 }));
    expect(readiness.evaluate()).toMatchObject({ ready: false, checks: { pool: { status: "fail", queuedTasks: 9, threshold: 8 } } });
    readiness.attach(probes({ poolQueuedTasks: () => 8 }));
    expect(readiness.evaluate().ready).toBe(true);
  });
});
