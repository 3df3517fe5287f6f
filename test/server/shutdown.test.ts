// Graceful shutdown: health goes NOT_SERVING, no new calls, open streams may
// finish until the drain deadline, the rest end with UNAVAILABLE; the real
// process exits 0 on SIGTERM.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { status } from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { StreamStatus_Kind } from "../../src/gen/lipi/v1/transcript.js";
import { startTestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";

const isDraining = (p: StreamProbe) =>
  p.responses.some((r) => r.response?.$case === "status" && r.response.value.kind === StreamStatus_Kind.KIND_DRAINING);

describe("graceful shutdown", () => {
  it("lets an open stream finish within the drain deadline", async () => {
    const t = await startTestLipi("pglite", { server: { drainTimeoutMs: 5_000 } });
    const probe = new StreamProbe(t.client);
    probe.config();
    probe.segment({ seq: 1, text: "before the signal." });
    await probe.waitFor(() => probe.segments.length === 1);

    const stopping = t.stop();
    await probe.waitFor(() => isDraining(probe));
    expect(t.lipi.server.sessions.draining).toBe(true);
    // The open stream still works while draining.
    probe.segment({ seq: 2, text: "after the signal" });
    const final = await probe.finish();
    await stopping;
    expect(final.code).toBe(status.OK);
    expect(probe.segments.map((s) => s.text)).toEqual(["Before the signal.", "After the signal."]);
  });

  it("ends streams still open at the deadline with UNAVAILABLE and refuses new calls", async () => {
    const t = await startTestLipi("pglite", { server: { drainTimeoutMs: 300 } });
    const probe = new StreamProbe(t.client);
    probe.config();
    await probe.waitFor(() => probe.responses.length === 1);
    const stopping = t.stop();
    await probe.waitFor(() => isDraining(probe));

    const late = t.clientWith(t.token);
    const lateProbe = new StreamProbe(late);
    lateProbe.config();
    const lateStatus = await lateProbe.closed();
    expect(lateStatus.code).toBe(status.UNAVAILABLE);
    late.close();

    const final = await probe.closed();
    await stopping;
    expect(final.code).toBe(status.UNAVAILABLE);
    expect(final.details).toMatch(/shut down/);
  });

  it("exits 0 on SIGTERM as a real process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lipi-proc-"));
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", "--port", "0"], {
      env: { ...process.env, LIPI_STORE__DATA_DIR: join(dir, "pglite"), LIPI_AUTH__HS256__SECRET_FILE: join(dir, "hs256.key"), LIPI_LOG__LEVEL: "info", LIPI_POOL__THREADS: "1", LIPI_METRICS__PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    try {
      const deadline = Date.now() + 30_000;
      while (!out.includes("lipi listening")) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(out).toContain("server stopped");
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
