// One pino logger for the process; components take a child with their own
// bindings (component, stream id, request id) so every line can be traced
// back to the stream or call that caused it.
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
    ...(options.pretty ? { transport: { target: "pino-pretty", options: { destination: 2 } } } : {}),
  });
}

/** A logger that writes nothing, for tests and library use. */
export const silentLogger: Logger = pino({ level: "silent" });
