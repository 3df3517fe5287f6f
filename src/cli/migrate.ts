import { Argument, type Command } from "commander";
import { openDatabase } from "../store/db.js";
import { migrate } from "../store/migrate.js";
import { createLogger } from "../telemetry/logger.js";
import { configFor } from "./common.js";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("apply (up) or revert the last (down) database migration")
    .addArgument(new Argument("<direction>").choices(["up", "down"]))
    .action(async (direction: "up" | "down", _opts: unknown, command: Command) => {
      const config = configFor(command);
      const logger = createLogger(config.log);
      const database = await openDatabase(config.store, logger);
      try {
        await migrate(database.connectionString, direction, logger);
      } finally {
        await database.close();
      }
    });
}
