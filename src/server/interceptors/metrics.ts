// gRPC server metrics with go-grpc-prometheus's names and labels, so the
// dashboards and alerts operators already have work unchanged:
//   grpc_server_started_total{grpc_type,grpc_service,grpc_method}
//   grpc_server_handled_total{…,grpc_code}      (Go's code names: OK, InvalidArgument, …)
//   grpc_server_handling_seconds{…}             (histogram; for streams, the stream's life)
//   grpc_server_msg_received_total{…} / grpc_server_msg_sent_total{…}
// As a grpc-js server interceptor it sees unary and streaming calls alike.
// Label children are resolved once per method, so a message costs one
// counter increment.
import { ServerInterceptingCall, status as GrpcStatus, type ServerInterceptor, type ServerMethodDefinition } from "@grpc/grpc-js";
import { Counter, Histogram, type Registry } from "prom-client";
import { grpcCodeName } from "../../telemetry/grpc-codes.js";

type GrpcType = "unary" | "client_stream" | "server_stream" | "bidi_stream";

interface MethodMetrics {
  started: { inc(): void };
  received: { inc(): void };
  sent: { inc(): void };
  handling: { observe(seconds: number): void };
  handled(code: number): { inc(): void };
}

/** Handling-time buckets: go-grpc-prometheus's defaults, extended for long-lived streams. */
const HANDLING_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120, 600, 3600];

export function grpcMetricsInterceptor(registry: Registry): ServerInterceptor {
  const labelNames = ["grpc_type", "grpc_service", "grpc_method"] as const;
  const registers = [registry];
  const started = new Counter({ name: "grpc_server_started_total", help: "Total number of RPCs started on the server.", labelNames, registers });
  const handled = new Counter({
    name: "grpc_server_handled_total",
    help: "Total number of RPCs completed on the server, regardless of success or failure.",
    labelNames: [...labelNames, "grpc_code"],
    registers,
  });
  const handling = new Histogram({
    name: "grpc_server_handling_seconds",
    help: "Histogram of response latency (seconds) of gRPC that had been application-level handled by the server.",
    labelNames,
    buckets: HANDLING_BUCKETS,
    registers,
  });
  const received = new Counter({ name: "grpc_server_msg_received_total", help: "Total number of RPC stream messages received on the server.", labelNames, registers });
  const sent = new Counter({ name: "grpc_server_msg_sent_total", help: "Total number of gRPC stream messages sent by the server.", labelNames, registers });

  const byPath = new Map<string, MethodMetrics>();
  const metricsFor = (method: ServerMethodDefinition<unknown, unknown>): MethodMetrics => {
    let found = byPath.get(method.path);
    if (found) return found;
    const labels = [grpcType(method), ...serviceAndMethod(method.path)] as const;
    const byCode = new Map<number, { inc(): void }>();
    found = {
      started: started.labels(...labels),
      received: received.labels(...labels),
      sent: sent.labels(...labels),
      handling: handling.labels(...labels),
      handled(code) {
        let child = byCode.get(code);
        if (!child) byCode.set(code, (child = handled.labels(...labels, grpcCodeName(code))));
        return child;
      },
    };
    byPath.set(method.path, found);
    return found;
  };

  return (method, call) => {
    const metrics = metricsFor(method);
    metrics.started.inc();
    const startedAt = performance.now();
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      metrics.handled(code).inc();
      metrics.handling.observe((performance.now() - startedAt) / 1000);
    };
    return new ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMessage(message, nextMessage) {
            metrics.received.inc();
            nextMessage(message);
          },
          // A call that ended without the handler sending a status (the
          // client went away). grpc-js also calls this after every status
          // it sent; then the status was counted already and this does nothing.
          onCancel: () => finish(GrpcStatus.CANCELLED),
        });
      },
      sendMessage(message, next) {
        metrics.sent.inc();
        next(message);
      },
      // The code counted is the one the handler ended the call with, as in
      // go-grpc-prometheus. (A client cancel that reaches the handler as a
      // half-close first is counted with the handler's status.)
      sendStatus(status, next) {
        finish(status.code);
        next(status);
      },
    });
  };
}

function grpcType(method: ServerMethodDefinition<unknown, unknown>): GrpcType {
  if (method.requestStream) return method.responseStream ? "bidi_stream" : "client_stream";
  return method.responseStream ? "server_stream" : "unary";
}

/** "/lipi.v1.TranscriptService/StreamProcess" → ["lipi.v1.TranscriptService", "StreamProcess"]. */
function serviceAndMethod(path: string): [string, string] {
  const slash = path.lastIndexOf("/");
  return [path.slice(1, slash), path.slice(slash + 1)];
}
