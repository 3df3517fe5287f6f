// What the server needs from the layers below it, as small interfaces, so
// services depend on capabilities rather than on the pool or store classes.
import type { ProfileInput, SegmentInput, SegmentResult, StageSettingsInput, StreamContext } from "../pipeline/types.js";

export interface PipelineJob {
  streamKey: string;
  profile: string;
  overrides: Record<string, StageSettingsInput>;
  segments: SegmentInput[];
  context: StreamContext;
}

export interface PipelineJobResult {
  results: SegmentResult[];
  context: StreamContext;
}

export interface PipelineRunner {
  process(job: PipelineJob): Promise<PipelineJobResult>;
}

export interface SessionStart {
  sessionId: string;
  profile: string;
  config: unknown;
  peer: string;
}

export type SessionOutcome = "completed" | "cancelled" | "aborted" | "rejected";

/**
 * Persistence of sessions and their final segments. `record` may return a
 * promise when the write buffer is full: the session waits, which slows the
 * stream instead of dropping rows.
 */
export interface SessionRecorder {
  begin(session: SessionStart): void;
  record(sessionId: string, input: SegmentInput, result: SegmentResult): void | Promise<void>;
  end(sessionId: string, stats: Record<string, number>, outcome: SessionOutcome): void;
}

export type ProfilesSource = () => Record<string, ProfileInput>;
