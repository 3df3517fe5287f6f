import type { Command } from "commander";
import { loadConfig } from "../config/load.js";
import { startLipi } from "../main.js";
import { createLogger } from "../telemetry/logger.js";
import { configFor } from "./common.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run the gRPC server until SIGTERM/SIGINT (then drain and exit 0); SIGHUP reloads profiles")
    .option("--host <host>", "address to bind (overrides server.host)")
    .option("--port <port>", "port to bind (overrides server.port)", (v) => Number.parseInt(v, 10))
    .action(async (opts: { host?: string; port?: number }, command: Command) => {
      const server: Record<string, unknown> = {};
      if (opts.host !== undefined) server.host = opts.host;
      if (opts.port !== undefined) server.port = opts.port;
      const config = configFor(command, Object.keys(server).length ? { server } : undefined);
      const logger = createLogger(config.log);
      const lipi = await startLipi(config, logger);

      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) {
          logger.warn({ signal }, "already shutting down");
          return;
        }
        stopping = true;
        logger.info({ signal, drainTimeoutMs: config.server.drainTimeoutMs }, "shutting down");
        lipi.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            logger.error({ err }, "shutdown failed");
            process.exit(1);
          },
        );
      };
      process.on("SIGTERM", () => stop("SIGTERM"));
      process.on("SIGINT", () => stop("SIGINT"));
      process.on("SIGHUP", () => {
        try {
          const file = command.optsWithGlobals<{ config?: string }>().config;
          const fresh = loadConfig(file ? { file } : {});
          lipi.reloadProfiles(fresh.pipeline.profiles).then(
            () => logger.info({ profiles: Object.keys(fresh.pipeline.profiles) }, "profiles reloaded"),
            (err: unknown) => logger.error({ err }, "reload failed; keeping the running profiles"),
          );
        } catch (err) {
          logger.error({ err }, "reload failed; keeping the running profiles");
        }
      });
    });
}
