// What the worker pool costs per segment, on top of the pipeline itself.
//   npx tsx bench/pool-overhead.ts
// Prints JSON:
// - pipelineUsPerSegment: the real pipeline run inline on this thread;
// - pool[batchSize]: closed loop, one tick of `batchSize` single-segment jobs
//   from different streams at a time (one task in flight) on one thread —
//   µs per segment end to end, and that minus the inline pipeline cost;
// - scheduler: how many batches 64 streams make when each stream submits its
//   next job a few awaits after the previous one resolved (as a stream session
//   does), flushing on setImmediate vs queueMicrotask.
import { availableParallelism } from "node:os";
import { compileProfile, type ProfileInput, type SegmentInput } from "../src/pipeline/index.js";
import { silentLogger } from "../src/telemetry/logger.js";
import { MicroBatcher, scheduleOnImmediate, scheduleOnMicrotask, type FlushScheduler } from "../src/workers/batcher.js";
import { PipelinePool, type PipelineJob } from "../src/workers/pool.js";

const profiles: Record<string, ProfileInput> = {
  clean: {
    stages: { disfluency: { enabled: true, params: { fillers: ["um", "uh"] } }, casing: { enabled: true } },
  },
};
const texts = ["um so we went to the market", "uh and then it rained all day", "the bhagavad geeta is old"];

function segment(seq: number): SegmentInput {
  return { id: `seg-${seq}`, seq, isFinal: true, startMs: seq * 1000, endMs: seq * 1000 + 900, text: texts[seq % 3]!, words: [] };
}

function inlinePipelineUs(): number {
  const pipeline = compileProfile(profiles["clean"]!);
  let context = {};
  const rounds = 20_000;
  for (let i = 0; i < 2_000; i += 1) context = pipeline.run(segment(i), context).context;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i += 1) context = pipeline.run(segment(i), context).context;
  return Number(process.hrtime.bigint() - start) / 1000 / rounds;
}

async function poolUsPerSegment(batchSize: number): Promise<{ usPerSegment: number; avgBatchSegments: number }> {
  const pool = new PipelinePool({
    settings: { threads: 1, maxBatchSegments: batchSize, concurrentTasksPerThread: 2, maxQueuedTasks: 64 },
    profiles,
    logger: silentLogger,
  });
  const round = (n: number): Promise<unknown> =>
    Promise.all(
      Array.from({ length: batchSize }, (_, stream): Promise<unknown> => {
        const job: PipelineJob = { streamKey: `s${stream}`, profile: "clean", overrides: {}, segments: [segment(n)], context: {} };
        return pool.process(job);
      }),
    );
  const targetSegments = 40_000;
  const rounds = Math.max(200, Math.ceil(targetSegments / batchSize));
  for (let n = 0; n < Math.min(rounds, 200); n += 1) await round(n); // warm up JIT + compile cache
  const start = process.hrtime.bigint();
  for (let n = 0; n < rounds; n += 1) await round(n);
  const elapsedUs = Number(process.hrtime.bigint() - start) / 1000;
  const stats = pool.stats();
  await pool.close();
  return { usPerSegment: elapsedUs / (rounds * batchSize), avgBatchSegments: stats.avgBatchSegments };
}

/** Batches formed by 64 closed-loop streams whose next job follows a few awaits after the last. */
async function batchesWith(schedule: FlushScheduler): Promise<number> {
  interface Item { resolve: () => void }
  let batches = 0;
  const batcher = new MicroBatcher<Item>({
    maxBatchSize: 256,
    sizeOf: () => 1,
    hasCapacity: () => true,
    schedule,
    dispatch: (items) => {
      batches += 1;
      // Results come back together, as one task reply does.
      setImmediate(() => items.forEach((item) => item.resolve()));
    },
  });
  const submit = (): Promise<void> => new Promise((resolve) => batcher.add({ resolve }));
  const stream = async (index: number): Promise<void> => {
    for (let n = 0; n < 100; n += 1) {
      await submit();
      // A session does some work between jobs: encode, write, read the next message.
      for (let hop = 0; hop < (index % 4) + 1; hop += 1) await Promise.resolve();
    }
  };
  await Promise.all(Array.from({ length: 64 }, (_, i) => stream(i)));
  return batches;
}

const pipelineUsPerSegment = inlinePipelineUs();
const pool: Record<string, { usPerSegment: number; overheadUsPerSegment: number; avgBatchSegments: number }> = {};
for (const batchSize of [1, 16, 256]) {
  const measured = await poolUsPerSegment(batchSize);
  pool[String(batchSize)] = {
    usPerSegment: round2(measured.usPerSegment),
    overheadUsPerSegment: round2(measured.usPerSegment - pipelineUsPerSegment),
    avgBatchSegments: round2(measured.avgBatchSegments),
  };
}
const scheduler = {
  jobs: 64 * 100,
  setImmediateBatches: await batchesWith(scheduleOnImmediate),
  queueMicrotaskBatches: await batchesWith(scheduleOnMicrotask),
};
console.log(
  JSON.stringify(
    { node: process.version, cores: availableParallelism(), pipelineUsPerSegment: round2(pipelineUsPerSegment), pool, scheduler },
    null,
    2,
  ),
);

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
