// Starts a whole lipi (store, pool, gRPC server) in this process on an
// ephemeral loopback port, against embedded PGlite or real PostgreSQL. Auth
// is on, as in production: the instance gets its own HS256 secret and the
// helper's client carries an admin token minted with it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { credentials, type ChannelCredentials } from "@grpc/grpc-js";
import { bearerTokenInterceptor } from "../../src/client/lipi-client.js";
import { deepMerge, loadConfig } from "../../src/config/load.js";
import type { LipiConfig } from "../../src/config/schema.js";
import { TranscriptServiceClient } from "../../src/gen/lipi/v1/transcript.js";
import { startLipi, type RunningLipi, type StartOptions } from "../../src/main.js";
import { mintWithSecretFile, type MintedToken, type MintRequest } from "../../src/security/tokens.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { freshPgliteDir } from "./pglite-dir.js";
import { createTestSchema } from "./postgres.js";

export type DatabaseChoice = "pglite" | "postgres";

export interface TestLipi {
  lipi: RunningLipi;
  config: LipiConfig;
  address: string;
  /** Sends the admin token on every call. */
  client: TranscriptServiceClient;
  /** An admin token for this instance. */
  token: string;
  /** A token signed with this instance's secret; claims default to the config's issuer and audience, one hour. */
  mint(roles: readonly string[], claims?: Partial<MintRequest>): Promise<MintedToken>;
  /** A TranscriptService client sending `token` (none when undefined). */
  clientWith(token: string | undefined, channel?: ChannelCredentials): TranscriptServiceClient;
  /** http://127.0.0.1:port of /metrics, /healthz and /readyz (undefined when metrics are off). */
  observabilityUrl: string | undefined;
  stop(): Promise<void>;
}

/** Limits well above what the functional tests need; security tests set their own. */
const GENEROUS_LIMITS = { rate: { callsPerSecond: 100_000, burst: 100_000 }, maxConcurrentStreamsPerSubject: 100_000 };

export async function startTestLipi(
  database: DatabaseChoice = "pglite",
  overrides: Record<string, unknown> = {},
  options: StartOptions = {},
): Promise<TestLipi> {
  const cleanups: Array<() => Promise<void> | void> = [];
  let store: Record<string, unknown>;
  if (database === "postgres") {
    const schema = await createTestSchema();
    cleanups.push(schema.drop);
    store = { databaseUrl: schema.connectionString };
  } else {
    const { dir, remove } = await freshPgliteDir();
    cleanups.push(remove);
    store = { databaseUrl: "", dataDir: dir };
  }
  const secretDir = await mkdtemp(join(tmpdir(), "lipi-auth-"));
  cleanups.push(() => rm(secretDir, { recursive: true, force: true }));
  const base = {
    server: { host: "127.0.0.1", port: 0, drainTimeoutMs: 2_000 },
    pool: { threads: 2 },
    // An ephemeral observability port: several instances run in one process.
    metrics: { port: 0 },
    store,
    auth: { hs256: { secretFile: join(secretDir, "hs256.key") }, printDevToken: false },
    limits: GENEROUS_LIMITS,
    log: { level: "silent" },
  };
  const config = loadConfig({ env: {}, overrides: deepMerge(base, overrides) });
  let lipi: RunningLipi;
  try {
    lipi = await startLipi(config, silentLogger, options);
  } catch (err) {
    for (const cleanup of cleanups.reverse()) await cleanup();
    throw err;
  }
  const address = `127.0.0.1:${lipi.server.port}`;
  const mint = (roles: readonly string[], claims: Partial<MintRequest> = {}) =>
    mintWithSecretFile(config.auth, { subject: "test-admin", roles, ttlSec: 3600, ...claims });
  const { token } = await mint(["admin"]);
  const clientWith = (bearer: string | undefined, channel = credentials.createInsecure()) =>
    new TranscriptServiceClient(address, channel, bearer ? { interceptors: [bearerTokenInterceptor(bearer)] } : {});
  const client = clientWith(token);
  let stopped = false;
  return {
    lipi,
    config,
    address,
    client,
    token,
    mint,
    clientWith,
    observabilityUrl: lipi.observability ? `http://127.0.0.1:${lipi.observability.port}` : undefined,
    async stop() {
      if (stopped) return;
      stopped = true;
      client.close();
      await lipi.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}
