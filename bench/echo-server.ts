// The transport ceiling: a plain grpc-js TranscriptService that answers each
// Segment with a ProcessedSegment copying its text and words. No pipeline, no
// worker threads, no store. Whatever lipi's numbers are, they cannot beat
// this on the same machine, so lipi/echo says how much of the budget the
// pipeline and the server around it spend.
//
// It keeps the parts of the protocol a client can observe (config first,
// STARTED and FLUSHED statuses, input order, write back-pressure) so the load
// generator runs unchanged against both.
//
// Standalone:  npx tsx bench/echo-server.ts [--host 127.0.0.1] [--port 50052]
// It prints one JSON line {"event":"listening","address":"host:port"} on
// stdout once bound (port 0 picks a free one) and stops on SIGTERM/SIGINT.
// load.ts starts it as a child process (see spawn.ts) so the server and the
// load generator do not share an event loop, as they would not in production.
import { pathToFileURL } from "node:url";

import * as grpc from "@grpc/grpc-js";

import {
  type OutputWord,
  type ProcessedSegment,
  type Segment,
  type StreamProcessRequest,
  type StreamProcessResponse,
  StreamStatus_Kind,
  type TranscriptServiceServer,
  TranscriptServiceService,
} from "../src/gen/lipi/v1/transcript.js";

export function echoSegment(segment: Segment): ProcessedSegment {
  const words: OutputWord[] = segment.words.map((w, i) => ({
    text: w.text,
    startMs: w.startMs,
    endMs: w.endMs,
    confidence: w.confidence ?? 1,
    speaker: w.speaker,
    source: { start: i, end: i + 1 },
  }));
  return {
    id: segment.id,
    seq: segment.seq,
    isFinal: segment.isFinal,
    startMs: segment.startMs,
    endMs: segment.endMs,
    text: segment.text !== "" ? segment.text : words.map((w) => w.text).join(" "),
    words,
    edits: [],
    flags: [],
    needsReview: false,
    speaker: segment.speaker,
  };
}

export const echoService: TranscriptServiceServer = {
  streamProcess(call) {
    let configured = false;
    let processed = 0;
    // Honour back-pressure the way a real server must: stop reading when the
    // client is not taking responses, resume on 'drain'.
    const send = (response: StreamProcessResponse) => {
      if (!call.write(response)) {
        call.pause();
        call.once("drain", () => call.resume());
      }
    };
    call.on("data", (request: StreamProcessRequest) => {
      const r = request.request;
      if (!configured) {
        if (r?.$case !== "config") {
          call.emit("error", {
            code: grpc.status.FAILED_PRECONDITION,
            details: "the first message of a stream must be a StreamConfig",
          });
          return;
        }
        configured = true;
        send(statusResponse(StreamStatus_Kind.KIND_STARTED, r.value.sessionId || "echo", r.value.profile, processed));
        return;
      }
      switch (r?.$case) {
        case "segment":
          processed++;
          send({ response: { $case: "segment", value: echoSegment(r.value) } });
          break;
        case "flush":
          send(statusResponse(StreamStatus_Kind.KIND_FLUSHED, "echo", "", processed));
          break;
        case "updateConfig":
          send(statusResponse(StreamStatus_Kind.KIND_CONFIG_UPDATED, "echo", r.value.profile, processed));
          break;
        default:
          break;
      }
    });
    call.on("end", () => call.end());
    call.on("error", () => {
      /* client cancelled; nothing to clean up */
    });
  },

  process(call, callback) {
    callback(null, { segments: call.request.segments.map(echoSegment) });
  },
};

function statusResponse(kind: StreamStatus_Kind, sessionId: string, profile: string, processed: number): StreamProcessResponse {
  return {
    response: {
      $case: "status",
      value: {
        kind,
        sessionId,
        profile,
        message: "",
        stats: {
          segmentsReceived: processed,
          segmentsProcessed: processed,
          segmentsRejected: 0,
          editsApplied: 0,
          editsSuggested: 0,
        },
      },
    },
  };
}

export interface RunningEchoServer {
  address: string;
  port: number;
  close(): Promise<void>;
}

/** In-process start, for tests and for `--echo-in-process`. */
export async function startEchoServer(host = "127.0.0.1", port = 0): Promise<RunningEchoServer> {
  const server = new grpc.Server();
  server.addService(TranscriptServiceService, echoService);
  const boundPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return {
    address: `${host}:${boundPort}`,
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        // Give open streams a moment, then cut them: a benchmark must never hang on shutdown.
        const timer = setTimeout(() => server.forceShutdown(), 2_000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const valueOf = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const host = valueOf("--host") ?? "127.0.0.1";
  const port = Number(valueOf("--port") ?? process.env["ECHO_PORT"] ?? 50052);
  const server = await startEchoServer(host, port);
  process.stdout.write(`${JSON.stringify({ event: "listening", address: server.address })}\n`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
