#!/usr/bin/env node
// `lipi` — run the server, manage the database, process files locally.
import { Command, Option } from "commander";
import { registerAudit } from "./audit.js";
import { registerMigrate } from "./migrate.js";
import { registerProcess } from "./process.js";
import { registerServe } from "./serve.js";
import { registerStream } from "./stream.js";
import { registerToken } from "./token.js";

const program = new Command()
  .name("lipi")
  .description("Post-processes speech-recognition output: readable text with every change explained.")
  .addOption(new Option("-c, --config <file>", "YAML file layered over config/default.yaml").env("LIPI_CONFIG"))
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerProcess(program);
registerStream(program);
registerToken(program);
registerAudit(program);

await program.parseAsync(process.argv);
