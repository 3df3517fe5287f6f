// The pipeline's public data model. Plain data only (structured-clone safe),
// because segments cross into worker threads and back.

/** A word as the ASR engine gave it. */
export interface SourceWord {
  text: string;
  startMs: number;
  endMs: number;
  /** 0..1; undefined when the engine gave none. */
  confidence?: number;
  speaker?: string;
}

/** One segment of input, already validated by the server or CLI. */
export interface SegmentInput {
  id: string;
  seq: number;
  isFinal: boolean;
  startMs: number;
  endMs: number;
  /** Used when words is empty: words get interpolated timings over startMs..endMs. */
  text: string;
  words: SourceWord[];
  confidence?: number;
  speaker?: string;
}

/** Half-open range [start, end) of source word indexes. */
export interface Span {
  start: number;
  end: number;
}

export interface OutputWordResult {
  text: string;
  startMs: number;
  endMs: number;
  confidence: number;
  speaker: string;
  source: Span;
}

export interface EditRecord {
  stage: string;
  rule: string;
  before: string;
  after: string;
  source: Span;
  confidence: number;
  applied: boolean;
  /** What the stage knew when it decided (a lexicon match: entry, score, runner-up); absent for most edits. */
  details?: Readonly<Record<string, string>>;
}

export interface FlagRecord {
  code: string;
  stage: string;
  detail: string;
}

export interface SegmentResult {
  id: string;
  seq: number;
  isFinal: boolean;
  startMs: number;
  endMs: number;
  text: string;
  words: OutputWordResult[];
  edits: EditRecord[];
  flags: FlagRecord[];
  needsReview: boolean;
  speaker: string;
}

/** Options for one stage after profile + stream overrides are merged. */
export interface StageSettingsInput {
  enabled?: boolean;
  classes?: Record<string, boolean>;
  params?: Record<string, string | number | boolean | string[]>;
}

/** A profile as configured: stage settings by stage name. */
export interface ProfileInput {
  description?: string;
  language?: string;
  stages?: Record<string, StageSettingsInput>;
}

/**
 * What a stream carries from one segment to the next (sentence state, text
 * held back for cross-segment matches). Opaque to callers; plain data so it
 * can travel to whichever worker processes the stream's next segment.
 */
export type StreamContext = Record<string, unknown>;
