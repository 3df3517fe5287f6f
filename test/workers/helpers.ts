import type { LipiConfig } from "../../src/config/schema.js";
import type { SegmentInput } from "../../src/pipeline/types.js";
import type { PipelineJob } from "../../src/workers/pool.js";

export function segment(id: string, seq: number, text: string): SegmentInput {
  return { id, seq, isFinal: true, startMs: seq * 1000, endMs: seq * 1000 + 900, text, words: [] };
}

export function poolSettings(overrides: Partial<LipiConfig["pool"]> = {}): LipiConfig["pool"] {
  return { threads: 2, maxBatchSegments: 256, concurrentTasksPerThread: 2, maxQueuedTasks: 64, ...overrides };
}

export const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A job of one stream whose segments are the given texts, ids `${streamKey}-${index}`. */
export function job(streamKey: string, texts: string[], extra: Partial<PipelineJob<"results">> = {}): PipelineJob<"results"> {
  return {
    streamKey,
    profile: "clean",
    overrides: {},
    segments: texts.map((text, index) => segment(`${streamKey}-${index}`, index, text)),
    context: {},
    ...extra,
  };
}
