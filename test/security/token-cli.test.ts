// `lipi token mint` and `lipi token revoke` as an operator runs them, end to
// end against a running lipi: a minted token streams, a revoked one is refused.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifier } from "../../src/security/jwt.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lipiCli(args: string[], env: Record<string, string>, input = ""): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

let lipi: TestLipi;
let env: Record<string, string>;
beforeAll(async () => {
  lipi = await startTestLipi("postgres", { auth: { revocation: { refreshMs: 100 } } });
  // The CLI shares the instance's secret and database, as on one host.
  env = {
    LIPI_AUTH__HS256__SECRET_FILE: lipi.config.auth.hs256.secretFile,
    LIPI_STORE__DATABASE_URL: lipi.config.store.databaseUrl,
    LIPI_LOG__LEVEL: "silent",
  };
});
afterAll(async () => {
  await lipi?.stop();
});

describe("lipi token", () => {
  it("mints a token the server accepts, streams with it, and revoking its jti shuts it out", async () => {
    const minted = await lipiCli(["token", "mint", "--sub", "alice", "--role", "operator", "--ttl", "1h"], env);
    expect(minted.code).toBe(0);
    const token = minted.stdout.trim();
    const claims = await (await createVerifier(lipi.config.auth)).verify(token);
    expect(claims).toMatchObject({ subject: "alice", roles: ["operator"] });
    expect(claims.expiresAt.getTime() - Date.now()).toBeGreaterThan(3_500_000);
    expect(claims.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(minted.stderr).toContain(`jti ${claims.jti}`);

    const streamed = await lipiCli(["stream", "--target", lipi.address], { ...env, LIPI_TOKEN: token }, "um hello there\n");
    expect(streamed.stderr).toBe("");
    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toMatch(/^Hello there\W*\n$/); // processed: the filler is gone

    const revoked = await lipiCli(["token", "revoke", claims.jti!, "--until", claims.expiresAt.toISOString()], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toContain(`revoked ${claims.jti}`);
    await new Promise((r) => setTimeout(r, 400)); // > auth.revocation.refreshMs
    const refused = await lipiCli(["stream", "--target", lipi.address], { ...env, LIPI_TOKEN: token }, "um hello there\n");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/UNAUTHENTICATED|16 /);
    expect(refused.stderr).toContain("token revoked");
  }, 240_000); // four CLI processes, each compiling the CLI with tsx

  it("streams without a token are refused with UNAUTHENTICATED", async () => {
    const refused = await lipiCli(["stream", "--target", lipi.address], { ...env, LIPI_TOKEN: "" }, "hello\n");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("missing bearer token");
  }, 120_000);

  it("mints only with the dev HS256 key source, and only known roles", async () => {
    const publicKeys = await lipiCli(["token", "mint", "--sub", "bob", "--role", "viewer"], { ...env, LIPI_AUTH__KEY_SOURCE: "publicKeys" });
    expect(publicKeys.code).toBe(2);
    expect(publicKeys.stderr).toContain("auth.keySource is publicKeys");
    const unknownRole = await lipiCli(["token", "mint", "--sub", "bob", "--role", "root"], env);
    expect(unknownRole.code).not.toBe(0);
    expect(unknownRole.stderr).toMatch(/root.*invalid|Allowed choices are admin, operator, reviewer, viewer/);
    expect(unknownRole.stdout).toBe("");
  }, 180_000);
});
