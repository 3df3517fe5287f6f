// The embedded database's own thread: PGlite (PostgreSQL compiled to WASM)
// and the socket server that speaks the wire protocol for it. PGlite executes
// queries synchronously in the thread that owns it; on the main thread a
// 250-row insert would stall gRPC for milliseconds and its CPU would compete
// with every stream. Here it runs beside the pipeline workers, and the main
// thread talks to it through pg over loopback like to any PostgreSQL.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface PgliteThreadData {
  dataDir: string;
  maxConnections: number;
}

/** Messages from the thread to its owner. */
export type PgliteThreadReply =
  | { type: "ready"; address: string; startupMs: number }
  | { type: "failed"; message: string }
  | { type: "closed" };

/** The owner sends this to stop serving and close the database cleanly. */
export interface PgliteThreadClose {
  type: "close";
}

const port = parentPort!;
const { dataDir, maxConnections } = workerData as PgliteThreadData;
const started = Date.now();
const reply = (message: PgliteThreadReply) => port.postMessage(message);

try {
  const pglite = await PGlite.create({ dataDir });
  // Port 0: the OS picks a free port, so several embedded databases (tests,
  // a CLI next to a running server) never collide.
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections });
  try {
    await server.start();
  } catch (err) {
    await pglite.close().catch(() => undefined);
    throw err;
  }
  let closing = false;
  port.on("message", (message: PgliteThreadClose) => {
    if (message.type !== "close" || closing) return;
    closing = true;
    void (async () => {
      await server.stop().catch(() => undefined);
      await pglite.close();
      reply({ type: "closed" });
      port.close();
    })();
  });
  reply({ type: "ready", address: server.getServerConn(), startupMs: Date.now() - started });
} catch (err) {
  reply({ type: "failed", message: err instanceof Error ? err.message : String(err) });
  port.close();
}
