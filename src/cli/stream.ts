// `lipi stream`: send a file to a running lipi over gRPC and print what comes
// back — the one-line way to try the server.
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { credentials } from "@grpc/grpc-js";
import { createInterface } from "node:readline";
import { Option, type Command } from "commander";
import { LipiClient, type SegmentDraft } from "../client/lipi-client.js";
import { ProcessedSegment, Segment } from "../gen/lipi/v1/transcript.js";
import type { LipiConfig } from "../config/schema.js";
import { decodeBadRequest } from "../server/errors.js";
import { isLoopback } from "../security/tls.js";
import { mintWithSecretFile } from "../security/tokens.js";
import { configFor } from "./common.js";

export function registerStream(program: Command): void {
  program
    .command("stream")
    .description("stream a file (or stdin) to a running lipi and print the processed segments")
    .argument("[file]", "input file; '-' or none reads stdin")
    .option("-t, --target <host:port>", "server address", "127.0.0.1:50051")
    .addOption(new Option("-f, --format <format>", "input and output format").choices(["text", "jsonl"]).default("text"))
    .option("-p, --profile <name>", "profile (default: the server's)")
    .option("--persist", "ask the server to store the session")
    .addOption(new Option("--token <jwt>", "bearer token (default for a server on this machine with the dev HS256 secret: a 10-minute operator token signed with it)").env("LIPI_TOKEN"))
    .option("--tls", "connect with TLS (system CAs)")
    .option("--ca <file>", "connect with TLS, trusting this PEM CA")
    .action(async (file: string | undefined, opts: StreamOptions, command: Command) => {
      const input = !file || file === "-" ? process.stdin : createReadStream(file, "utf8");
      const channel = opts.ca ? credentials.createSsl(readFileSync(opts.ca)) : opts.tls ? credentials.createSsl() : credentials.createInsecure();
      const token = opts.token ?? (await localDevToken(opts.target, configFor(command)));
      const client = new LipiClient(opts.target, { credentials: channel, ...(token ? { token } : {}) });
      let failures = 0;
      try {
        const config = { profile: opts.profile ?? "", persist: opts.persist ?? false };
        for await (const response of client.stream(config, readSegments(input, opts.format))) {
          const r = response.response;
          if (r?.$case === "segment") {
            process.stdout.write(`${opts.format === "jsonl" ? JSON.stringify(ProcessedSegment.toJSON(r.value)) : r.value.text}\n`);
          } else if (r?.$case === "error") {
            failures++;
            const fields = decodeBadRequest(r.value.status).map((v) => `${v.field}: ${v.description}`);
            process.stderr.write(`segment ${r.value.seq}: ${r.value.status?.message}${fields.length ? ` (${fields.join("; ")})` : ""}\n`);
          }
        }
      } catch (err) {
        process.stderr.write(`lipi: ${(err as Error).message}\n`);
        process.exitCode = 2;
      } finally {
        client.close();
      }
      if (failures > 0 && !process.exitCode) process.exitCode = 1;
    });
}

/**
 * Without --token, a server on this machine running with the dev HS256 secret
 * (the default `npm start`) is called with a short-lived operator token signed
 * by that same secret file — what `lipi token mint` would print. Anything else
 * needs a real token.
 */
async function localDevToken(target: string, config: LipiConfig): Promise<string | undefined> {
  const { auth } = config;
  const host = target.slice(0, target.lastIndexOf(":"));
  if (!isLoopback(host) || !auth.enabled || auth.keySource !== "hs256" || !existsSync(auth.hs256.secretFile)) return undefined;
  return (await mintWithSecretFile(auth, { subject: "lipi-cli", roles: ["operator"], ttlSec: DEV_TOKEN_TTL_SEC })).token;
}

const DEV_TOKEN_TTL_SEC = 600;

interface StreamOptions {
  target: string;
  format: "text" | "jsonl";
  profile?: string;
  persist?: boolean;
  token?: string;
  tls?: boolean;
  ca?: string;
}

async function* readSegments(input: NodeJS.ReadableStream, format: "text" | "jsonl"): AsyncGenerator<SegmentDraft> {
  let seq = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    seq++;
    yield format === "jsonl" ? { ...Segment.fromJSON(JSON.parse(line)), seq } : { text: line, seq };
  }
}
