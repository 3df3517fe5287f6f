// The observability HTTP port (metrics.port, 9464 by default), apart from
// gRPC so scrapes and probes never queue behind streams and need no TLS or
// HTTP/2:
//   GET /metrics   Prometheus text exposition (404 when metrics are off)
//   GET /healthz   liveness: 200 while the event loop answers
//   GET /readyz    readiness: 200 ready or degraded, 503 not ready; JSON details
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "./logger.js";
import type { LipiMetrics } from "./metrics.js";
import type { Readiness } from "./readiness.js";

export interface ObservabilityServer {
  port: number;
  close(): Promise<void>;
}

export interface ObservabilityServerOptions {
  host: string;
  port: number;
  metrics: LipiMetrics | undefined;
  readiness: Readiness;
  logger: Logger;
}

export async function startObservabilityServer(options: ObservabilityServerOptions): Promise<ObservabilityServer> {
  const { metrics, readiness, logger } = options;
  const server: Server = createServer((request, response) => {
    route(request, response).catch((err: unknown) => {
      logger.error({ err, url: request.url }, "observability request failed");
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", "internal error\n");
      else response.destroy();
    });
  });
  // Probes and scrapes are short; do not let an idle keep-alive socket hold shutdown.
  server.keepAliveTimeout = 5_000;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? "/").split("?", 1)[0];
    if (request.method !== "GET" && request.method !== "HEAD") {
      send(response, 405, "text/plain; charset=utf-8", "method not allowed\n");
      return;
    }
    switch (path) {
      case "/metrics": {
        if (!metrics) {
          send(response, 404, "text/plain; charset=utf-8", "metrics are disabled\n");
          return;
        }
        const { contentType, body } = await metrics.scrape();
        send(response, 200, contentType, body);
        return;
      }
      case "/healthz":
        send(response, 200, "application/json", JSON.stringify({ status: "ok" }) + "\n");
        return;
      case "/readyz": {
        const report = readiness.evaluate();
        send(response, report.ready ? 200 : 503, "application/json", JSON.stringify(report) + "\n");
        return;
      }
      default:
        send(response, 404, "text/plain; charset=utf-8", "not found: try /metrics, /healthz or /readyz\n");
    }
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : options.port);
    });
  });
  logger.info({ address: `${options.host}:${port}` }, "observability endpoints listening (/metrics, /healthz, /readyz)");

  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { "content-type": contentType, "cache-control": "no-store" });
  response.end(body);
}
