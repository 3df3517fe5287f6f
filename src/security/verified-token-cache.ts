// Tokens that passed verification, by the SHA-256 of the token, so a client
// that sends the same token on every call pays a hash and a map lookup, not
// a signature check (WebCrypto, asynchronous). An entry lives at most maxAgeMs
// and never past the token's exp (plus the clock tolerance jose allows);
// revocation is checked after the cache, on every call. Least recently used
// entries go first past maxEntries.
import { createHash } from "node:crypto";
import type { VerifiedToken } from "./jwt.js";

interface Entry {
  token: VerifiedToken;
  validUntil: number;
}

export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
    private readonly clockToleranceMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  keyOf(token: string): string {
    return createHash("sha256").update(token).digest("base64url");
  }

  get(key: string): VerifiedToken | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() >= entry.validUntil) return undefined;
    this.entries.set(key, entry);
    return entry.token;
  }

  set(key: string, token: VerifiedToken): void {
    if (this.maxEntries === 0) return;
    const now = this.now();
    const validUntil = Math.min(now + this.maxAgeMs, token.expiresAt.getTime() + this.clockToleranceMs);
    this.entries.delete(key);
    this.entries.set(key, { token, validUntil });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
