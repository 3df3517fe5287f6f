// TLS and mTLS from config files, with certificates made for the test by
// openssl (no private key is committed), and the refusal of plaintext on a
// non-loopback address.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { credentials, status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { isLoopback, serverCredentials, TlsConfigError } from "../../src/security/tls.js";
import { checkHealth, healthClient } from "../helpers/health.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { callProcess, MemoryAuditSink, newRequestId } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "lipi-tls-"));
const file = (name: string) => join(dir, name);
const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });

/** A CA, a server certificate for 127.0.0.1 and a client certificate, all signed by the CA. */
function makeCertificates(): void {
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
  openssl("req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=lipi test CA");
  writeFileSync(file("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  for (const [name, cn] of [["server", "localhost"], ["client", "asr-engine"]] as const) {
    openssl("req", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${cn}`);
    openssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.pem`, "-days", "1", ...(name === "server" ? ["-extfile", "server.ext"] : []));
  }
}

const audit = new MemoryAuditSink();
let lipi: TestLipi;
beforeAll(async () => {
  makeCertificates();
  lipi = await startTestLipi(
    "postgres",
    { tls: { certFile: file("server.pem"), keyFile: file("server.key"), clientCaFile: file("ca.pem") } },
    { auditSink: audit },
  );
});
afterAll(async () => {
  await lipi?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ca = () => readFileSync(file("ca.pem"));

describe("mTLS", () => {
  it("serves a client that presents a certificate signed by the client CA", async () => {
    const channel = credentials.createSsl(ca(), readFileSync(file("client.key")), readFileSync(file("client.pem")));
    const client = lipi.clientWith(lipi.token, channel);
    const requestId = newRequestId("mtls");
    const outcome = await callProcess(client, requestId);
    client.close();
    expect(outcome.code).toBe(status.OK);
    expect(await audit.forRequest(requestId)).toMatchObject({ code: status.OK, subject: "test-admin" });

    const health = healthClient(lipi.address, channel);
    expect(await checkHealth(health, "")).toBe("SERVING");
    health.close();
  });

  it("fails the handshake of a client without a certificate: UNAVAILABLE, and no call reaches the server to be audited", async () => {
    const client = lipi.clientWith(lipi.token, credentials.createSsl(ca()));
    const requestId = newRequestId("no-client-cert");
    const outcome = await callProcess(client, requestId);
    client.close();
    expect(outcome.code).toBe(status.UNAVAILABLE);
    await new Promise((r) => setTimeout(r, 100));
    expect(audit.entries.filter((e) => e.requestId === requestId)).toEqual([]);
  });

  it("fails a plaintext client against the TLS port", async () => {
    const client = lipi.clientWith(lipi.token, credentials.createInsecure());
    const outcome = await callProcess(client, newRequestId("plaintext"));
    client.close();
    expect(outcome.code).toBe(status.UNAVAILABLE);
  });

  it("still requires a token over mTLS", async () => {
    const channel = credentials.createSsl(ca(), readFileSync(file("client.key")), readFileSync(file("client.pem")));
    const client = lipi.clientWith(undefined, channel);
    const requestId = newRequestId("mtls-no-token");
    const outcome = await callProcess(client, requestId);
    client.close();
    expect(outcome.code).toBe(status.UNAUTHENTICATED);
    expect((await audit.forRequest(requestId)).code).toBe(status.UNAUTHENTICATED);
  });
});

describe("server credentials from config", () => {
  const tls = loadConfig({ env: {} }).tls;

  it("refuse plaintext on a non-loopback address unless tls.allowPlaintext", () => {
    expect(() => serverCredentials(tls, "0.0.0.0")).toThrow(TlsConfigError);
    expect(() => serverCredentials(tls, "0.0.0.0")).toThrow(/refusing plaintext gRPC on 0\.0\.0\.0/);
    expect(serverCredentials({ ...tls, allowPlaintext: true }, "0.0.0.0")._isSecure()).toBe(false);
    expect(serverCredentials(tls, "127.0.0.1")._isSecure()).toBe(false);
  });

  it("build TLS credentials from the files, and refuse half a configuration", () => {
    expect(serverCredentials({ ...tls, certFile: file("server.pem"), keyFile: file("server.key") }, "0.0.0.0")._isSecure()).toBe(true);
    expect(() => serverCredentials({ ...tls, certFile: file("server.pem") }, "127.0.0.1")).toThrow(/must be set together/);
    expect(() => serverCredentials({ ...tls, clientCaFile: file("ca.pem") }, "127.0.0.1")).toThrow(/needs tls\.certFile/);
  });

  it("know loopback addresses", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "10.0.0.7", "::", "example.com"].some(isLoopback)).toBe(false);
  });

  it("stop the start of a server bound to 0.0.0.0 without TLS", async () => {
    await expect(startTestLipi("postgres", { server: { host: "0.0.0.0" } })).rejects.toThrow(/refusing plaintext gRPC on 0\.0\.0\.0/);
  });
});
