// Writes streams and processed segments to the database off the hot path.
// Producers (stream handlers) hand rows over and carry on; one writer loop
// drains them in batches, one multi-row statement per table per batch.
//
// Guarantees:
// - Bounded: at most settings.bufferRows rows are buffered; beyond that the
//   producer's promise stays pending until there is room (back-pressure).
//   Rows are never dropped to make room.
// - Ordered: rows are written in the order they were handed over (one batch in
//   flight at a time); a stream's row is written before its segments.
// - Durable through outages: a failed write keeps its rows and is retried with
//   exponential backoff; health turns "degraded" until a write succeeds.
// - Keyed by stream: every stream (one gRPC call) has a server-generated uuid;
//   the client's session id is a label several streams may share (a resumed
//   session), so streams of one session never collide.
// - Idempotent retries: each segment gets an ordinal per stream and inserts
//   use ON CONFLICT DO NOTHING, so a retry after an ambiguous commit (the
//   connection died before COMMIT was acknowledged) cannot duplicate rows.
// - Misuse (an unknown or already started stream, a closed writer) is reported
//   through the returned promise, never thrown synchronously: producers call
//   this from event handlers, where a throw would take the process down.
// - Rows the database refuses as invalid (data/constraint errors, SQLSTATE
//   classes 22 and 23) are isolated by bisecting the batch, logged with their
//   content and counted, so one bad row cannot block every stream behind it.
// - close(deadline) writes what it can and reports the rest; nothing is lost
//   silently.
import { EventEmitter } from "node:events";
import type pg from "pg";
import type { SegmentInput, SegmentResult } from "../pipeline/types.js";
import type { Logger } from "../telemetry/logger.js";
import {
  INSERT_SEGMENTS,
  INSERT_STREAMS,
  isRowProblem,
  segmentColumns,
  streamEndColumns,
  streamStartColumns,
  toJsonParam,
  UPDATE_STREAM_ENDS,
  type PendingRow,
  type PersistenceSettings,
  type StreamEndRecord,
  type StreamStartRecord,
} from "./persistence-rows.js";
import { isUuid } from "./streams.js";
import { describeError, retryDelayMs, Wakeup, WriterHealthTracker, type WriterHealth } from "./write-retry.js";

export type { PendingRow, PersistenceSettings, StreamEndRecord, StreamStartRecord };

export type PersistenceHealth = WriterHealth;

export interface PersistenceStats {
  /** Rows accepted into the buffer and not yet written (at most bufferRows). */
  pendingRows: number;
  /** Rows whose producers are waiting for buffer room. */
  waitingRows: number;
  writtenRows: number;
  batches: number;
  /** Write attempts repeated after a transient failure. */
  retries: number;
  /** Write attempts that failed (transient or not). */
  failures: number;
  /** Rows the database refused as invalid; logged with their content. */
  rejectedRows: number;
  /** Stream or segment rows that already existed on a first attempt (a reused stream id: a bug upstream). */
  duplicateRows: number;
  degradedSince: Date | null;
  lastBatch: { rows: number; ms: number } | null;
}

export interface CloseReport {
  writtenRows: number;
  /** Rows not known to be written, in order. Replaying them is safe (inserts are idempotent). */
  unwritten: PendingRow[];
  /** How many of `unwritten` were in a write whose outcome was still unknown at the deadline. */
  inFlightRows: number;
  durationMs: number;
}

export class PersistenceClosedError extends Error {
  constructor(message = "persistence writer is closed") {
    super(message);
    this.name = "PersistenceClosedError";
  }
}

export interface PersistenceWriterEvents {
  health: [PersistenceHealth];
}

interface QueuedRow {
  row: PendingRow;
  /** Written, or rejected by the database and logged. */
  settled: boolean;
}

interface WaitingProducer {
  item: QueuedRow;
  admit: () => void;
  fail: (err: Error) => void;
}

class WriteAborted extends Error {}

const RESOLVED: Promise<void> = Promise.resolve();

export class PersistenceWriter extends EventEmitter<PersistenceWriterEvents> {
  private readonly log: Logger;
  private readonly buffer: QueuedRow[] = [];
  private readonly waiting: WaitingProducer[] = [];
  private readonly flushRequests: { item: QueuedRow; resolve: () => void; reject: (err: Error) => void }[] = [];
  /** Open streams: their session and next ordinal; also how misuse (append before start) is caught. */
  private readonly open = new Map<string, { sessionId: string; nextOrdinal: number }>();
  private readonly loopWake = new Wakeup();
  private readonly retryWake = new Wakeup();
  private readonly loopDone: Promise<void>;
  private wakeOnlyWhenBatchFull = false;
  private inFlight: QueuedRow[] = [];
  private closing = false;
  private aborted = false;
  private closed: Promise<CloseReport> | undefined;
  private readonly healthTracker: WriterHealthTracker;
  private readonly counters = {
    writtenRows: 0,
    batches: 0,
    retries: 0,
    failures: 0,
    rejectedRows: 0,
    duplicateRows: 0,
    lastBatch: null as { rows: number; ms: number } | null,
  };

  constructor(
    private readonly pool: pg.Pool,
    private readonly settings: PersistenceSettings,
    logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: "persistence" });
    this.healthTracker = new WriterHealthTracker((health) => this.emit("health", health), this.log, {
      degraded: "persistence degraded: database writes failing",
      recovered: "persistence recovered",
    });
    this.loopDone = this.runLoop().catch((err: unknown) => {
      // A bug, not a database failure: say so loudly; close() reports the rows.
      this.log.fatal({ err }, "persistence writer loop crashed");
      this.aborted = true;
    });
  }

  /**
   * Records a new stream. Resolves when the row is buffered (waits while the
   * buffer is full). Rejects — never throws — when the writer is closed, the
   * stream id is not a uuid or the stream is already open.
   */
  startStream(start: StreamStartRecord): Promise<void> {
    if (this.closing) return Promise.reject(new PersistenceClosedError());
    if (!isUuid(start.streamId)) return Promise.reject(new Error(`stream id ${JSON.stringify(start.streamId)} is not a uuid`));
    if (this.open.has(start.streamId)) return Promise.reject(new Error(`stream ${start.streamId} already started`));
    this.open.set(start.streamId, { sessionId: start.sessionId, nextOrdinal: 0 });
    return this.enqueue({ kind: "stream-start", streamId: start.streamId, start, startedAt: start.startedAt ?? new Date() });
  }

  /**
   * Records one processed segment (the input as received and the result sent
   * back). The objects are kept by reference until written: do not mutate them.
   * Rejects — never throws — when the writer is closed or the stream is not open.
   */
  append(streamId: string, input: SegmentInput, result: SegmentResult): Promise<void> {
    if (this.closing) return Promise.reject(new PersistenceClosedError());
    const stream = this.open.get(streamId);
    if (stream === undefined) return Promise.reject(new Error(`stream ${streamId} was not started (or already ended)`));
    const ordinal = stream.nextOrdinal++;
    return this.enqueue({ kind: "segment", streamId, sessionId: stream.sessionId, ordinal, input, result });
  }

  /** Records how a stream ended. Rejects — never throws — when the writer is closed or the stream is not open. */
  endStream(streamId: string, end: StreamEndRecord): Promise<void> {
    if (this.closing) return Promise.reject(new PersistenceClosedError());
    if (!this.open.delete(streamId)) return Promise.reject(new Error(`stream ${streamId} was not started (or already ended)`));
    return this.enqueue({ kind: "stream-end", streamId, end, endedAt: end.endedAt ?? new Date() });
  }

  /** Resolves when every row handed over so far is written (or rejected and logged). */
  flush(): Promise<void> {
    const last = this.waiting.at(-1)?.item ?? this.buffer.at(-1);
    if (!last || last.settled) return RESOLVED;
    return new Promise((resolve, reject) => {
      this.flushRequests.push({ item: last, resolve, reject });
      this.loopWake.wake();
    });
  }

  health(): PersistenceHealth {
    return this.healthTracker.current;
  }

  stats(): PersistenceStats {
    return {
      pendingRows: this.buffer.length,
      waitingRows: this.waiting.length,
      ...this.counters,
      degradedSince: this.healthTracker.current.state === "degraded" ? this.healthTracker.current.since : null,
    };
  }

  /**
   * Stops accepting rows, keeps writing (and retrying) until everything is
   * written or deadlineMs passes, then reports what is left. Producers still
   * waiting for room get a PersistenceClosedError. Idempotent.
   */
  close(deadlineMs: number): Promise<CloseReport> {
    return (this.closed ??= this.closeWithin(deadlineMs));
  }

  private async closeWithin(deadlineMs: number): Promise<CloseReport> {
    const started = Date.now();
    this.closing = true;
    this.loopWake.wake();
    this.retryWake.wake(); // one immediate attempt rather than sitting out a long backoff
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      this.loopDone.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs))),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.aborted = true;
      this.loopWake.wake();
      this.retryWake.wake();
    }
    const unsettled = [...this.buffer, ...this.waiting.map((w) => w.item)].filter((i) => !i.settled);
    const inFlightRows = this.inFlight.filter((i) => !i.settled).length;
    const closedError = new PersistenceClosedError("persistence writer closed before the row was written");
    for (const producer of this.waiting.splice(0)) producer.fail(closedError);
    for (const request of this.flushRequests.splice(0)) {
      if (request.item.settled) request.resolve();
      else request.reject(closedError);
    }
    const report: CloseReport = {
      writtenRows: this.counters.writtenRows,
      unwritten: unsettled.map((i) => i.row),
      inFlightRows,
      durationMs: Date.now() - started,
    };
    if (report.unwritten.length > 0) {
      this.log.error(
        {
          unwrittenRows: report.unwritten.length,
          inFlightRows,
          byStream: countByStream(report.unwritten),
          lastError: this.healthTracker.current.state === "degraded" ? this.healthTracker.current.lastError : undefined,
        },
        "persistence closed with rows not written",
      );
    } else {
      this.log.info({ writtenRows: report.writtenRows, durationMs: report.durationMs }, "persistence closed, all rows written");
    }
    return report;
  }

  private enqueue(row: PendingRow): Promise<void> {
    const item: QueuedRow = { row, settled: false };
    // Queue behind waiting producers even if room just appeared, so rows keep
    // their hand-over order.
    if (this.waiting.length === 0 && this.buffer.length < this.settings.bufferRows) {
      this.buffer.push(item);
      if (!this.wakeOnlyWhenBatchFull || this.buffer.length >= this.settings.batchRows) this.loopWake.wake();
      return RESOLVED;
    }
    return new Promise((admit, fail) => this.waiting.push({ item, admit, fail }));
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.buffer.length < this.settings.bufferRows) {
      const producer = this.waiting.shift()!;
      this.buffer.push(producer.item);
      producer.admit();
    }
  }

  private async runLoop(): Promise<void> {
    for (;;) {
      if (this.aborted) return;
      if (this.buffer.length === 0) {
        if (this.closing && this.waiting.length === 0) return;
        await this.loopWake.wait();
        continue;
      }
      // Let a batch fill up for a moment: fewer, larger statements.
      if (this.buffer.length < this.settings.batchRows && !this.closing && this.flushRequests.length === 0) {
        this.wakeOnlyWhenBatchFull = true;
        await this.loopWake.wait(this.settings.flushIntervalMs);
        this.wakeOnlyWhenBatchFull = false;
        if (this.aborted) return;
      }
      const batch = this.buffer.slice(0, this.settings.batchRows);
      this.inFlight = batch;
      try {
        await this.writeWithRetry(batch);
      } catch (err) {
        if (err instanceof WriteAborted) return;
        throw err;
      } finally {
        this.inFlight = [];
      }
      this.buffer.splice(0, batch.length);
      this.admitWaiting();
      this.settleFlushRequests();
    }
  }

  private settleFlushRequests(): void {
    for (let i = this.flushRequests.length - 1; i >= 0; i--) {
      const request = this.flushRequests[i]!;
      if (request.item.settled) {
        this.flushRequests.splice(i, 1);
        request.resolve();
      }
    }
  }

  /** Returns once every row is written or rejected; throws WriteAborted when close's deadline passed. */
  private async writeWithRetry(items: QueuedRow[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.aborted) throw new WriteAborted();
      const started = performance.now();
      try {
        await this.writeOnce(items, attempt === 0);
      } catch (err) {
        this.counters.failures++;
        if (isRowProblem(err)) {
          await this.isolateRejectedRows(items, err);
          return;
        }
        this.healthTracker.degraded(describeError(err), { pendingRows: this.buffer.length });
        if (this.aborted) throw new WriteAborted();
        const delay = retryDelayMs(this.settings, attempt);
        this.counters.retries++;
        this.log.warn(
          { err: describeError(err), attempt: attempt + 1, retryInMs: delay, rows: items.length, pendingRows: this.buffer.length },
          "persistence write failed, will retry",
        );
        await this.retryWake.wait(delay);
        continue;
      }
      for (const item of items) item.settled = true;
      this.counters.writtenRows += items.length;
      this.counters.batches++;
      this.counters.lastBatch = { rows: items.length, ms: Math.round((performance.now() - started) * 10) / 10 };
      this.healthTracker.ok({ pendingRows: this.buffer.length });
      return;
    }
  }

  private async isolateRejectedRows(items: QueuedRow[], err: unknown): Promise<void> {
    if (items.length === 1) {
      const item = items[0]!;
      item.settled = true;
      this.counters.rejectedRows++;
      this.log.error({ err: describeError(err), row: item.row }, "database rejected a row; it is not stored");
      return;
    }
    // Halves in order, so a stream row still precedes its segments.
    const middle = Math.ceil(items.length / 2);
    await this.writeWithRetry(items.slice(0, middle));
    await this.writeWithRetry(items.slice(middle));
  }

  private async writeOnce(items: QueuedRow[], firstAttempt: boolean): Promise<void> {
    const starts: object[] = [];
    const segments: object[] = [];
    const ends: object[] = [];
    for (const { row } of items) {
      if (row.kind === "stream-start") starts.push(streamStartColumns(row));
      else if (row.kind === "segment") segments.push(segmentColumns(row));
      else ends.push(streamEndColumns(row));
    }
    const client = await this.pool.connect();
    let connectionBroken: Error | undefined;
    // A socket that dies while the client is checked out emits 'error' on the
    // client itself (the pool only listens while it is idle); unheard, it
    // would crash the process. The failing query reports the same error.
    const onClientError = (err: Error) => (connectionBroken = err);
    client.on("error", onClientError);
    try {
      // One transaction: one commit (one fsync) per batch, and a failed batch
      // leaves nothing half-written behind.
      await client.query("BEGIN");
      if (starts.length > 0) {
        const result = await client.query(INSERT_STREAMS, [toJsonParam(starts)]);
        this.countExisting("stream", starts.length, result.rowCount, firstAttempt);
      }
      if (segments.length > 0) {
        const result = await client.query(INSERT_SEGMENTS, [toJsonParam(segments)]);
        this.countExisting("segment", segments.length, result.rowCount, firstAttempt);
      }
      if (ends.length > 0) await client.query(UPDATE_STREAM_ENDS, [toJsonParam(ends)]);
      await client.query("COMMIT");
    } catch (err) {
      if (isRowProblem(err)) {
        await client.query("ROLLBACK").catch((rollbackErr: Error) => (connectionBroken = rollbackErr));
      } else {
        connectionBroken = err instanceof Error ? err : new Error(String(err));
      }
      throw err;
    } finally {
      // A connection that failed mid-transaction is discarded, not reused.
      client.off("error", onClientError);
      client.release(connectionBroken);
    }
  }

  /**
   * On a first attempt nothing of the batch can be stored yet, so a row the
   * insert skipped means its stream id was used before: a bug upstream, since
   * stream ids are generated per call. (On a retry it is the earlier,
   * ambiguously committed attempt, which is expected.)
   */
  private countExisting(table: "stream" | "segment", sent: number, inserted: number | null, firstAttempt: boolean): void {
    const existing = sent - (inserted ?? sent);
    if (existing === 0 || !firstAttempt) return;
    this.counters.duplicateRows += existing;
    this.log.warn({ existing, table }, `${table} rows already stored under the same stream id (stream id reused?)`);
  }


}


function countByStream(rows: PendingRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.streamId] = (counts[row.streamId] ?? 0) + 1;
  return counts;
}
