// Writes the request data files the ghz configs use, from the same corpus
// the load generator sends:
//   stream-process.data.json  a JSON array: one StreamConfig, then N Segments
//                             (ghz sends array elements as the stream's messages)
//   process.data.json         one ProcessRequest with N Segments
// Messages are written in protobuf JSON form (lowerCamelCase names), which
// ghz parses with the descriptors it gets from server reflection.
//
//   npx tsx bench/ghz/make-data.ts                 # built-in sample → bench/ghz/*.data.json (committed)
//   npx tsx bench/ghz/make-data.ts --data ../shared/data --segments 100
//                                                  # dev corpus → bench/ghz/corpus/*.data.json (git-ignored:
//                                                  # CC BY / CC BY-SA text stays out of the repository)
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { Command } from "commander";

import { type Segment } from "../../src/gen/lipi/v1/transcript.js";
import { loadCorpus, segmentsForStream } from "../corpus.js";
import { REPO_ROOT } from "../spawn.js";

const opts = new Command()
  .option("--data <dir>", "dev data directory; omitted → the built-in sample")
  .option("--segments <n>", "segments per stream / per Process call", (v) => Number.parseInt(v, 10), 50)
  .option("--profile <name>", "profile in the StreamConfig", "")
  .option("--out-dir <dir>", "where to write (default: bench/ghz, or bench/ghz/corpus with --data)")
  .parse()
  .opts<{ data?: string; segments: number; profile: string; outDir?: string }>();

const corpus = loadCorpus({ dataDir: opts.data ?? null });
const outDir = opts.outDir ?? path.join(REPO_ROOT, "bench/ghz", opts.data ? "corpus" : "");
mkdirSync(outDir, { recursive: true });

/** proto3 JSON: drop empty strings so the files stay readable; numbers stay numbers. */
const toJson = (s: Segment) => ({
  id: s.id,
  seq: s.seq,
  isFinal: s.isFinal,
  startMs: s.startMs,
  endMs: s.endMs,
  text: s.text,
  words: s.words.map((w) => ({ text: w.text, startMs: w.startMs, endMs: w.endMs, confidence: w.confidence })),
});

const segments = segmentsForStream(corpus, 0, opts.segments).map(toJson);
const config = { profile: opts.profile, sessionId: "ghz" };

const streamFile = path.join(outDir, "stream-process.data.json");
// One message per line: diffable, and still a plain JSON array for ghz.
const messages = [{ config }, ...segments.map((segment) => ({ segment }))];
writeFileSync(streamFile, `[\n${messages.map((m) => JSON.stringify(m)).join(",\n")}\n]\n`);
const processFile = path.join(outDir, "process.data.json");
writeFileSync(processFile, `{"config":${JSON.stringify(config)},"segments":[\n${segments.map((s) => JSON.stringify(s)).join(",\n")}\n]}\n`);
process.stderr.write(`wrote ${streamFile} and ${processFile} (${segments.length} segments from ${corpus.dataDir ?? "the built-in sample"})\n`);
