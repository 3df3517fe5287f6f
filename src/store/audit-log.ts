// The audit sink: interceptors hand entries over on the call path and carry
// on; one loop chains them (audit-chain.ts) and appends them in batches
// (audit-rows.ts). It follows the PersistenceWriter's pattern — bounded
// buffer, one batch in flight, retries with jittered exponential backoff,
// health turning degraded while writes fail, close(deadline) — with two
// differences that come from the AuditSink contract:
//
// - append() can neither wait nor fail (a call must not stall on the audit
//   log), so a full buffer cannot push back. Entries beyond the bound are
//   dropped, but never silently: they are counted, logged, exported as
//   lipi_audit_dropped_entries_total, health turns degraded, and once there
//   is room a record of method AUDIT_GAP_METHOD goes into the chain itself
//   saying how many entries were lost and when. The bound
//   (audit.bufferEntries, ~1 KB each) only fills when the database has been
//   down for a long time under load.
// - A retried batch is never written twice: after a failure whose commit may
//   have gone through, the retry first looks for the hash that attempt
//   computed for its last record (see appendToChain).
//
// Several instances may share one database; appends serialise on the chain
// head's row lock, so the chain stays one line whatever the number of
// writers, and a restart simply continues from the head.
import { EventEmitter } from "node:events";
import { status as GrpcStatus } from "@grpc/grpc-js";
import type pg from "pg";
import type { LipiConfig } from "../config/schema.js";
import type { AuditEntry, AuditSink } from "../security/audit-entry.js";
import type { Logger } from "../telemetry/logger.js";
import { canonicalTime, toAuditContent, type AuditContent } from "./audit-chain.js";
import { appendToChain } from "./audit-rows.js";
import { isRowProblem } from "./persistence-rows.js";
import { describeError, retryDelayMs, Wakeup, WriterHealthTracker, type WriterHealth } from "./write-retry.js";

export type AuditSettings = LipiConfig["audit"];

/** Method of the record that stands in the chain for entries dropped on a full buffer. */
export const AUDIT_GAP_METHOD = "lipi.audit/EntriesDropped";

export type AuditLogHealth = WriterHealth;

export interface AuditLogStats {
  /** Entries buffered and not yet written. */
  pendingRows: number;
  /** Always 0: append never waits (kept for the shared write-buffer metrics). */
  waitingRows: number;
  writtenRows: number;
  batches: number;
  retries: number;
  failures: number;
  /** Entries the database refused as invalid; logged with their content. */
  rejectedRows: number;
  /** Entries dropped because the buffer was full (each episode also leaves a gap record in the chain). */
  droppedEntries: number;
  degradedSince: Date | null;
}

export interface AuditCloseReport {
  writtenRows: number;
  /** Entries not known to be written when the deadline passed. */
  unwritten: number;
  durationMs: number;
}

interface DropEpisode {
  count: number;
  first: Date;
  last: Date;
}

/** An entry, or the gap record of a drop episode, in the position where the entries went missing. */
type BufferedItem = { entry: AuditEntry } | { gap: DropEpisode };

export class AuditLog extends EventEmitter<{ health: [AuditLogHealth] }> implements AuditSink {
  private readonly log: Logger;
  private readonly buffer: BufferedItem[] = [];
  private readonly flushWaiters: Array<{ upTo: number; resolve: () => void }> = [];
  private readonly wake = new Wakeup();
  private readonly retryWake = new Wakeup();
  private readonly loopDone: Promise<void>;
  /** Items buffered so far, and written so far: flush() waits for the second to reach the first. */
  private accepted = 0;
  private settled = 0;
  /** The drop episode in progress: entries are being dropped and its gap record is not buffered yet. */
  private dropping: DropEpisode | undefined;
  /** Gap records buffered and not yet written: health stays degraded until they are. */
  private pendingGaps = 0;
  private closing = false;
  private aborted = false;
  private closed: Promise<AuditCloseReport> | undefined;
  private readonly healthTracker: WriterHealthTracker;
  private readonly counters = { writtenRows: 0, batches: 0, retries: 0, failures: 0, rejectedRows: 0, droppedEntries: 0 };

  constructor(
    private readonly pool: pg.Pool,
    private readonly settings: AuditSettings,
    logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: "audit" });
    this.healthTracker = new WriterHealthTracker((health) => this.emit("health", health), this.log, {
      degraded: "audit log degraded",
      recovered: "audit log recovered",
    });
    this.loopDone = this.runLoop().catch((err: unknown) => {
      this.log.fatal({ err }, "audit writer loop crashed");
      this.aborted = true;
    });
  }

  /** Never blocks, never throws (AuditSink). */
  append(entry: AuditEntry): void {
    if (this.closing || this.buffer.length >= this.settings.bufferEntries) {
      this.drop(entry);
      return;
    }
    // An empty buffer means the loop sleeps until woken; otherwise it is filling a batch or writing one.
    const loopIdle = this.buffer.length === 0;
    if (this.dropping) this.bufferGap();
    this.buffer.push({ entry });
    this.accepted++;
    if (loopIdle || this.buffer.length >= this.settings.batchEntries) this.wake.wake();
  }

  /** Resolves when every entry accepted so far is written (or rejected and logged), or the log is closed. */
  flush(): Promise<void> {
    if (this.settled >= this.accepted || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.flushWaiters.push({ upTo: this.accepted, resolve });
      this.wake.wake();
    });
  }

  health(): AuditLogHealth {
    return this.healthTracker.current;
  }

  stats(): AuditLogStats {
    return {
      pendingRows: this.buffer.length,
      waitingRows: 0,
      ...this.counters,
      degradedSince: this.healthTracker.current.state === "degraded" ? this.healthTracker.current.since : null,
    };
  }

  /** Stops accepting entries, writes what is buffered until deadlineMs, logs what is left. Idempotent. */
  close(deadlineMs: number): Promise<AuditCloseReport> {
    return (this.closed ??= this.closeWithin(deadlineMs));
  }

  private async closeWithin(deadlineMs: number): Promise<AuditCloseReport> {
    const started = Date.now();
    this.closing = true;
    this.wake.wake();
    this.retryWake.wake();
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      this.loopDone.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs))),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.aborted = true;
      this.wake.wake();
      this.retryWake.wake();
    }
    const unwritten = this.buffer.length;
    for (const waiter of this.flushWaiters.splice(0)) waiter.resolve();
    const report = { writtenRows: this.counters.writtenRows, unwritten, durationMs: Date.now() - started };
    if (unwritten > 0 || this.counters.droppedEntries > 0) {
      this.log.error(
        {
          unwrittenEntries: this.buffer.length,
          droppedNotInChain: this.dropping?.count ?? 0,
          droppedEntries: this.counters.droppedEntries,
          sample: this.buffer.slice(0, 3).map((item) => ("entry" in item ? item.entry : { droppedEntries: item.gap.count })),
          lastError: this.healthTracker.current.state === "degraded" ? this.healthTracker.current.lastError : undefined,
        },
        "audit log closed with entries not written",
      );
    } else {
      this.log.info({ writtenRows: report.writtenRows, durationMs: report.durationMs }, "audit log closed, all entries written");
    }
    return report;
  }

  private drop(entry: AuditEntry): void {
    this.counters.droppedEntries++;
    const now = new Date();
    if (this.dropping) {
      this.dropping.count++;
      this.dropping.last = now;
      return;
    }
    this.dropping = { count: 1, first: now, last: now };
    // Once per episode: the episode's total goes into the chain as a gap record.
    this.log.error(
      { method: entry.method, subject: entry.subject, requestId: entry.requestId, bufferEntries: this.settings.bufferEntries, closing: this.closing },
      this.closing ? "audit log closed: entry not recorded" : "audit buffer full: dropping entries until there is room",
    );
    this.healthTracker.degraded(this.closing ? "audit log closed" : `audit buffer full (${this.settings.bufferEntries} entries)`, { pending: this.buffer.length });
  }

  /** Ends the drop episode: its gap record takes the place where the entries went missing. */
  private bufferGap(): void {
    this.buffer.push({ gap: this.dropping! });
    this.dropping = undefined;
    this.pendingGaps++;
    this.accepted++;
  }

  /** The record standing in the chain for an episode of dropped entries. */
  private gapRecord(episode: DropEpisode): AuditContent {
    return {
      at: canonicalTime(episode.first),
      subject: null,
      roles: [],
      method: AUDIT_GAP_METHOD,
      resourceIds: {},
      code: GrpcStatus.RESOURCE_EXHAUSTED,
      message: `audit buffer full: ${episode.count} entries between ${episode.first.toISOString()} and ${episode.last.toISOString()} were not recorded`,
      durationMs: Math.max(0, episode.last.getTime() - episode.first.getTime()),
      peer: "",
      requestId: "",
      counts: { dropped: episode.count },
    };
  }

  private async runLoop(): Promise<void> {
    for (;;) {
      if (this.aborted) return;
      if (this.buffer.length === 0) {
        // The buffer drained with no entry arriving since the drops: the gap record goes in now.
        if (this.dropping && !this.closing) this.bufferGap();
        else {
          this.settleFlushWaiters();
          if (this.closing) return;
          await this.wake.wait();
          continue;
        }
      }
      if (this.buffer.length < this.settings.batchEntries && !this.closing && this.flushWaiters.length === 0) {
        await this.wake.wait(this.settings.flushIntervalMs);
        if (this.aborted) return;
      }
      const batch = this.buffer.slice(0, this.settings.batchEntries);
      const contents = batch.map((item) => ("entry" in item ? toAuditContent(item.entry) : this.gapRecord(item.gap)));
      const gaps = batch.length - batch.filter((item) => "entry" in item).length;
      try {
        await this.writeWithRetry(contents);
      } catch (err) {
        if (err instanceof WriteAborted) return;
        throw err;
      }
      this.buffer.splice(0, batch.length);
      this.settled += batch.length;
      this.pendingGaps -= gaps;
      // Written (or rejected, which means the database answered): healthy again unless entries are still being lost.
      if (this.dropping === undefined && this.pendingGaps === 0) this.healthTracker.ok({ pending: this.buffer.length });
      this.settleFlushWaiters();
    }
  }

  private settleFlushWaiters(): void {
    for (let i = this.flushWaiters.length - 1; i >= 0; i--) {
      const waiter = this.flushWaiters[i]!;
      if (this.settled >= waiter.upTo) {
        this.flushWaiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  private async writeWithRetry(contents: AuditContent[]): Promise<void> {
    let previousAttemptLastHash: string | undefined;
    for (let attempt = 0; ; attempt++) {
      if (this.aborted) throw new WriteAborted();
      try {
        const outcome = await this.writeOnce(contents, previousAttemptLastHash, (hash) => (previousAttemptLastHash = hash));
        this.counters.writtenRows += contents.length;
        this.counters.batches++;
        if (outcome.alreadyStored) this.log.info({ entries: contents.length }, "audit batch had been stored by the failed attempt");
        return;
      } catch (err) {
        this.counters.failures++;
        if (isRowProblem(err)) {
          await this.isolateRejected(contents, err);
          return;
        }
        this.healthTracker.degraded(describeError(err), { pending: this.buffer.length });
        if (this.aborted) throw new WriteAborted();
        const delay = retryDelayMs(this.settings, attempt);
        this.counters.retries++;
        this.log.warn({ err: describeError(err), attempt: attempt + 1, retryInMs: delay, entries: contents.length, pending: this.buffer.length }, "audit write failed, will retry");
        await this.retryWake.wait(delay);
      }
    }
  }

  /** A row problem rolls the whole batch back, so halving finds the bad entries without losing the good ones. */
  private async isolateRejected(contents: AuditContent[], err: unknown): Promise<void> {
    if (contents.length === 1) {
      this.counters.rejectedRows++;
      this.log.error({ err: describeError(err), entry: contents[0] }, "database rejected an audit entry; it is not stored");
      return;
    }
    const middle = Math.ceil(contents.length / 2);
    await this.writeWithRetry(contents.slice(0, middle));
    await this.writeWithRetry(contents.slice(middle));
  }

  private async writeOnce(contents: AuditContent[], previousAttemptLastHash: string | undefined, onChained: (hash: string) => void) {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    const onClientError = (err: Error) => (broken = err);
    client.on("error", onClientError);
    try {
      return await appendToChain(client, contents, previousAttemptLastHash, onChained);
    } catch (err) {
      if (!isRowProblem(err)) broken = err instanceof Error ? err : new Error(String(err));
      throw err;
    } finally {
      client.off("error", onClientError);
      client.release(broken);
    }
  }
}

class WriteAborted extends Error {}
