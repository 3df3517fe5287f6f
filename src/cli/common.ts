import type { Command } from "commander";
import { ConfigError, loadConfig } from "../config/load.js";
import type { LipiConfig } from "../config/schema.js";

/** Loads config for a subcommand, printing config errors plainly and exiting 2. */
export function configFor(command: Command, overrides?: Record<string, unknown>): LipiConfig {
  const file = command.optsWithGlobals<{ config?: string }>().config;
  try {
    return loadConfig({ ...(file ? { file } : {}), ...(overrides ? { overrides } : {}) });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`lipi: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
