// Turns wire messages into pipeline inputs, or into precise field
// violations. Everything the pipeline and workers receive has passed here,
// so they can trust their input.
import type { LipiConfig } from "../config/schema.js";
import type { Segment, StageOptions, StreamConfig, UpdateConfig } from "../gen/lipi/v1/transcript.js";
import { compileProfile, StageOptionsError, violationField } from "../pipeline/index.js";
import type { ProfileInput, SegmentInput, SourceWord, StageSettingsInput } from "../pipeline/types.js";
import type { FieldViolation } from "./errors.js";

export type StageOverrides = Record<string, StageSettingsInput>;

export interface SegmentLimits {
  maxWordsPerSegment: number;
  maxSegmentChars: number;
}

export function segmentLimits(config: LipiConfig): SegmentLimits {
  return { maxWordsPerSegment: config.stream.maxWordsPerSegment, maxSegmentChars: config.stream.maxSegmentChars };
}

function isUnitInterval(n: number | undefined): boolean {
  return n === undefined || (Number.isFinite(n) && n >= 0 && n <= 1);
}

const collapseSpace = (s: string) => s.trim().replace(/\s+/g, " ");

/**
 * Checks a segment; returns the pipeline input or the list of violations.
 * `prefix` names the field path ("segment" on a stream, "segments[3]" in Process).
 */
export function validateSegment(
  segment: Segment,
  limits: SegmentLimits,
  prefix: string,
): { input: SegmentInput; violations?: undefined } | { input?: undefined; violations: FieldViolation[] } {
  const v: FieldViolation[] = [];
  const bad = (field: string, description: string) => v.push({ field: `${prefix}.${field}`, description });

  if (segment.endMs < segment.startMs) bad("end_ms", `must not be before start_ms (${segment.startMs} > ${segment.endMs})`);
  if (!isUnitInterval(segment.stability)) bad("stability", "must be between 0 and 1");
  if (!isUnitInterval(segment.confidence)) bad("confidence", "must be between 0 and 1");
  if (segment.text.length > limits.maxSegmentChars) {
    bad("text", `is ${segment.text.length} characters; the limit is ${limits.maxSegmentChars}`);
  }
  if (segment.words.length > limits.maxWordsPerSegment) {
    bad("words", `has ${segment.words.length} words; the limit is ${limits.maxWordsPerSegment}`);
  }

  let chars = 0;
  let previousStart = -1;
  segment.words.forEach((word, i) => {
    const at = `words[${i}]`;
    if (word.text.trim() === "") bad(`${at}.text`, "must not be empty");
    else if (/\s/.test(word.text.trim())) bad(`${at}.text`, "must be a single word (no whitespace)");
    if (word.endMs < word.startMs) bad(`${at}.end_ms`, `must not be before start_ms (${word.startMs} > ${word.endMs})`);
    if (word.startMs < previousStart) bad(`${at}.start_ms`, "words must be in time order");
    if (!isUnitInterval(word.confidence)) bad(`${at}.confidence`, "must be between 0 and 1");
    previousStart = word.startMs;
    chars += word.text.length + 1;
  });
  if (chars > limits.maxSegmentChars) bad("words", `hold ${chars} characters; the limit is ${limits.maxSegmentChars}`);
  if (segment.words.length > 0 && segment.text.trim() !== "") {
    const joined = segment.words.map((w) => w.text.trim()).join(" ");
    if (collapseSpace(segment.text) !== joined) bad("text", "differs from the words; send one of them, or the same text");
  }
  if (v.length) return { violations: v };

  const words: SourceWord[] = segment.words.map((w) => ({
    text: w.text.trim(),
    startMs: w.startMs,
    endMs: w.endMs,
    ...(w.confidence !== undefined ? { confidence: w.confidence } : {}),
    ...(w.speaker ? { speaker: w.speaker } : {}),
  }));
  // A segment without its own span takes the span of its words.
  let { startMs, endMs } = segment;
  if (startMs === 0 && endMs === 0 && words.length > 0) {
    startMs = words[0]!.startMs;
    endMs = Math.max(...words.map((w) => w.endMs));
  }
  return {
    input: {
      id: segment.id,
      seq: segment.seq,
      isFinal: segment.isFinal,
      startMs,
      endMs,
      text: words.length ? "" : segment.text,
      words,
      ...(segment.confidence !== undefined ? { confidence: segment.confidence } : {}),
      ...(segment.speaker ? { speaker: segment.speaker } : {}),
    },
  };
}

export function stageOverridesFromWire(stages: Record<string, StageOptions>): StageOverrides {
  const out: StageOverrides = {};
  for (const [name, options] of Object.entries(stages)) {
    out[name] = {
      ...(options.enabled !== undefined ? { enabled: options.enabled } : {}),
      classes: { ...options.classes },
      params: { ...options.params },
    };
  }
  return out;
}

/** Stage overrides layered: later wins per stage, per class and per param. */
export function mergeOverrides(base: StageOverrides, over: StageOverrides): StageOverrides {
  const out: StageOverrides = { ...base };
  for (const [name, settings] of Object.entries(over)) {
    const prev = out[name] ?? {};
    out[name] = {
      ...prev,
      ...(settings.enabled !== undefined ? { enabled: settings.enabled } : {}),
      classes: { ...prev.classes, ...settings.classes },
      params: { ...prev.params, ...settings.params },
    };
  }
  return out;
}

const LEXICON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Pack ids are kebab-case (config/lexicons) and, when the loaded packs are known, one of them. */
function lexiconIdViolations(ids: readonly string[], field: string, known: ReadonlySet<string> | undefined): FieldViolation[] {
  return ids.flatMap((id, i) => {
    if (!LEXICON_ID.test(id)) return [{ field: `${field}[${i}]`, description: `"${id}" is not a lexicon pack id (kebab-case)` }];
    if (known && !known.has(id)) return [{ field: `${field}[${i}]`, description: `unknown lexicon pack "${id}"; loaded: ${[...known].sort().join(", ") || "none"}` }];
    return [];
  });
}

/**
 * A stream's lexicon ids select the lexicon stage's packs and switch the stage
 * on (they are the stream's choice of packs, replacing the profile's list).
 */
function withLexiconIds(overrides: StageOverrides, ids: readonly string[], replace = false): StageOverrides {
  if (ids.length === 0) return replace ? mergeOverrides(overrides, { lexicon: { params: { packs: "" } } }) : overrides;
  return mergeOverrides(overrides, { lexicon: { enabled: true, params: { packs: ids.join(",") } } });
}

/** Field violations for a profile + overrides, found by compiling them. */
export function checkPipelineOptions(
  profiles: Record<string, ProfileInput>,
  profileName: string,
  overrides: StageOverrides,
  prefix: string,
): FieldViolation[] {
  const profile = profiles[profileName];
  if (!profile) {
    const known = Object.keys(profiles).sort().join(", ");
    return [{ field: `${prefix}.profile`, description: `unknown profile "${profileName}"; known: ${known}` }];
  }
  try {
    compileProfile(profile, overrides);
    return [];
  } catch (err) {
    if (!(err instanceof StageOptionsError)) throw err;
    return err.violations.map((v) => ({
      field: `${prefix}.${violationField(v)}`,
      description: v.reason,
    }));
  }
}

export interface StreamOptions {
  profile: string;
  overrides: StageOverrides;
  lexiconIds: string[];
  language: string;
}

export function validateStreamConfig(
  config: StreamConfig,
  profiles: Record<string, ProfileInput>,
  defaultProfile: string,
  prefix: string,
  knownLexicons?: ReadonlySet<string>,
): { options: StreamOptions; violations?: undefined } | { options?: undefined; violations: FieldViolation[] } {
  const profile = config.profile || defaultProfile;
  const overrides = withLexiconIds(stageOverridesFromWire(config.stages), config.lexiconIds);
  const violations = checkPipelineOptions(profiles, profile, overrides, prefix);
  violations.push(...lexiconIdViolations(config.lexiconIds, `${prefix}.lexicon_ids`, knownLexicons));
  if (config.sessionId.length > 200) violations.push({ field: `${prefix}.session_id`, description: "must be at most 200 characters" });
  if (violations.length) return { violations };
  const language = config.language || profiles[profile]?.language || "en";
  return { options: { profile, overrides, lexiconIds: [...config.lexiconIds], language } };
}

export function applyUpdate(
  current: StreamOptions,
  update: UpdateConfig,
  profiles: Record<string, ProfileInput>,
  prefix: string,
  knownLexicons?: ReadonlySet<string>,
): { options: StreamOptions; violations?: undefined } | { options?: undefined; violations: FieldViolation[] } {
  const profile = update.profile || current.profile;
  const lexiconIds = update.replaceLexicons ? [...update.lexiconIds] : [...new Set([...current.lexiconIds, ...update.lexiconIds])];
  const overrides = withLexiconIds(mergeOverrides(current.overrides, stageOverridesFromWire(update.stages)), lexiconIds, update.replaceLexicons);
  const violations = checkPipelineOptions(profiles, profile, overrides, prefix);
  violations.push(...lexiconIdViolations(update.lexiconIds, `${prefix}.lexicon_ids`, knownLexicons));
  if (violations.length) return { violations };
  return { options: { ...current, profile, overrides, lexiconIds } };
}
