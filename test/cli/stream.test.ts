// `lipi stream` against a running server on this machine: without --token it
// signs a short-lived operator token with the server's dev HS256 secret (the
// README's first try), and a server it holds no secret for refuses it.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";

function lipi(args: string[], input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

let t: TestLipi;
beforeAll(async () => {
  t = await startTestLipi();
});
afterAll(async () => {
  await t?.stop();
});

describe("lipi stream", () => {
  it("calls a local dev server with a token signed by its secret when none is given", async () => {
    const out = await lipi(["stream", "--target", t.address], "um so the the talk begins.\nuh it ends here\n", {
      LIPI_AUTH__HS256__SECRET_FILE: t.config.auth.hs256.secretFile,
    });
    expect(out.stderr).toBe("");
    expect(out.stdout).toBe("So the talk begins.\nIt ends here.\n");
    expect(out.code).toBe(0);
  });

  it("is refused without a token when it does not hold the server's secret", async () => {
    const out = await lipi(["stream", "--target", t.address], "hello\n", { LIPI_AUTH__HS256__SECRET_FILE: "/nonexistent/hs256.key" });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/UNAUTHENTICATED/);
  });
});
