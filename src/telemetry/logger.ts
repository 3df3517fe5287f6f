// One pino logger for the process; components take a child with their own
// bindings (component, stream id, request id) so every line can be traced
// back to the stream or call that caused it.
import { isSpanContextValid, trace } from "@opentelemetry/api";
import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger };

export interface LoggerOptions {
  level: LevelWithSilent;
  pretty: boolean;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino({
    level: options.level,
    base: { service: "lipi" },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: traceLogFields,
    ...(options.pretty ? { transport: { target: "pino-pretty", options: { destination: 2 } } } : {}),
  });
}

/**
 * trace_id and span_id of the span active where the line is logged, so logs
 * and traces join up. A new object every call: pino merges the line's own
 * fields into what the mixin returns.
 */
export function traceLogFields(): object {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ids = span.spanContext();
  return isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}

/** A logger that writes nothing, for tests and library use. */
export const silentLogger: Logger = pino({ level: "silent" });
