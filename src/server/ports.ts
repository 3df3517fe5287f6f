// What the server needs from the layers below it, as small interfaces, so
// services depend on capabilities rather than on the pool or store classes.
import type { ProfileInput, SegmentInput, SegmentResult } from "../pipeline/types.js";

import type { JobOutput } from "../workers/codec.js";
import type { PipelineJob, PipelineJobResult } from "../workers/pool.js";

export type { PipelineJob, PipelineJobResult };

export interface PipelineRunner {
  process<O extends JobOutput = "results">(job: PipelineJob<O>): Promise<PipelineJobResult<O>>;
}

export interface StreamStart {
  /** Server-generated, unique per call (a uuid): what rows are keyed by. */
  streamId: string;
  /** The client's session label; a resumed session spans several streams. */
  sessionId: string;
  profile: string;
  config: unknown;
  peer: string;
  /** The caller's JWT `sub`; null when auth is off. */
  subject: string | null;
}

export type SessionOutcome = "completed" | "cancelled" | "aborted" | "rejected";

/**
 * Persistence of streams and their final segments, keyed by stream id.
 * `record` may return a promise when the write buffer is full: the stream
 * waits, which slows it instead of dropping rows. Implementations report
 * their own failures: none of these may throw, and `record`'s promise must
 * not reject (callers await it from event handlers).
 */
export interface SessionRecorder {
  begin(stream: StreamStart): void;
  record(streamId: string, input: SegmentInput, result: SegmentResult): void | Promise<void>;
  end(streamId: string, stats: Record<string, number>, outcome: SessionOutcome): void;
}

export type ProfilesSource = () => Record<string, ProfileInput>;
