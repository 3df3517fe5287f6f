import type { LipiConfig } from "../../src/config/schema.js";
import type { SegmentInput } from "../../src/pipeline/types.js";

export function segment(id: string, seq: number, text: string): SegmentInput {
  return { id, seq, isFinal: true, startMs: seq * 1000, endMs: seq * 1000 + 900, text, words: [] };
}

export function poolSettings(overrides: Partial<LipiConfig["pool"]> = {}): LipiConfig["pool"] {
  return { threads: 2, maxBatchSegments: 256, concurrentTasksPerThread: 2, maxQueuedTasks: 64, ...overrides };
}

export const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
