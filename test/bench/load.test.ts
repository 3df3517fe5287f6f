// The load generator is only worth its numbers if its checks catch a bad
// server. These tests run it against the echo server (must pass every check),
// a server that reorders and drops (must be caught) and one that never
// answers (the hard time limit must end the run).
import { readFileSync } from "node:fs";
import path from "node:path";

import { createFileRegistry, fromBinary, fromJson } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadCorpus, segmentsForStream } from "../../bench/corpus.js";
import { echoSegment, type RunningEchoServer, startEchoServer } from "../../bench/echo-server.js";
import { runLoad } from "../../bench/load-runner.js";
import { REPO_ROOT, spawnEchoServer } from "../../bench/spawn.js";
import { percentile, PERCENTAGES } from "../../bench/stats.js";
import {
  type StreamProcessRequest,
  type StreamProcessResponse,
  type TranscriptServiceServer,
  TranscriptServiceService,
} from "../../src/gen/lipi/v1/transcript.js";

// The built-in sample keeps the test independent of the data directory.
const corpus = loadCorpus({ dataDir: null });

async function startCustomServer(streamProcess: TranscriptServiceServer["streamProcess"]) {
  const server = new grpc.Server();
  server.addService(TranscriptServiceService, {
    streamProcess,
    process: (_call, cb) => cb({ code: grpc.status.UNIMPLEMENTED }),
  } satisfies TranscriptServiceServer);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, close: () => server.forceShutdown() };
}

describe("bench load generator", () => {
  let echo: RunningEchoServer;
  beforeAll(async () => {
    echo = await startEchoServer();
  });
  afterAll(async () => {
    await echo.close();
  });

  it("runs 4 streams × 50 segments against the echo server with every check passing", async () => {
    const report = await runLoad({ target: echo.address, streams: 4, segmentsPerStream: 50, corpus, warmupSegments: 5, name: "echo" });

    expect(report.count).toBe(200);
    expect(report.checks).toMatchObject({
      sent: 200,
      answered: 200,
      outOfOrder: 0,
      duplicates: 0,
      unexpected: 0,
      missing: 0,
      segmentErrors: 0,
      inOrder: true,
      countMatches: true,
    });
    expect(report.streams).toEqual({
      count: 4,
      completed: 4,
      statusCodeDistribution: { OK: 4 },
      started: 4,
      flushed: 4,
    });
    expect(report.statusCodeDistribution).toEqual({ OK: 200 });
    expect(report.errorDistribution).toEqual({});
    expect(report.hitDurationLimit).toBe(false);

    // ghz-style shape
    expect(report).toMatchObject({ name: "echo", unit: "ms", countUnit: "segment" });
    expect(typeof report.date).toBe("string");
    for (const key of ["total", "average", "fastest", "slowest", "rps"] as const) {
      expect(report[key]).toBeGreaterThan(0);
    }
    expect(report.latencyDistribution.map((p) => p.percentage)).toEqual([...PERCENTAGES]);
    const latencies = report.latencyDistribution.map((p) => p.latency);
    expect(latencies).toEqual([...latencies].sort((a, b) => a - b));
    expect(report.fastest).toBeLessThanOrEqual(latencies[0]!);
    expect(report.slowest).toBeGreaterThanOrEqual(latencies.at(-1)!);
    expect(report.histogram.reduce((n, b) => n + b.count, 0)).toBe(200);
    expect(report.options).toMatchObject({ streams: 4, segmentsPerStream: 50, call: "lipi.v1.TranscriptService.StreamProcess" });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("catches responses out of order and segments never answered", async () => {
    // Answers each pair of segments in swapped order and never answers seq 5.
    const bad = await startCustomServer((call) => {
      let held: StreamProcessResponse | null = null;
      call.on("data", (req: StreamProcessRequest) => {
        if (req.request?.$case !== "segment") return;
        const seg = req.request.value;
        if (seg.seq === 5) return;
        const response: StreamProcessResponse = { response: { $case: "segment", value: echoSegment(seg) } };
        if (held === null && seg.seq % 2 === 0) {
          held = response;
          return;
        }
        call.write(response);
        if (held) call.write(held);
        held = null;
      });
      call.on("end", () => {
        if (held) call.write(held);
        call.end();
      });
    });
    try {
      const report = await runLoad({ target: bad.address, streams: 1, segmentsPerStream: 10, corpus, flush: false });
      expect(report.checks.outOfOrder).toBeGreaterThan(0);
      expect(report.checks.inOrder).toBe(false);
      expect(report.checks.missing).toBe(1);
      expect(report.checks.countMatches).toBe(false);
      expect(report.statusCodeDistribution).toEqual({ OK: 9, Unanswered: 1 });
    } finally {
      bad.close();
    }
  });

  it("ends a run that never gets answers at the duration limit", async () => {
    const silent = await startCustomServer((call) => {
      call.on("data", () => undefined);
      call.on("error", () => undefined);
    });
    try {
      const started = Date.now();
      const report = await runLoad({ target: silent.address, streams: 2, segmentsPerStream: 5, corpus, durationLimitSec: 0.5 });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(report.hitDurationLimit).toBe(true);
      expect(report.streams.completed).toBe(0);
      expect(report.statusCodeDistribution).toEqual({ Canceled: 10 });
      expect(report.rps).toBe(0);
    } finally {
      silent.close();
    }
  });

  it("starts the echo server as a child process and loads it", async () => {
    const child = await spawnEchoServer();
    try {
      const report = await runLoad({ target: child.address, streams: 2, segmentsPerStream: 20, corpus });
      expect(report.checks.countMatches).toBe(true);
      expect(report.checks.inOrder).toBe(true);
    } finally {
      await child.stop();
    }
  });
});

describe("bench corpus and stats", () => {
  it("gives each stream contiguous, increasing timings at about 350 ms per word", () => {
    const segments = segmentsForStream(corpus, 3, 40);
    expect(segments.map((s) => s.seq)).toEqual([...Array(40).keys()]);
    let words = 0;
    let wordTime = 0;
    let previousEnd = -1;
    for (const s of segments) {
      expect(s.words.length).toBeGreaterThan(0);
      expect(s.startMs).toBeGreaterThan(previousEnd);
      for (const w of s.words) {
        expect(w.startMs).toBeGreaterThanOrEqual(s.startMs);
        expect(w.endMs).toBeGreaterThan(w.startMs);
        expect(w.endMs).toBeLessThanOrEqual(s.endMs);
      }
      words += s.words.length;
      wordTime += s.endMs - s.startMs;
      previousEnd = s.endMs;
    }
    expect(wordTime / words).toBeGreaterThan(250);
    expect(wordTime / words).toBeLessThan(450);
  });

  it("uses nearest-rank percentiles like ghz", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 10)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe("ghz configs", () => {
  // ghz parses the data files as protobuf JSON against the descriptors it
  // gets by reflection; parse them the same strict way against ours.
  const registry = createFileRegistry(
    fromBinary(FileDescriptorSetSchema, readFileSync(path.join(REPO_ROOT, "src/gen/descriptors.binpb"))),
  );
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(REPO_ROOT, "bench/ghz", file), "utf8"));

  it("has data files that are valid StreamProcessRequest / ProcessRequest JSON", () => {
    const streamRequest = registry.getMessage("lipi.v1.StreamProcessRequest")!;
    const messages = read("stream-process.data.json") as unknown[];
    expect(Object.keys(messages[0] as object)).toEqual(["config"]);
    for (const m of messages) fromJson(streamRequest, m as never);
    fromJson(registry.getMessage("lipi.v1.ProcessRequest")!, read("process.data.json") as never);
  });

  it("point ghz at our services and data files", () => {
    const stream = read("stream-process.json") as Record<string, unknown>;
    const unary = read("process.json") as Record<string, unknown>;
    expect(stream["call"]).toBe("lipi.v1.TranscriptService.StreamProcess");
    expect(unary["call"]).toBe("lipi.v1.TranscriptService.Process");
    expect(stream["data-file"]).toBe("bench/ghz/stream-process.data.json");
    expect(unary["data-file"]).toBe("bench/ghz/process.data.json");
  });
});
