// A whole lipi on real PostgreSQL (a throwaway schema) reached through a TCP
// proxy the test can cut: the database "goes away" without touching the
// shared server.
import { deepMerge } from "../../src/config/load.js";
import { startTestLipi, type TestLipi } from "./lipi.js";
import { createTestSchema } from "./postgres.js";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.js";

export interface LipiWithCuttableDatabase {
  lipi: TestLipi;
  proxy: TcpProxy;
  stop(): Promise<void>;
}

export async function startLipiWithCuttableDatabase(overrides: Record<string, unknown> = {}): Promise<LipiWithCuttableDatabase> {
  const schema = await createTestSchema();
  const url = new URL(schema.connectionString);
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.port = String(proxy.port);
  const lipi = await startTestLipi(
    "pglite",
    deepMerge(
      {
        store: { databaseUrl: url.toString() },
        // Retry fast so outages and recoveries show within a test's patience.
        persistence: { retryInitialMs: 50, retryMaxMs: 200, flushIntervalMs: 20 },
      },
      overrides,
    ),
  );
  return {
    lipi,
    proxy,
    async stop() {
      await lipi.stop();
      await proxy.close();
      await schema.drop();
    },
  };
}
