// What the store's background writers (segment rows, audit entries) share:
// how long to wait before the next attempt, how to name a failure in a log
// line, and a wake-up that ends a wait early (new rows, close, a health probe).

export interface RetrySettings {
  retryInitialMs: number;
  retryMaxMs: number;
}

/**
 * Exponential backoff capped at retryMaxMs, with ±20% jitter so a fleet that
 * lost its database together does not retry in lockstep.
 */
export function retryDelayMs(settings: RetrySettings, attempt: number): number {
  const backoff = Math.min(settings.retryMaxMs, settings.retryInitialMs * 2 ** attempt);
  return Math.round(backoff * (0.8 + 0.4 * Math.random()));
}

/** "ECONNREFUSED: connect …" — pg's connection errors arrive as an AggregateError with an empty message. */
export function describeError(err: unknown): string {
  if (err instanceof AggregateError && err.message === "" && err.errors.length > 0) return describeError(err.errors[0]);
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}

/** A one-shot wake-up: wait() resolves on wake() or after an optional timeout. */
export class Wakeup {
  private pending: (() => void) | undefined;

  wait(timeoutMs?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      this.pending = () => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve();
      };
      if (timeoutMs !== undefined) timer = setTimeout(this.pending, timeoutMs);
    });
  }

  wake(): void {
    this.pending?.();
  }
}

/** A background writer's health: ok, or degraded since a time with the last error. */
export type WriterHealth = { state: "ok" } | { state: "degraded"; since: Date; lastError: string };

/**
 * Tracks a writer's health and reports each change once: the first failure
 * and the recovery (with how long it was down), not every retry.
 */
export class WriterHealthTracker {
  current: WriterHealth = { state: "ok" };

  constructor(
    private readonly report: (health: WriterHealth) => void,
    private readonly log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
    private readonly messages: { degraded: string; recovered: string },
  ) {}

  /** `context` goes into the log line (e.g. how many rows wait). */
  degraded(lastError: string, context: object): void {
    if (this.current.state === "degraded") {
      this.current = { ...this.current, lastError };
      return;
    }
    this.current = { state: "degraded", since: new Date(), lastError };
    this.log.warn({ err: lastError, ...context }, this.messages.degraded);
    this.report(this.current);
  }

  ok(context: object): void {
    if (this.current.state === "ok") return;
    const downMs = Date.now() - this.current.since.getTime();
    this.current = { state: "ok" };
    this.log.info({ downMs, ...context }, this.messages.recovered);
    this.report(this.current);
  }
}
