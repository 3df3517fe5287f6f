// Minting HS256 tokens: the dev admin token, `lipi token mint` and tests.
// Production tokens come from an identity provider (publicKeys / jwks).
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { LipiConfig } from "../config/schema.js";
import { loadOrCreateHs256Secret } from "./hs256-secret.js";

export interface MintRequest {
  subject: string;
  roles: readonly string[];
  ttlSec: number;
  issuer: string;
  audience: string;
  rolesClaim: string;
  /** Seconds from now before which the token is not valid (tests). */
  notBeforeSec?: number;
  /** The token id; a new uuid when absent. */
  jti?: string;
}

export interface MintedToken {
  token: string;
  jti: string;
  expiresAt: Date;
}

export async function mintHs256Token(secret: Uint8Array, request: MintRequest): Promise<MintedToken> {
  const jti = request.jti ?? randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const exp = now + request.ttlSec;
  const jwt = new SignJWT(nestedClaim(request.rolesClaim, [...request.roles]))
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(request.subject)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setJti(jti);
  if (request.notBeforeSec !== undefined) jwt.setNotBefore(now + request.notBeforeSec);
  return { token: await jwt.sign(secret), jti, expiresAt: new Date(exp * 1000) };
}

/** "realm_access.roles" → { realm_access: { roles } }, as the verifier reads it. */
function nestedClaim(path: string, value: unknown): Record<string, unknown> {
  return path
    .split(".")
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "90s", "30m", "1h", "7d" → seconds. */
export function parseDurationSec(text: string): number {
  const match = /^(\d+)\s*([smhd])$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration (e.g. 90s, 30m, 1h, 7d)`);
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2]!]!;
  if (seconds <= 0) throw new Error(`"${text}" must be longer than 0`);
  return seconds;
}

/**
 * A token signed with the configured HS256 secret file (created when missing),
 * with the configured issuer, audience and roles claim: what the dev token,
 * `lipi token mint`, `lipi stream` on this machine, the bench and the tests use.
 */
export async function mintWithSecretFile(
  auth: LipiConfig["auth"],
  request: Omit<MintRequest, "issuer" | "audience" | "rolesClaim">,
): Promise<MintedToken> {
  const { secret } = await loadOrCreateHs256Secret(auth.hs256.secretFile);
  return mintHs256Token(secret, { issuer: auth.issuer, audience: auth.audience, rolesClaim: auth.rolesClaim, ...request });
}
