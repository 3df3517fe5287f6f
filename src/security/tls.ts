// Server credentials from config: TLS from PEM files, mTLS when a client CA
// is given, and plaintext only on loopback unless explicitly allowed (a
// sidecar or Envoy in the same pod that terminates TLS).
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { ServerCredentials } from "@grpc/grpc-js";
import type { LipiConfig } from "../config/schema.js";

export type TlsSettings = LipiConfig["tls"];

export class TlsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TlsConfigError";
  }
}

export function serverCredentials(tls: TlsSettings, host: string): ServerCredentials {
  const { certFile, keyFile, clientCaFile } = tls;
  if ((certFile === "") !== (keyFile === "")) throw new TlsConfigError("tls.certFile and tls.keyFile must be set together");
  if (certFile === "") {
    if (clientCaFile !== "") throw new TlsConfigError("tls.clientCaFile (mTLS) needs tls.certFile and tls.keyFile");
    if (!isLoopback(host) && !tls.allowPlaintext) {
      throw new TlsConfigError(
        `refusing plaintext gRPC on ${host}, which is not a loopback address: set tls.certFile and tls.keyFile, or tls.allowPlaintext: true when TLS ends in front of lipi`,
      );
    }
    return ServerCredentials.createInsecure();
  }
  const clientCa = clientCaFile === "" ? null : readFileSync(clientCaFile);
  return ServerCredentials.createSsl(clientCa, [{ cert_chain: readFileSync(certFile), private_key: readFileSync(keyFile) }], clientCa !== null);
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  if (isIP(bare) === 6) return bare === "::1" || /^::ffff:127\./i.test(bare);
  return false;
}
