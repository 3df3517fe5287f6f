// `lipi process`: the same pipeline the server runs, on a file or stdin.
// Text input: one segment per non-empty line. JSON lines: one Segment per
// line in the API's JSON form ({"text": …} or {"words": [{"text", "startMs", "endMs"}]}).
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Option, type Command } from "commander";
import { ProcessedSegment, Segment } from "../gen/lipi/v1/transcript.js";
import { compileProfile } from "../pipeline/index.js";
import type { StreamContext } from "../pipeline/types.js";
import { toProcessedSegment } from "../workers/wire.js";
import { segmentLimits, validateSegment } from "../server/validate.js";
import { configFor } from "./common.js";

export function registerProcess(program: Command): void {
  program
    .command("process")
    .description("process a transcript file (or stdin) locally and print the result")
    .argument("[file]", "input file; '-' or none reads stdin")
    .addOption(new Option("-f, --format <format>", "input and output format").choices(["text", "jsonl"]).default("text"))
    .option("-p, --profile <name>", "profile from the config (default: pipeline.defaultProfile)")
    .action(async (file: string | undefined, opts: { format: "text" | "jsonl"; profile?: string }, command: Command) => {
      const config = configFor(command);
      const profileName = opts.profile ?? config.pipeline.defaultProfile;
      const profile = config.pipeline.profiles[profileName];
      if (!profile) {
        process.stderr.write(`lipi: unknown profile "${profileName}"; known: ${Object.keys(config.pipeline.profiles).join(", ")}\n`);
        process.exit(2);
      }
      const pipeline = compileProfile(profile);
      const input = !file || file === "-" ? process.stdin : createReadStream(file, "utf8");
      const lines = createInterface({ input, crlfDelay: Infinity });
      const limits = segmentLimits(config);
      let context: StreamContext = {};
      let lineNo = 0;
      let failures = 0;
      for await (const line of lines) {
        lineNo++;
        if (line.trim() === "") continue;
        let segment: Segment;
        try {
          segment = opts.format === "jsonl" ? Segment.fromJSON(JSON.parse(line)) : Segment.fromPartial({ text: line, isFinal: true });
        } catch (err) {
          process.stderr.write(`line ${lineNo}: not a JSON segment (${(err as Error).message})\n`);
          failures++;
          continue;
        }
        if (!segment.seq) segment.seq = lineNo;
        const checked = validateSegment(segment, limits, `line ${lineNo}`);
        if (checked.violations) {
          for (const v of checked.violations) process.stderr.write(`${v.field}: ${v.description}\n`);
          failures++;
          continue;
        }
        const { result, context: next } = pipeline.run(checked.input, context);
        context = next;
        const out =
          opts.format === "jsonl" ? JSON.stringify(ProcessedSegment.toJSON(toProcessedSegment(result))) : result.text;
        process.stdout.write(`${out}\n`);
      }
      if (failures > 0) process.exitCode = 1;
    });
}
