// Child processes the benchmark starts and always stops: the echo server and
// lipi itself. Servers run in their own process so the load generator's
// event loop (encoding, timing, bookkeeping) does not steal turns from the
// server under test. Every wait here is bounded.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import * as grpc from "@grpc/grpc-js";

import { loadConfig } from "../src/config/load.js";
import { mintWithSecretFile } from "../src/security/tokens.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface ChildServer {
  /** host:port to dial. */
  address: string;
  pid: number | undefined;
  /** Where the child's stdout/stderr went (for a failed start or a crash). */
  logFile: string | null;
  /** An admin bearer token for a lipi started here (undefined for the echo server). */
  token?: string;
  stop(): Promise<void>;
}

/** Asks the OS for a free port on loopback. A tiny race with other processes is acceptable here. */
export async function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once an HTTP/2 gRPC channel to `address` is READY; rejects after `timeoutMs`. */
export async function waitForGrpcReady(address: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`server process for ${address} exited before it was ready`);
    const client = new grpc.Client(address, grpc.credentials.createInsecure());
    try {
      await new Promise<void>((resolve, reject) =>
        client.waitForReady(Math.min(deadline, Date.now() + 1_000), (err) => (err ? reject(err) : resolve())),
      );
      return;
    } catch {
      // not listening yet; retry until the deadline
    } finally {
      client.close();
    }
  }
  throw new Error(`no gRPC server became ready at ${address} within ${timeoutMs} ms`);
}

/** Sends SIGTERM, waits up to `graceMs`, then SIGKILL. Only ever signals our own child, by pid. */
async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts bench/echo-server.ts in a child process on a free port and
 * resolves when it has printed its listening line.
 */
export async function spawnEchoServer(timeoutMs = 20_000): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "bench/echo-server.ts"), "--port", "0"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`echo server did not start within ${timeoutMs} ms`)), timeoutMs);
    child.once("exit", (code) => reject(new Error(`echo server exited early (code ${code})`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; address?: string };
        if (msg.event === "listening" && msg.address) {
          clearTimeout(timer);
          resolve(msg.address);
        }
      } catch {
        /* not our line */
      }
    });
  }).catch(async (err: unknown) => {
    await stopChild(child, 1_000);
    throw err;
  });
  return { address, pid: child.pid, logFile: null, stop: () => stopChild(child, 3_000) };
}

export interface SpawnLipiOptions {
  /** How long to wait for the port; the first start migrates the embedded database. */
  readyTimeoutMs?: number;
  /** lipi's drain is 10 s by default; allow that before SIGKILL. */
  stopGraceMs?: number;
  /** Extra LIPI_* variables, e.g. { LIPI_POOL__THREADS: "2" }. */
  env?: Record<string, string>;
}

/**
 * Admin tokens of the lipi children started here, by address, so a load run
 * that is only given the address (runLoad's target) authenticates.
 */
const spawnedTokens = new Map<string, string>();

export function tokenForSpawnedLipi(address: string): string | undefined {
  return spawnedTokens.get(address);
}

/**
 * Starts lipi as `node --import tsx src/cli/main.ts serve` on a free port
 * with a throw-away data directory, waits until it accepts gRPC, and stops it
 * with SIGTERM (then SIGKILL after the grace period). The child's output goes
 * to a log file in the temp directory, which is kept when the start fails.
 */
export async function spawnLipi(options: SpawnLipiOptions = {}): Promise<ChildServer> {
  const port = await freePort();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "lipi-bench-"));
  const logFile = path.join(tmp, "lipi.log");
  const log = createWriteStream(logFile);
  const env: Record<string, string | undefined> = {
    ...process.env,
    LIPI_SERVER__HOST: "127.0.0.1",
    LIPI_SERVER__PORT: String(port),
    LIPI_STORE__DATA_DIR: path.join(tmp, "pglite"),
    LIPI_METRICS__PORT: "0",
    LIPI_LOG__LEVEL: process.env["LIPI_LOG__LEVEL"] ?? "warn",
    // Auth stays on (its per-call cost is part of what is measured); the
    // limits are lifted, every bench stream being one subject.
    LIPI_AUTH__HS256__SECRET_FILE: path.join(tmp, "hs256.key"),
    LIPI_AUTH__PRINT_DEV_TOKEN: "false",
    LIPI_LIMITS__RATE__CALLS_PER_SECOND: "1000000",
    LIPI_LIMITS__RATE__BURST: "1000000",
    LIPI_LIMITS__MAX_CONCURRENT_STREAMS_PER_SUBJECT: "1000000",
    ...options.env,
  };
  const token = await benchAdminToken(env);
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src/cli/main.ts"), "serve"], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const address = `127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  try {
    await waitForGrpcReady(address, options.readyTimeoutMs ?? 60_000, alive);
  } catch (err) {
    await stopChild(child, 2_000);
    const tail = safeTail(logFile);
    throw new Error(`${(err as Error).message}\n--- lipi log (${logFile}) ---\n${tail}`);
  }
  spawnedTokens.set(address, token);
  return {
    address,
    pid: child.pid,
    logFile,
    token,
    stop: async () => {
      spawnedTokens.delete(address);
      await stopChild(child, options.stopGraceMs ?? 15_000);
      log.end();
      // Keep the log when lipi exited badly; otherwise remove the throw-away data.
      if (child.exitCode === 0 || child.signalCode === "SIGTERM") rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Creates the child's HS256 secret before it starts and signs an admin token with it. */
async function benchAdminToken(env: Record<string, string | undefined>): Promise<string> {
  const { auth } = loadConfig({ env });
  return (await mintWithSecretFile(auth, { subject: "bench", roles: ["admin"], ttlSec: 24 * 3600 })).token;
}

function safeTail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
