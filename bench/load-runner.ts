// The core of the load generator, callable from the CLI (load.ts) and from
// tests: N concurrent bidi StreamProcess streams, each sending a StreamConfig
// then M segments, measuring every segment's latency (write → the response
// with the same seq) and checking that responses come back complete and in
// input order. Everything is bounded: a hard time limit cancels every call.
import { performance } from "node:perf_hooks";

import * as grpc from "@grpc/grpc-js";

import {
  InterimHandling,
  type Segment,
  type StreamProcessRequest,
  type StreamProcessResponse,
  StreamStatus_Kind,
  TranscriptServiceClient,
} from "../src/gen/lipi/v1/transcript.js";
import { type Corpus, type PayloadMode, segmentsForStream } from "./corpus.js";
import { tokenForSpawnedLipi } from "./spawn.js";
import { type GhzStyleReport, summarize } from "./stats.js";

export interface LoadOptions {
  /** host:port */
  target: string;
  streams: number;
  segmentsPerStream: number;
  corpus: Corpus;
  /** Profile in StreamConfig; "" lets the server pick its default. */
  profile?: string;
  /** Hard stop for the measured phase, seconds; every open call is cancelled then. */
  durationLimitSec?: number;
  /** Segments per stream sent (and not measured) before the measured phase; warms JITs and pools. */
  warmupSegments?: number;
  /** HTTP/2 connections the streams are spread over (ghz's --connections; default 1). */
  connections?: number;
  /** Segments per second per stream; 0 sends as fast as back-pressure allows (a throughput test). */
  ratePerStream?: number;
  payload?: PayloadMode;
  /** Bearer token sent as `authorization` metadata; default: the admin token of a lipi spawnLipi started at `target`. */
  token?: string;
  persist?: boolean;
  /** Send a Flush before half-closing, so held-back segments are answered. */
  flush?: boolean;
  /** Label written into the report ("lipi", "echo", ...). */
  name?: string;
}

export interface OrderChecks {
  sent: number;
  answered: number;
  /** Responses whose seq was lower than one already seen. */
  outOfOrder: number;
  /** Responses for a seq answered before. */
  duplicates: number;
  /** Responses for a seq this stream never sent. */
  unexpected: number;
  /** Sent segments never answered (by a ProcessedSegment or a SegmentError). */
  missing: number;
  /** Segments answered with a SegmentError instead of a ProcessedSegment. */
  segmentErrors: number;
  inOrder: boolean;
  countMatches: boolean;
}

export interface StreamSummary {
  count: number;
  /** Streams that ended with status OK. */
  completed: number;
  /** Final gRPC status of each stream, by code name. */
  statusCodeDistribution: Record<string, number>;
  /** Streams whose server said STARTED after the config / FLUSHED after a Flush. */
  started: number;
  flushed: number;
}

export interface LoadReport extends GhzStyleReport {
  options: {
    target: string;
    call: "lipi.v1.TranscriptService.StreamProcess";
    streams: number;
    segmentsPerStream: number;
    profile: string;
    durationLimitSec: number;
    warmupSegments: number;
    connections: number;
    ratePerStream: number;
    payload: PayloadMode;
    persist: boolean;
    flush: boolean;
  };
  streams: StreamSummary;
  checks: OrderChecks;
  /** True when the hard time limit cancelled calls before they finished. */
  hitDurationLimit: boolean;
  /**
   * CPU the load generator itself used during the measured phase, as % of
   * one core. Near 100 means the generator, not the server, set the pace.
   */
  loadGeneratorCpuPercent: number;
}

/** Go's names for gRPC codes, as ghz prints them. */
const CODE_NAMES: Record<number, string> = {
  0: "OK",
  1: "Canceled",
  2: "Unknown",
  3: "InvalidArgument",
  4: "DeadlineExceeded",
  5: "NotFound",
  6: "AlreadyExists",
  7: "PermissionDenied",
  8: "ResourceExhausted",
  9: "FailedPrecondition",
  10: "Aborted",
  11: "OutOfRange",
  12: "Unimplemented",
  13: "Internal",
  14: "Unavailable",
  15: "DataLoss",
  16: "Unauthenticated",
};
export const codeName = (code: number): string => CODE_NAMES[code] ?? `Code(${code})`;

interface StreamOutcome {
  sent: number;
  answered: number;
  latenciesMs: number[];
  outOfOrder: number;
  duplicates: number;
  unexpected: number;
  /** seq → "Code: message" for segments answered with a SegmentError. */
  segmentErrors: Map<number, string>;
  statusCode: number | null;
  statusDetails: string;
  started: boolean;
  flushed: boolean;
}

interface RunningStream {
  outcome: StreamOutcome;
  done: Promise<void>;
  cancel(): void;
}

function startStream(
  client: TranscriptServiceClient,
  streamIndex: number,
  segments: Segment[],
  options: Required<Omit<LoadOptions, "token" | "name">> & { token?: string },
  sessionPrefix: string,
  deadline: Date,
): RunningStream {
  const n = segments.length;
  const sentAt = new Float64Array(n).fill(-1);
  const answeredSeq = new Uint8Array(n);
  const outcome: StreamOutcome = {
    sent: 0,
    answered: 0,
    latenciesMs: [],
    outOfOrder: 0,
    duplicates: 0,
    unexpected: 0,
    segmentErrors: new Map(),
    statusCode: null,
    statusDetails: "",
    started: false,
    flushed: false,
  };

  const metadata = new grpc.Metadata();
  if (options.token) metadata.set("authorization", `Bearer ${options.token}`);
  const call = client.streamProcess(metadata, { deadline });

  let lastSeq = -1;
  const onAnswer = (seq: number, now: number, error: string | null) => {
    if (!Number.isInteger(seq) || seq < 0 || seq >= n || (sentAt[seq] as number) < 0) {
      outcome.unexpected++;
      return;
    }
    if (answeredSeq[seq]) {
      outcome.duplicates++;
      return;
    }
    answeredSeq[seq] = 1;
    outcome.answered++;
    if (seq < lastSeq) outcome.outOfOrder++;
    lastSeq = Math.max(lastSeq, seq);
    if (error !== null) outcome.segmentErrors.set(seq, error);
    else outcome.latenciesMs.push(now - (sentAt[seq] as number));
  };

  call.on("data", (response: StreamProcessResponse) => {
    const now = performance.now();
    const r = response.response;
    switch (r?.$case) {
      case "segment":
        onAnswer(r.value.seq, now, null);
        break;
      case "error":
        onAnswer(r.value.seq, now, `${codeName(r.value.status?.code ?? 2)}: ${r.value.status?.message ?? "segment error"}`);
        break;
      case "status":
        if (r.value.kind === StreamStatus_Kind.KIND_STARTED) outcome.started = true;
        if (r.value.kind === StreamStatus_Kind.KIND_FLUSHED) outcome.flushed = true;
        break;
      default:
        break;
    }
  });

  // The call is over when its status is known and (for OK) the response
  // stream has ended, so no 'data' is still to come.
  let ended = false;
  let status: grpc.StatusObject | null = null;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const maybeDone = () => {
    if (status && (ended || status.code !== grpc.status.OK)) {
      outcome.statusCode = status.code;
      outcome.statusDetails = status.details;
      resolveDone();
    }
  };
  call.on("end", () => {
    ended = true;
    maybeDone();
  });
  call.on("status", (s: grpc.StatusObject) => {
    status = s;
    maybeDone();
  });
  call.on("error", () => {
    /* reported through 'status'; the listener keeps it from being thrown */
  });

  const finished = done.then(() => "finished" as const);
  const waitForDrain = () =>
    Promise.race([new Promise<"drain">((resolve) => call.once("drain", () => resolve("drain"))), finished]);

  const write = async (message: StreamProcessRequest): Promise<boolean> => {
    if (status) return false;
    // write() returning false means the HTTP/2 window and the local buffer
    // are full: wait for 'drain' instead of piling up memory.
    if (!call.write(message)) return (await waitForDrain()) === "drain";
    return true;
  };

  const send = async () => {
    const ok = await write({
      request: {
        $case: "config",
        value: {
          profile: options.profile,
          stages: {},
          lexiconIds: [],
          language: "",
          sessionId: `${sessionPrefix}-${streamIndex}`,
          persist: options.persist,
          interimHandling: InterimHandling.INTERIM_HANDLING_PROCESS,
        },
      },
    });
    if (!ok) return;
    const t0 = performance.now();
    const intervalMs = options.ratePerStream > 0 ? 1000 / options.ratePerStream : 0;
    for (let i = 0; i < n; i++) {
      if (intervalMs > 0) {
        const wait = t0 + i * intervalMs - performance.now();
        if (wait > 1) await Promise.race([sleep(wait), finished]);
      }
      if (status) return;
      const segment = segments[i] as Segment;
      sentAt[segment.seq] = performance.now();
      outcome.sent++;
      if (!(await write({ request: { $case: "segment", value: segment } }))) return;
    }
    if (options.flush && !(await write({ request: { $case: "flush", value: {} } }))) return;
    call.end();
  };
  send().catch(() => call.cancel());

  return { outcome, done, cancel: () => call.cancel() };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function makeClients(target: string, connections: number): TranscriptServiceClient[] {
  return Array.from(
    { length: connections },
    () =>
      new TranscriptServiceClient(target, grpc.credentials.createInsecure(), {
        // A local subchannel pool per client gives each its own TCP
        // connection; otherwise grpc-js would share one between them.
        "grpc.use_local_subchannel_pool": 1,
        "grpc.max_receive_message_length": 64 * 1024 * 1024,
      }),
  );
}

async function waitReady(clients: TranscriptServiceClient[], timeoutMs: number): Promise<void> {
  await Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((resolve, reject) =>
          client.waitForReady(Date.now() + timeoutMs, (err) => (err ? reject(err) : resolve())),
        ),
    ),
  );
}

interface PhaseResult {
  outcomes: StreamOutcome[];
  totalMs: number;
  hitDurationLimit: boolean;
  cpuPercent: number;
}

async function runPhase(
  clients: TranscriptServiceClient[],
  options: Required<Omit<LoadOptions, "token" | "name">> & { token?: string },
  segmentsPerStream: number,
  sessionPrefix: string,
): Promise<PhaseResult> {
  const limitMs = options.durationLimitSec * 1000;
  // The deadline is a backstop behind the hard-stop timer below.
  const deadline = new Date(Date.now() + limitMs + 5_000);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const running = Array.from({ length: options.streams }, (_, i) =>
    startStream(
      clients[i % clients.length] as TranscriptServiceClient,
      i,
      segmentsForStream(options.corpus, i, segmentsPerStream, options.payload),
      options,
      sessionPrefix,
      deadline,
    ),
  );
  let hitDurationLimit = false;
  const hardStop = setTimeout(() => {
    hitDurationLimit = true;
    for (const stream of running) stream.cancel();
  }, limitMs);
  // Even a call that ignores cancel cannot hold the run past limit + 10 s.
  let giveUpTimer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<void>((resolve) => (giveUpTimer = setTimeout(resolve, limitMs + 10_000)));
  await Promise.race([Promise.all(running.map((s) => s.done)), giveUp]);
  clearTimeout(giveUpTimer);
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearTimeout(hardStop);
  const cpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / totalMs) * 1000) / 10;
  return { outcomes: running.map((s) => s.outcome), totalMs, hitDurationLimit, cpuPercent };
}

function withDefaults(options: LoadOptions): Required<Omit<LoadOptions, "token" | "name">> & { token?: string } {
  const resolved = {
    target: options.target,
    streams: options.streams,
    segmentsPerStream: options.segmentsPerStream,
    corpus: options.corpus,
    profile: options.profile ?? "",
    durationLimitSec: options.durationLimitSec ?? 60,
    warmupSegments: options.warmupSegments ?? 0,
    connections: Math.max(1, Math.min(options.connections ?? 1, options.streams)),
    ratePerStream: options.ratePerStream ?? 0,
    payload: options.payload ?? "both",
    persist: options.persist ?? false,
    flush: options.flush ?? true,
  };
  const token = options.token ?? tokenForSpawnedLipi(options.target);
  return token ? { ...resolved, token } : resolved;
}

/** Runs one load (optional warm-up, then the measured phase) against `options.target`. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const o = withDefaults(options);
  if (o.streams < 1 || o.segmentsPerStream < 1) throw new Error("streams and segments must be at least 1");
  const date = new Date();
  const clients = makeClients(o.target, o.connections);
  try {
    await waitReady(clients, 10_000);
    if (o.warmupSegments > 0) {
      await runPhase(clients, { ...o, durationLimitSec: Math.min(o.durationLimitSec, 30) }, o.warmupSegments, "bench-warmup");
    }
    const phase = await runPhase(clients, o, o.segmentsPerStream, `bench-${date.getTime()}`);
    return buildReport(options.name ?? o.target, date, o, phase);
  } finally {
    for (const client of clients) client.close();
  }
}

function buildReport(
  name: string,
  date: Date,
  o: ReturnType<typeof withDefaults>,
  phase: PhaseResult,
): LoadReport {
  const statusCodes: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const streamCodes: Record<string, number> = {};
  const add = (map: Record<string, number>, key: string, by = 1) => {
    if (by > 0) map[key] = (map[key] ?? 0) + by;
  };
  const latencies: number[] = [];
  const checks: OrderChecks = {
    sent: 0,
    answered: 0,
    outOfOrder: 0,
    duplicates: 0,
    unexpected: 0,
    missing: 0,
    segmentErrors: 0,
    inOrder: true,
    countMatches: true,
  };
  let completed = 0;
  let started = 0;
  let flushed = 0;
  const planned = o.streams * o.segmentsPerStream;

  for (const s of phase.outcomes) {
    for (const l of s.latenciesMs) latencies.push(l);
    checks.sent += s.sent;
    checks.answered += s.answered;
    checks.outOfOrder += s.outOfOrder;
    checks.duplicates += s.duplicates;
    checks.unexpected += s.unexpected;
    checks.segmentErrors += s.segmentErrors.size;
    if (s.started) started++;
    if (s.flushed) flushed++;
    const code = s.statusCode ?? grpc.status.DEADLINE_EXCEEDED; // never finished: treat as timed out
    add(streamCodes, codeName(code));
    if (code === grpc.status.OK) completed++;

    // Every planned segment gets exactly one outcome so the distribution sums to `count`.
    add(statusCodes, "OK", s.latenciesMs.length);
    for (const message of s.segmentErrors.values()) {
      add(statusCodes, message.split(":")[0] as string);
      add(errors, `SegmentError ${message}`);
    }
    const unanswered = o.segmentsPerStream - s.answered;
    if (unanswered > 0) {
      if (code === grpc.status.OK) {
        // The server closed the stream cleanly without answering everything: a protocol bug.
        add(statusCodes, "Unanswered", unanswered);
        add(errors, "stream ended OK without answering every segment", unanswered);
      } else {
        add(statusCodes, codeName(code), unanswered);
        add(errors, `${codeName(code)}: ${s.statusDetails || "stream failed"}`, unanswered);
      }
    }
  }
  checks.missing = Math.max(0, checks.sent - checks.answered);
  checks.inOrder = checks.outOfOrder === 0 && checks.duplicates === 0 && checks.unexpected === 0;
  checks.countMatches = checks.sent === planned && checks.answered === planned;

  const report = summarize({
    name,
    date,
    latenciesMs: latencies,
    sent: planned,
    totalMs: phase.totalMs,
    statusCodeDistribution: statusCodes,
    errorDistribution: errors,
  });
  return {
    ...report,
    options: {
      target: o.target,
      call: "lipi.v1.TranscriptService.StreamProcess",
      streams: o.streams,
      segmentsPerStream: o.segmentsPerStream,
      profile: o.profile,
      durationLimitSec: o.durationLimitSec,
      warmupSegments: o.warmupSegments,
      connections: o.connections,
      ratePerStream: o.ratePerStream,
      payload: o.payload,
      persist: o.persist,
      flush: o.flush,
    },
    streams: { count: o.streams, completed, statusCodeDistribution: streamCodes, started, flushed },
    checks,
    hitDurationLimit: phase.hitDurationLimit,
    loadGeneratorCpuPercent: phase.cpuPercent,
  };
}
