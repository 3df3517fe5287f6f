import type { Command } from "commander";
import { verifyAuditLog, type AuditVerifyResult } from "../store/audit-verify.js";
import { openDatabase } from "../store/db.js";
import { silentLogger } from "../telemetry/logger.js";
import { configFor } from "./common.js";

/**
 * `lipi audit verify`: checks the audit log's hash chain straight in the
 * configured database (like `lipi migrate`), so it works with no server
 * running. Exit code 0 intact, 1 tampered, 2 could not check. The embedded
 * database is one process's: stop the server first, or call
 * AuditService.VerifyAuditLog on the running server instead.
 */
export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("the tamper-evident audit log");
  audit
    .command("verify")
    .description("recompute the audit log's hash chain and report the first edited, deleted or reordered record (exit 1)")
    .option("--json", "print the result as one JSON object")
    .action(async (opts: { json?: boolean }, command: Command) => {
      const config = configFor(command);
      // The verdict is the output (scripts read it, --json included); failures are reported below, not logged.
      const logger = silentLogger;
      let result: AuditVerifyResult;
      try {
        const database = await openDatabase(config.store, logger);
        try {
          result = await verifyAuditLog(database.pool, { chunkRows: config.audit.verifyChunkRows });
        } finally {
          await database.close();
        }
      } catch (err) {
        process.stderr.write(`lipi: could not verify the audit log: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 2;
        return;
      }
      process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : describe(result));
      process.exitCode = result.ok ? 0 : 1;
    });
}

function describe(result: AuditVerifyResult): string {
  const head = `chain head: seq ${result.headSeq}, hash ${result.headHash}`;
  if (result.ok) return `audit log intact: ${result.rowsChecked} records checked\n${head}\n`;
  return (
    `audit log TAMPERED: record ${result.firstBadSeq} ${result.kind}\n` +
    `${result.detail}\n` +
    `${result.rowsChecked} records before it are intact\n${head}\n`
  );
}
