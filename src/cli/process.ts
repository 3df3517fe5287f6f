// `lipi process`: the same pipeline the server runs, on a file or stdin.
// Text input: one segment per non-empty line. JSON lines: one Segment per
// line in the API's JSON form ({"text": …} or {"words": [{"text", "startMs", "endMs"}]}).
// Caption files (.srt, .vtt) and JSON transcripts (.json) come out in their
// own format, cue timings kept; their parse problems go to stderr.
import { createReadStream, createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Option, type Command } from "commander";
import { ProcessedSegment, Segment } from "../gen/lipi/v1/transcript.js";
import { compileProfile } from "../pipeline/index.js";
import { loadPipelineResources } from "../resources/load.js";
import type { StreamContext } from "../pipeline/types.js";
import { toProcessedSegment } from "../workers/wire.js";
import { segmentLimits, validateSegment } from "../server/validate.js";
import { captionFormatOf, processCaptions, type CaptionFormat } from "./captions.js";
import { configFor } from "./common.js";

interface ProcessOptions {
  format?: "text" | "jsonl" | CaptionFormat;
  profile?: string;
  out?: string;
  relayout?: boolean;
}

export function registerProcess(program: Command): void {
  program
    .command("process")
    .description("process a transcript file (or stdin) locally and print the result")
    .argument("[file]", "input file; '-' or none reads stdin")
    .addOption(
      new Option("-f, --format <format>", "input and output format (default: from the file extension, else text)").choices([
        "text",
        "jsonl",
        "srt",
        "vtt",
        "json",
      ]),
    )
    .option("-p, --profile <name>", "profile from the config (default: pipeline.defaultProfile)")
    .option("-o, --out <file>", "write the result here instead of stdout")
    .option("--relayout", "captions: rebuild cues from word timings (line length, reading speed, durations)")
    .action(async (file: string | undefined, opts: ProcessOptions, command: Command) => {
      const config = configFor(command);
      const profileName = opts.profile ?? config.pipeline.defaultProfile;
      const profile = config.pipeline.profiles[profileName];
      if (!profile) {
        process.stderr.write(`lipi: unknown profile "${profileName}"; known: ${Object.keys(config.pipeline.profiles).join(", ")}\n`);
        process.exit(2);
      }
      const pipeline = compileProfile(profile, undefined, loadPipelineResources());
      const format = opts.format ?? captionFormatOf(file) ?? "text";
      if (format === "srt" || format === "vtt" || format === "json") {
        const text = readFileSync(!file || file === "-" ? 0 : file, "utf8");
        const run = processCaptions(text, format, pipeline, opts.relayout ? {} : undefined);
        for (const problem of run.problems) process.stderr.write(`${file ?? "stdin"}: ${problem}\n`);
        if (opts.out) writeFileSync(opts.out, run.output);
        else process.stdout.write(run.output);
        if (run.hasErrors) process.exitCode = 1;
        return;
      }
      const input = !file || file === "-" ? process.stdin : createReadStream(file, "utf8");
      const sink = opts.out ? createWriteStream(opts.out) : process.stdout;
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
          segment = format === "jsonl" ? Segment.fromJSON(JSON.parse(line)) : Segment.fromPartial({ text: line, isFinal: true });
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
          format === "jsonl" ? JSON.stringify(ProcessedSegment.toJSON(toProcessedSegment(result))) : result.text;
        sink.write(`${out}\n`);
      }
      if (sink !== process.stdout) await new Promise<void>((resolve) => sink.end(() => resolve()));
      if (failures > 0) process.exitCode = 1;
    });
}
