// `lipi stream`: send a file to a running lipi over gRPC and print what comes
// back — the one-line way to try the server.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Option, type Command } from "commander";
import { LipiClient, type SegmentDraft } from "../client/lipi-client.js";
import { ProcessedSegment, Segment } from "../gen/lipi/v1/transcript.js";
import { decodeBadRequest } from "../server/errors.js";

export function registerStream(program: Command): void {
  program
    .command("stream")
    .description("stream a file (or stdin) to a running lipi and print the processed segments")
    .argument("[file]", "input file; '-' or none reads stdin")
    .option("-t, --target <host:port>", "server address", "127.0.0.1:50051")
    .addOption(new Option("-f, --format <format>", "input and output format").choices(["text", "jsonl"]).default("text"))
    .option("-p, --profile <name>", "profile (default: the server's)")
    .option("--persist", "ask the server to store the session")
    .action(async (file: string | undefined, opts: { target: string; format: "text" | "jsonl"; profile?: string; persist?: boolean }) => {
      const input = !file || file === "-" ? process.stdin : createReadStream(file, "utf8");
      const client = new LipiClient(opts.target);
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

async function* readSegments(input: NodeJS.ReadableStream, format: "text" | "jsonl"): AsyncGenerator<SegmentDraft> {
  let seq = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    seq++;
    yield format === "jsonl" ? { ...Segment.fromJSON(JSON.parse(line)), seq } : { text: line, seq };
  }
}
