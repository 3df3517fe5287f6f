// The HS256 shared secret: read from its file, or generated there on first
// start (the dev default), readable by the owner only.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

const SECRET_BYTES = 32;

export async function loadOrCreateHs256Secret(file: string): Promise<{ secret: Uint8Array; created: boolean }> {
  try {
    return { secret: decode(await readFile(file, "utf8"), file), created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(SECRET_BYTES);
  try {
    // "wx": two processes starting at once must not overwrite each other's secret.
    await writeFile(file, `${secret.toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    return { secret, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return { secret: decode(await readFile(file, "utf8"), file), created: false };
  }
}

function decode(text: string, file: string): Uint8Array {
  const secret = Buffer.from(text.trim(), "base64url");
  if (secret.length < SECRET_BYTES) throw new Error(`${file}: the HS256 secret must be at least ${SECRET_BYTES} bytes (base64url)`);
  return secret;
}
