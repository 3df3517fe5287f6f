// `npm run bench -- [options]`: the lipi load generator. Runs N concurrent
// StreamProcess streams of M corpus segments against a running lipi
// (--target), a lipi it starts itself (--spawn), and/or the plain echo
// server (--echo / --echo-only) as the transport ceiling. Prints a short
// table on stderr and ghz-style JSON on stdout (--json) and/or to a file
// (--out, or --name → bench/results/<name>.json). Exits 1 when a check fails
// (a missing, duplicate or out-of-order response, or a non-OK stream).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { Command, InvalidArgumentError, Option } from "commander";

import { type Corpus, loadCorpus, type PayloadMode } from "./corpus.js";
import { startEchoServer } from "./echo-server.js";
import { type LoadOptions, type LoadReport, runLoad } from "./load-runner.js";
import { describeMachine, type MachineDescription } from "./machine.js";
import { type ChildServer, REPO_ROOT, spawnEchoServer, spawnLipi } from "./spawn.js";
import { compareToEcho, latencyAt, type LipiVsEcho } from "./stats.js";

export interface BenchResult extends Partial<LoadReport> {
  machine: MachineDescription;
  corpus: { dataDir: string | null; lines: number; countsBySource: Corpus["countsBySource"]; meanWordsPerLine: number };
  /** Same load against the echo server (with --echo). */
  echo?: LoadReport;
  /** lipi ÷ echo (with --echo). */
  ratios?: LipiVsEcho;
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
};
const nonNegative = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("must be a number ≥ 0");
  return n;
};

interface CliOptions {
  target: string;
  spawn: boolean;
  echo: boolean;
  echoOnly: boolean;
  echoInProcess: boolean;
  streams: number;
  segments: number;
  profile: string;
  durationLimit: number;
  warmup: number;
  rate: number;
  connections: number;
  payload: PayloadMode;
  data: string;
  token?: string;
  persist: boolean;
  flush: boolean;
  json: boolean;
  out?: string;
  name?: string;
}

function parseArgs(argv: string[]): CliOptions {
  const program = new Command()
    .name("npm run bench --")
    .description("Load generator for lipi's StreamProcess (ghz-style JSON report)")
    .option("--target <host:port>", "running lipi to load", process.env["LIPI_BENCH_TARGET"] ?? "127.0.0.1:50051")
    .option("--spawn", "start lipi as a child process on a free port (ignores --target)", false)
    .option("--echo", "also run the same load against the plain echo server (transport ceiling)", false)
    .option("--echo-only", "run only against the echo server (no lipi needed)", false)
    .option("--echo-in-process", "run the echo server in this process instead of a child (debugging only)", false)
    .option("--streams <n>", "concurrent StreamProcess streams", positiveInt, 8)
    .option("--segments <m>", "segments per stream", positiveInt, 200)
    .option("--profile <name>", "profile in StreamConfig (empty: server default)", "")
    .option("--duration-limit <seconds>", "hard stop for each measured run; open calls are cancelled", nonNegative, 120)
    .option("--warmup <segments>", "segments per stream sent before measuring (0: none)", (v) => Math.floor(nonNegative(v)), 20)
    .option("--rate <per-second>", "segments/s per stream (0: as fast as back-pressure allows)", nonNegative, 0)
    .option("--connections <k>", "HTTP/2 connections to spread streams over", positiveInt, 1)
    .addOption(
      new Option("--payload <mode>", "send words with timings, plain text, or both").choices(["both", "words", "text"]).default("both"),
    )
    .option("--data <dir>", "dev data directory (falls back to a built-in sample)", path.resolve(REPO_ROOT, "../shared/data"))
    .option("--token <jwt>", "bearer token for servers with auth on (default: $LIPI_TOKEN)", process.env["LIPI_TOKEN"])
    .option("--persist", "ask lipi to store the segments (StreamConfig.persist)", false)
    .option("--no-flush", "do not send a Flush before half-closing each stream")
    .option("--json", "print the JSON report on stdout", false)
    .option("--out <file>", "write the JSON report to this file")
    .option("--name <name>", "write the JSON report to bench/results/<name>.json (unless --out)")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  npm run bench -- --echo-only --streams 4 --segments 200\n" +
        "  npm run bench -- --spawn --echo --streams 16 --segments 500 --name $(hostname)-$(date +%F)\n" +
        "  npm run bench -- --target 10.0.0.5:50051 --rate 2 --streams 200 --segments 60 --json\n",
    );
  program.parse(argv);
  return program.opts<CliOptions>();
}

async function withServer<T>(start: () => Promise<ChildServer>, use: (address: string) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await use(server.address);
  } finally {
    await server.stop();
  }
}

export async function main(argv = process.argv): Promise<number> {
  const cli = parseArgs(argv);
  const corpus = loadCorpus({ dataDir: cli.data });
  if (corpus.dataDir === null) process.stderr.write(`note: no data under ${cli.data}; using the built-in sample\n`);

  const base: Omit<LoadOptions, "target"> = {
    streams: cli.streams,
    segmentsPerStream: cli.segments,
    corpus,
    profile: cli.profile,
    durationLimitSec: cli.durationLimit > 0 ? cli.durationLimit : 120,
    warmupSegments: cli.warmup,
    connections: cli.connections,
    ratePerStream: cli.rate,
    payload: cli.payload,
    persist: cli.persist,
    flush: cli.flush,
    ...(cli.token ? { token: cli.token } : {}),
  };

  // Runs are sequential and each server is stopped before the next starts,
  // so lipi and echo never compete for the same cores.
  let lipi: LoadReport | undefined;
  if (!cli.echoOnly) {
    lipi = cli.spawn
      ? await withServer(spawnLipi, (target) => runLoad({ ...base, target, name: "lipi" }))
      : await runLoad({ ...base, target: cli.target, name: "lipi" });
  }
  let echo: LoadReport | undefined;
  if (cli.echo || cli.echoOnly) {
    const start = cli.echoInProcess
      ? async (): Promise<ChildServer> => {
          const s = await startEchoServer();
          return { address: s.address, pid: process.pid, logFile: null, stop: s.close };
        }
      : () => spawnEchoServer();
    echo = await withServer(start, (target) => runLoad({ ...base, target, name: "echo" }));
  }

  const result: BenchResult = {
    ...(lipi ?? echo),
    machine: describeMachine(),
    corpus: {
      dataDir: corpus.dataDir,
      lines: corpus.lines.length,
      countsBySource: corpus.countsBySource,
      meanWordsPerLine: Math.round(corpus.meanWordsPerLine * 10) / 10,
    },
  };
  if (lipi && echo) {
    result.echo = echo;
    result.ratios = compareToEcho(lipi, echo);
  }

  process.stderr.write(humanTable([lipi, echo].filter((r): r is LoadReport => r !== undefined), result.ratios));
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (cli.json) process.stdout.write(json);
  const outFile = cli.out ?? (cli.name ? path.join(REPO_ROOT, "bench/results", `${cli.name}.json`) : undefined);
  if (outFile) {
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, json);
    process.stderr.write(`wrote ${outFile}\n`);
  }
  const failed = [lipi, echo].some((r) => r && (!r.checks.inOrder || !r.checks.countMatches || r.streams.completed !== r.streams.count));
  return failed ? 1 : 0;
}

export function humanTable(reports: LoadReport[], ratios?: LipiVsEcho): string {
  const header = ["run", "segments", "answered", "seg/s", "avg ms", "p50", "p90", "p99", "max", "order", "streams ok"];
  const rows = reports.map((r) => [
    r.name,
    String(r.count),
    String(r.checks.answered),
    r.rps.toFixed(0),
    r.average.toFixed(2),
    latencyAt(r, 50).toFixed(2),
    latencyAt(r, 90).toFixed(2),
    latencyAt(r, 99).toFixed(2),
    r.slowest.toFixed(2),
    r.checks.inOrder ? "ok" : `BAD(${r.checks.outOfOrder}/${r.checks.duplicates}/${r.checks.unexpected})`,
    `${r.streams.completed}/${r.streams.count}${r.hitDurationLimit ? " (time limit)" : ""}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  let out = `\n${line(header)}\n${rows.map(line).join("\n")}\n`;
  if (ratios) {
    out += `lipi/echo: throughput ${(ratios.throughput * 100).toFixed(1)}% of ceiling, p50 ×${ratios.p50.toFixed(2)}, p99 ×${ratios.p99.toFixed(2)}\n`;
  }
  for (const r of reports) {
    const errors = Object.entries(r.errorDistribution);
    if (errors.length > 0) out += `${r.name} errors: ${errors.map(([m, c]) => `${c}× ${m}`).join("; ")}\n`;
  }
  return `${out}\n`;
}

// Run only as a script, so tests can import humanTable without starting a load.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
}
