// Bearer token verification with jose. One verifier per key source, each
// with its own algorithm allowlist: the HS256 secret accepts only HS256, and
// public-key sources accept only asymmetric algorithms, so a token "signed"
// with a public key as an HMAC secret (key confusion) or with alg "none" is
// refused before any signature check.
import { createPublicKey, webcrypto, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { LipiConfig } from "../config/schema.js";
import { loadOrCreateHs256Secret } from "./hs256-secret.js";
import { VerifiedTokenCache } from "./verified-token-cache.js";

export type AuthSettings = LipiConfig["auth"];

export interface VerifiedToken {
  subject: string;
  roles: string[];
  jti: string | undefined;
  /** From `exp`; tokens without one are refused. */
  expiresAt: Date;
}

/** The token is not acceptable; `reason` is safe to return to the caller. */
export class TokenRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "TokenRejected";
  }
}

/** The keys could not be fetched (JWKS endpoint down): the server's problem, not the token's. */
export class KeysUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeysUnavailable";
  }
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

type Key = webcrypto.CryptoKey | KeyObject | JWTVerifyGetKey;

export async function createVerifier(settings: AuthSettings): Promise<TokenVerifier> {
  const keys = await loadKeys(settings);
  const options = {
    algorithms: keys.algorithms,
    issuer: settings.issuer,
    audience: settings.audience,
    clockTolerance: settings.clockToleranceSec,
    requiredClaims: ["exp", "sub"],
  };
  const { maxEntries, maxAgeMs } = settings.verifiedTokenCache;
  const cache = new VerifiedTokenCache(maxEntries, maxAgeMs, settings.clockToleranceSec * 1000);
  return {
    async verify(token) {
      if (token.length > settings.maxTokenBytes) throw new TokenRejected(`token is longer than ${settings.maxTokenBytes} bytes`);
      const cacheKey = cache.keyOf(token);
      const cached = cache.get(cacheKey);
      if (cached) return cached;
      let payload: JWTPayload | undefined;
      let failure: unknown;
      // Several PEM keys (rotation without kids): the first that verifies
      // wins; a key of another type or a signature that does not match moves
      // on to the next, anything about the token itself ends the search.
      for (const key of keys.candidates) {
        try {
          payload = (await jwtVerify(token, key as KeyObject, options)).payload;
          break;
        } catch (err) {
          if (isAboutTheToken(err)) throw describe(err);
          if (!(failure instanceof errors.JWSSignatureVerificationFailed)) failure = err;
        }
      }
      if (!payload) throw describe(failure);
      const verified = claimsOf(payload, settings.rolesClaim);
      cache.set(cacheKey, verified);
      return verified;
    },
  };
}

interface LoadedKeys {
  algorithms: string[];
  candidates: Key[];
}

async function loadKeys(settings: AuthSettings): Promise<LoadedKeys> {
  switch (settings.keySource) {
    case "hs256": {
      const { secret } = await loadOrCreateHs256Secret(settings.hs256.secretFile);
      // Imported once: jose would import raw bytes again on every verification.
      const key = await webcrypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
      return { algorithms: ["HS256"], candidates: [key] };
    }
    case "publicKeys": {
      const { file, algorithms } = settings.publicKeys;
      if (file === "") throw new Error("auth.publicKeys.file must be set when auth.keySource is publicKeys");
      const text = await readFile(file, "utf8");
      if (text.trimStart().startsWith("{")) {
        return { algorithms, candidates: [createLocalJWKSet(JSON.parse(text) as JSONWebKeySet)] };
      }
      const pems = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
      if (pems.length === 0) throw new Error(`auth.publicKeys.file ${file}: no PEM public key or JWKS found`);
      return { algorithms, candidates: pems.map((pem) => createPublicKey(pem)) };
    }
    case "jwks": {
      const { url, algorithms, cacheMaxAgeMs, cooldownMs, timeoutMs } = settings.jwks;
      if (url === "") throw new Error("auth.jwks.url must be set when auth.keySource is jwks");
      const jwks = createRemoteJWKSet(new URL(url), { cacheMaxAge: cacheMaxAgeMs, cooldownDuration: cooldownMs, timeoutDuration: timeoutMs });
      return { algorithms, candidates: [jwks] };
    }
  }
}

function isAboutTheToken(err: unknown): boolean {
  return (
    err instanceof errors.JWTClaimValidationFailed ||
    err instanceof errors.JOSEAlgNotAllowed ||
    err instanceof errors.JWSInvalid ||
    err instanceof errors.JWTInvalid ||
    err instanceof errors.JWKSNoMatchingKey ||
    err instanceof errors.JWKSTimeout
  );
}

/** jose's errors as reasons a caller can act on, without echoing token contents. */
function describe(err: unknown): Error {
  if (err instanceof errors.JWTExpired) return new TokenRejected("token expired");
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === "nbf") return new TokenRejected("token not valid yet (nbf)");
    if (err.claim === "iss") return new TokenRejected("unexpected issuer (iss)");
    if (err.claim === "aud") return new TokenRejected("unexpected audience (aud)");
    return new TokenRejected(`claim ${err.claim}: ${err.reason}`);
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return new TokenRejected("signing algorithm not allowed");
  if (err instanceof errors.JWSSignatureVerificationFailed) return new TokenRejected("bad signature");
  if (err instanceof errors.JWKSNoMatchingKey) return new TokenRejected("no key matches the token (kid)");
  if (err instanceof errors.JWKSTimeout) return new KeysUnavailable("signing keys could not be fetched in time");
  if (err instanceof errors.JOSENotSupported) return new TokenRejected("no configured key fits the token's algorithm");
  if (err instanceof errors.JOSEError) return new TokenRejected("malformed token");
  // Anything else comes from fetching a JWKS (connection refused, HTTP error).
  return new KeysUnavailable(`signing keys unavailable: ${(err as Error)?.message ?? String(err)}`);
}

function claimsOf(payload: JWTPayload, rolesClaim: string): VerifiedToken {
  if (typeof payload.sub !== "string" || payload.sub === "") throw new TokenRejected("sub must be a non-empty string");
  if (payload.jti !== undefined && typeof payload.jti !== "string") throw new TokenRejected("jti must be a string");
  return {
    subject: payload.sub,
    roles: rolesOf(claimAt(payload, rolesClaim)),
    jti: payload.jti,
    expiresAt: new Date(payload.exp! * 1000),
  };
}

/** "realm_access.roles" reaches into nested claims (Keycloak and similar). */
function claimAt(payload: JWTPayload, path: string): unknown {
  let node: unknown = payload;
  for (const key of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** An array of strings, or one string of roles separated by spaces or commas. */
function rolesOf(value: unknown): string[] {
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}
