// What metrics and tracing cost: the same load against lipi with
// instrumentation off, metrics only (the default) and metrics + tracing
// (spans exported over OTLP/HTTP to a local sink that accepts and discards
// them), configurations interleaved so drift on the machine hits all alike.
// Besides throughput it reads the server process's CPU time (all threads,
// /proc/<pid>/stat) over each load: CPU per segment is what instrumentation
// really adds, and it is far less sensitive to other load on the machine than
// segments/s.
//   npx tsx bench/instrumentation-cost.ts [--rounds 3] [--streams 16] [--segments 2000]
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Command } from "commander";
import { loadCorpus } from "./corpus.js";
import { runLoad } from "./load-runner.js";
import { describeMachine } from "./machine.js";
import { REPO_ROOT, spawnLipi } from "./spawn.js";

const cli = new Command()
  .option("--rounds <n>", "runs per configuration", (v) => Number(v), 3)
  .option("--streams <n>", "concurrent streams", (v) => Number(v), 16)
  .option("--segments <n>", "segments per stream", (v) => Number(v), 2000)
  .option("--data <dir>", "dev data", path.join(REPO_ROOT, "../shared/data"))
  .option("--name <name>", "result file under bench/results", "instrumentation-cost")
  .parse()
  .opts<{ rounds: number; streams: number; segments: number; data: string; name: string }>();

// An OTLP/HTTP endpoint that answers 200 to everything: the exporter does its
// full work (batching, encoding, sending) without a collector installed.
const sink = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/x-protobuf" }).end());
});
await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;

const configurations = {
  off: { LIPI_METRICS__ENABLED: "false", LIPI_TRACING__ENABLED: "false" },
  metrics: { LIPI_METRICS__ENABLED: "true", LIPI_TRACING__ENABLED: "false" },
  "metrics+tracing": {
    LIPI_METRICS__ENABLED: "true",
    LIPI_TRACING__ENABLED: "true",
    OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
  },
} as const;
type Config = keyof typeof configurations;

const corpus = loadCorpus({ dataDir: cli.data });
/** utime + stime of a process in seconds (Linux; clock ticks are 100/s). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const WARMUP_SEGMENTS = 20;
const runs: Array<{ round: number; config: Config; rps: number; p50: number; p99: number; cpuUsPerSegment: number }> = [];
for (let round = 1; round <= cli.rounds; round++) {
  for (const config of Object.keys(configurations) as Config[]) {
    const server = await spawnLipi({ env: { ...configurations[config] } });
    try {
      const cpuBefore = cpuSeconds(server.pid);
      const report = await runLoad({ target: server.address, streams: cli.streams, segmentsPerStream: cli.segments, corpus, name: config, warmupSegments: WARMUP_SEGMENTS });
      const segments = cli.streams * (cli.segments + WARMUP_SEGMENTS);
      const cpuUsPerSegment = Math.round(((cpuSeconds(server.pid) - cpuBefore) * 1e6) / segments);
      const p = (q: number) => report.latencyDistribution.find((d) => d.percentage === q)?.latency ?? NaN;
      runs.push({ round, config, rps: Math.round(report.rps), p50: p(50), p99: p(99), cpuUsPerSegment });
      process.stderr.write(`round ${round} ${config.padEnd(16)} ${Math.round(report.rps)} seg/s, ${cpuUsPerSegment} µs CPU/segment\n`);
    } finally {
      await server.stop();
    }
  }
}
sink.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = Object.fromEntries(
  (Object.keys(configurations) as Config[]).map((c) => {
    const rps = runs.filter((r) => r.config === c).map((r) => r.rps);
    const cpu = runs.filter((r) => r.config === c).map((r) => r.cpuUsPerSegment);
    return [c, { runs: rps, median: median(rps), cpuUsPerSegment: { runs: cpu, median: median(cpu) } }];
  }),
) as Record<Config, { runs: number[]; median: number; cpuUsPerSegment: { runs: number[]; median: number } }>;
const cost = (c: Config) => Number((1 - summary[c].median / summary.off.median).toFixed(3));
const cpuCost = (c: Config) => Number((summary[c].cpuUsPerSegment.median / summary.off.cpuUsPerSegment.median - 1).toFixed(3));
const result = {
  name: cli.name,
  date: new Date().toISOString(),
  what: `lipi spawned per run, ${cli.streams} streams × ${cli.segments} segments, configurations interleaved, ${cli.rounds} rounds`,
  unit: "segments/s; CPU µs per segment (server process, all threads)",
  summary,
  throughputCost: { metrics: cost("metrics"), "metrics+tracing": cost("metrics+tracing") },
  cpuCost: { metrics: cpuCost("metrics"), "metrics+tracing": cpuCost("metrics+tracing") },
  runs,
  machine: describeMachine(),
};
writeFileSync(path.join(REPO_ROOT, "bench/results", `${cli.name}.json`), JSON.stringify(result, null, 2) + "\n");
console.log(JSON.stringify({ summary, throughputCost: result.throughputCost, cpuCost: result.cpuCost }, null, 2));
