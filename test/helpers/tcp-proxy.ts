// A loopback TCP proxy that a test can cut and restore, to simulate a
// database (or any server) becoming unreachable without touching the server.
// While cut, existing connections are destroyed and new ones are accepted and
// immediately reset — what a client sees when the network path dies.
import net from "node:net";

export interface TcpProxy {
  /** The proxy's listening port on 127.0.0.1. */
  port: number;
  /** Destroys every open connection and resets new ones until restore(). */
  cut(): void;
  restore(): void;
  /** Connections accepted while cut (clients trying to reconnect). */
  readonly refusedWhileCut: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let isCut = false;
  let refusedWhileCut = 0;

  const server = net.createServer((client) => {
    if (isCut) {
      refusedWhileCut++;
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no TCP address");

  const destroyAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  return {
    port: address.port,
    cut() {
      isCut = true;
      destroyAll();
    },
    restore() {
      isCut = false;
    },
    get refusedWhileCut() {
      return refusedWhileCut;
    },
    close() {
      destroyAll();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
