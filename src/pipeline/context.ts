// The per-stream context: what one final segment leaves for the next. Plain
// data, small and bounded (a boolean plus each stage's own small slot), so it
// can be structured-cloned to whichever worker handles the stream next.
import type { StreamContext } from "./types.js";

const CONTEXT_VERSION = 1;

/** The shape inside the opaque StreamContext. */
interface PipelineContext {
  v: number;
  /** The next segment's first word starts a sentence. */
  atSentenceStart: boolean;
  /** Per-stage slots, by stage name; absent when no stage keeps state. */
  stages?: Record<string, unknown>;
}

export interface ContextView {
  atSentenceStart: boolean;
  stages: Readonly<Record<string, unknown>>;
}

const EMPTY_SLOTS: Readonly<Record<string, unknown>> = Object.freeze({});

/** A context for a new stream (equivalent to passing {}). */
export function createStreamContext(): StreamContext {
  return {};
}

/**
 * Reads a context defensively: it came from another thread or a stored session,
 * and a wrong or older shape means "start fresh", never a crash.
 */
export function readContext(context: StreamContext | undefined): ContextView {
  const c = context as Partial<PipelineContext> | undefined;
  if (c === undefined || c === null || c.v !== CONTEXT_VERSION) return { atSentenceStart: true, stages: EMPTY_SLOTS };
  const stages = typeof c.stages === "object" && c.stages !== null ? c.stages : EMPTY_SLOTS;
  return { atSentenceStart: c.atSentenceStart !== false, stages };
}

/** A new context object (inputs are never mutated: callers may keep the old one). */
export function writeContext(atSentenceStart: boolean, stages: Record<string, unknown> | undefined): StreamContext {
  const c: PipelineContext = { v: CONTEXT_VERSION, atSentenceStart };
  if (stages !== undefined && Object.keys(stages).length > 0) c.stages = stages;
  return c as unknown as StreamContext;
}
