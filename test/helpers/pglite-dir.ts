// A fresh embedded-database directory for a test, copied from a template
// that is initialised once per machine: PGlite's initdb takes seconds, a
// directory copy takes milliseconds, and each test still gets its own data.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";

const packageJson = fileURLToPath(new URL("../package.json", import.meta.resolve("@electric-sql/pglite")));
const version = (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;
const TEMPLATE = join(tmpdir(), `lipi-pglite-template-${version}`);

async function ensureTemplate(): Promise<void> {
  if (existsSync(TEMPLATE)) return;
  const building = mkdtempSync(join(tmpdir(), "lipi-pglite-build-"));
  const db = await PGlite.create({ dataDir: building });
  await db.close();
  try {
    renameSync(building, TEMPLATE);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another process won the race
  }
}

/** Returns a new directory holding an initialised PGlite cluster, and its cleanup. */
export async function freshPgliteDir(): Promise<{ dir: string; remove(): void }> {
  await ensureTemplate();
  const root = mkdtempSync(join(tmpdir(), "lipi-test-"));
  const dir = join(root, "pglite");
  cpSync(TEMPLATE, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
