// Key sources and their algorithm allowlists, verified without a server:
// HS256 secret (generated on first use), PEM files (several keys),
// JWKS files, and a JWKS URL with caching and key rotation.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { createVerifier, KeysUnavailable, TokenRejected, type AuthSettings, type VerifiedToken } from "../../src/security/jwt.js";
import { VerifiedTokenCache } from "../../src/security/verified-token-cache.js";
import { loadOrCreateHs256Secret } from "../../src/security/hs256-secret.js";
import { mintHs256Token, parseDurationSec } from "../../src/security/tokens.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lipi-jwt-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const defaults = loadConfig({ env: {} }).auth;
const settings = (over: Partial<AuthSettings>): AuthSettings => ({ ...defaults, ...over });
const nowSec = () => Math.floor(Date.now() / 1000);
const claims = { sub: "kim", iss: "lipi", aud: "lipi", roles: ["viewer"] };

function sign(key: KeyObject, alg: string, kid?: string, extra: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ ...claims, ...extra })
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setExpirationTime(nowSec() + 600)
    .sign(key);
}

describe("HS256 secret", () => {
  it("is generated on first use with owner-only permissions, then read back unchanged", async () => {
    const file = join(dir, "nested", "hs256.key");
    const first = await loadOrCreateHs256Secret(file);
    expect(first.created).toBe(true);
    expect(first.secret.length).toBe(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadOrCreateHs256Secret(file);
    expect(second.created).toBe(false);
    expect(Buffer.from(second.secret).equals(Buffer.from(first.secret))).toBe(true);
  });

  it("verifies minted tokens and reads roles from a nested claim", async () => {
    const file = join(dir, "nested-claim.key");
    const { secret } = await loadOrCreateHs256Secret(file);
    const auth = settings({ hs256: { secretFile: file }, rolesClaim: "realm_access.roles" });
    const verifier = await createVerifier(auth);
    const minted = await mintHs256Token(secret, { subject: "ivy", roles: ["reviewer"], ttlSec: 60, issuer: "lipi", audience: "lipi", rolesClaim: "realm_access.roles" });
    expect(await verifier.verify(minted.token)).toEqual({ subject: "ivy", roles: ["reviewer"], jti: minted.jti, expiresAt: minted.expiresAt });
  });

  it("refuses a short secret file", async () => {
    const file = join(dir, "short.key");
    await writeFile(file, Buffer.alloc(8).toString("base64url"));
    await expect(loadOrCreateHs256Secret(file)).rejects.toThrow(/at least 32 bytes/);
  });

  it("refuses tokens longer than auth.maxTokenBytes before parsing them", async () => {
    const file = join(dir, "long.key");
    await loadOrCreateHs256Secret(file);
    const verifier = await createVerifier(settings({ hs256: { secretFile: file }, maxTokenBytes: 100 }));
    await expect(verifier.verify("a".repeat(101))).rejects.toThrow(new TokenRejected("token is longer than 100 bytes"));
  });

  it("accepts roles as one space- or comma-separated string", async () => {
    const file = join(dir, "string-roles.key");
    const { secret } = await loadOrCreateHs256Secret(file);
    const verifier = await createVerifier(settings({ hs256: { secretFile: file } }));
    const token = await new SignJWT({ ...claims, roles: "operator, viewer" }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(nowSec() + 60).sign(secret);
    expect((await verifier.verify(token)).roles).toEqual(["operator", "viewer"]);
  });
});

describe("public keys from a file", () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const ed = generateKeyPairSync("ed25519");
  const pem = (key: KeyObject) => key.export({ type: "spki", format: "pem" }).toString();

  it("accepts RS256, ES256 and EdDSA from a PEM file with several keys (rotation without kids)", async () => {
    const file = join(dir, "keys.pem");
    await writeFile(file, [rsa, ec, ed].map((k) => pem(k.publicKey)).join("\n"));
    const verifier = await createVerifier(settings({ keySource: "publicKeys", publicKeys: { file, algorithms: ["RS256", "ES256", "EdDSA"] } }));
    expect((await verifier.verify(await sign(rsa.privateKey, "RS256"))).subject).toBe("kim");
    expect((await verifier.verify(await sign(ec.privateKey, "ES256"))).subject).toBe("kim");
    expect((await verifier.verify(await sign(ed.privateKey, "EdDSA"))).subject).toBe("kim");
  });

  it("keeps to the allowlist: an ES256 key is refused when only RS256 is allowed", async () => {
    const file = join(dir, "ec.pem");
    await writeFile(file, pem(ec.publicKey));
    const verifier = await createVerifier(settings({ keySource: "publicKeys", publicKeys: { file, algorithms: ["RS256"] } }));
    await expect(verifier.verify(await sign(ec.privateKey, "ES256"))).rejects.toThrow(new TokenRejected("signing algorithm not allowed"));
  });

  it("says so when no configured key is of the token's type", async () => {
    const file = join(dir, "rsa-only.pem");
    await writeFile(file, pem(rsa.publicKey));
    const verifier = await createVerifier(settings({ keySource: "publicKeys", publicKeys: { file, algorithms: ["RS256", "ES256"] } }));
    await expect(verifier.verify(await sign(ec.privateKey, "ES256"))).rejects.toThrow(new TokenRejected("no configured key fits the token's algorithm"));
  });

  it("reads a JWKS file and picks the key by kid", async () => {
    const file = join(dir, "jwks.json");
    const jwk = { ...(await exportJWK(ec.publicKey)), kid: "ec-1", alg: "ES256", use: "sig" };
    await writeFile(file, JSON.stringify({ keys: [jwk] }));
    const verifier = await createVerifier(settings({ keySource: "publicKeys", publicKeys: { file, algorithms: ["ES256"] } }));
    expect((await verifier.verify(await sign(ec.privateKey, "ES256", "ec-1"))).roles).toEqual(["viewer"]);
    await expect(verifier.verify(await sign(ec.privateKey, "ES256", "unknown-kid"))).rejects.toThrow(/no key matches/);
  });

  it("refuses to start without a file", async () => {
    await expect(createVerifier(settings({ keySource: "publicKeys", publicKeys: { file: "", algorithms: ["RS256"] } }))).rejects.toThrow(/auth\.publicKeys\.file/);
  });
});

describe("JWKS URL", () => {
  const first = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const second = generateKeyPairSync("ec", { namedCurve: "P-256" });
  let keys: object[] = [];
  let fetches = 0;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    keys = [{ ...(await exportJWK(first.publicKey)), kid: "k1", alg: "ES256" }];
    server = createServer((_req, res) => {
      fetches++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/jwks.json`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("caches the key set and re-fetches when a token names a new kid (rotation)", async () => {
    const verifier = await createVerifier(settings({ keySource: "jwks", jwks: { ...defaults.jwks, url, algorithms: ["ES256"], cooldownMs: 1 } }));
    expect((await verifier.verify(await sign(first.privateKey, "ES256", "k1"))).subject).toBe("kim");
    expect((await verifier.verify(await sign(first.privateKey, "ES256", "k1"))).subject).toBe("kim");
    expect(fetches).toBe(1);

    keys = [...keys, { ...(await exportJWK(second.publicKey)), kid: "k2", alg: "ES256" }];
    await new Promise((r) => setTimeout(r, 5)); // past the cooldown
    expect((await verifier.verify(await sign(second.privateKey, "ES256", "k2"))).subject).toBe("kim");
    expect(fetches).toBe(2);
  });

  it("reports an unreachable key server as unavailable keys, not as a bad token", async () => {
    const verifier = await createVerifier(settings({ keySource: "jwks", jwks: { ...defaults.jwks, url: "http://127.0.0.1:9/jwks.json", algorithms: ["ES256"] } }));
    await expect(verifier.verify(await sign(first.privateKey, "ES256", "k1"))).rejects.toBeInstanceOf(KeysUnavailable);
  });
});

describe("durations", () => {
  it("reads s, m, h and d", () => {
    expect([parseDurationSec("90s"), parseDurationSec("30m"), parseDurationSec("1h"), parseDurationSec("7d")]).toEqual([90, 1800, 3600, 604_800]);
    expect(() => parseDurationSec("1 week")).toThrow(/not a duration/);
    expect(() => parseDurationSec("0h")).toThrow(/longer than 0/);
  });
});

it("the dev default secret path is under ./data", async () => {
  expect(defaults.hs256.secretFile).toBe("./data/auth/hs256.key");
  expect(defaults.keySource).toBe("hs256");
  expect(await readFile(new URL("../../config/default.yaml", import.meta.url), "utf8")).toContain("keySource: hs256");
});

describe("verified token cache", () => {
  const token = (expiresInMs: number, now: number): VerifiedToken => ({ subject: "c", roles: [], jti: undefined, expiresAt: new Date(now + expiresInMs) });

  it("keeps an entry for maxAgeMs at most, and never past the token's exp plus the clock tolerance", () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache(10, 60_000, 5_000, () => now);
    cache.set("long", token(3_600_000, now));
    cache.set("short", token(10_000, now));
    now += 14_999;
    expect(cache.get("short")).toBeDefined();
    now += 1;
    expect(cache.get("short")).toBeUndefined(); // exp + 5 s tolerance passed
    expect(cache.get("long")).toBeDefined();
    now += 45_000;
    expect(cache.get("long")).toBeUndefined(); // 60 s max age
  });

  it("holds at most maxEntries, least recently used out first; 0 entries turns it off", () => {
    const cache = new VerifiedTokenCache(2, 60_000, 0, () => 0);
    cache.set("a", token(1_000, 0));
    cache.set("b", token(1_000, 0));
    cache.get("a");
    cache.set("c", token(1_000, 0));
    expect([cache.get("a"), cache.get("b"), cache.get("c")].map(Boolean)).toEqual([true, false, true]);
    const off = new VerifiedTokenCache(0, 60_000, 0, () => 0);
    off.set("a", token(1_000, 0));
    expect(off.size).toBe(0);
  });

  it("is keyed by the whole token: a token differing in one signature character is verified, and refused", async () => {
    const file = join(dir, "cache.key");
    const { secret } = await loadOrCreateHs256Secret(file);
    const verifier = await createVerifier(settings({ hs256: { secretFile: file } }));
    const minted = await mintHs256Token(secret, { subject: "cy", roles: [], ttlSec: 60, issuer: "lipi", audience: "lipi", rolesClaim: "roles" });
    await verifier.verify(minted.token);
    const signatureAt = minted.token.lastIndexOf(".") + 1;
    const changed = minted.token[signatureAt] === "A" ? "B" : "A";
    const forged = minted.token.slice(0, signatureAt) + changed + minted.token.slice(signatureAt + 1);
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(TokenRejected);
    expect((await verifier.verify(minted.token)).subject).toBe("cy");
  });
});
