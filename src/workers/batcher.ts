// Collects work submitted during one turn of the event loop (from every
// stream) and hands it out in batches of at most maxBatchSize units.
//
// Why setImmediate and not queueMicrotask: a microtask flush runs as soon as
// the current callback's promise chain settles, so jobs that arrive from
// other sockets in the same poll phase, or from stream sessions a few awaits
// deep, land in separate batches. setImmediate runs once after the whole poll
// phase and still adds no timer delay. bench/pool-overhead.ts measures both.
//
// Why hold work back while the pool is busy: a task queued behind busy
// threads waits anyway; keeping its jobs here lets later arrivals join it, so
// batches grow with load and dispatch cost per segment falls exactly when
// throughput matters. The owner calls flush() whenever a task finishes.

export type FlushScheduler = (flush: () => void) => void;

export const scheduleOnImmediate: FlushScheduler = (flush) => {
  setImmediate(flush);
};

export const scheduleOnMicrotask: FlushScheduler = (flush) => {
  queueMicrotask(flush);
};

export interface MicroBatcherOptions<T> {
  maxBatchSize: number;
  /** Units an item counts for (segments in a job); an item is never split. */
  sizeOf: (item: T) => number;
  /** False while every dispatch slot is taken; items then wait for flush(). */
  hasCapacity: () => boolean;
  dispatch: (batch: T[]) => void;
  schedule?: FlushScheduler;
}

export class MicroBatcher<T> {
  private pending: T[] = [];
  private pendingUnits = 0;
  private flushScheduled = false;
  private readonly schedule: FlushScheduler;

  constructor(private readonly options: MicroBatcherOptions<T>) {
    this.schedule = options.schedule ?? scheduleOnImmediate;
  }

  add(item: T): void {
    this.pending.push(item);
    this.pendingUnits += this.options.sizeOf(item);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.schedule(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  /** Dispatches pending items, in arrival order, while there is capacity. */
  flush(): void {
    let taken = 0;
    while (taken < this.pending.length && this.options.hasCapacity()) {
      let units = 0;
      const start = taken;
      // At least one item per batch, so a job larger than the limit still goes.
      do {
        units += this.options.sizeOf(this.pending[taken]!);
        taken += 1;
      } while (
        taken < this.pending.length &&
        units + this.options.sizeOf(this.pending[taken]!) <= this.options.maxBatchSize
      );
      this.pendingUnits -= units;
      this.options.dispatch(this.pending.slice(start, taken));
    }
    if (taken > 0) this.pending = this.pending.slice(taken);
  }

  /** Removes and returns everything not yet dispatched. */
  takeAll(): T[] {
    const items = this.pending;
    this.pending = [];
    this.pendingUnits = 0;
    return items;
  }

  get pendingItems(): number {
    return this.pending.length;
  }

  get pendingSize(): number {
    return this.pendingUnits;
  }
}
