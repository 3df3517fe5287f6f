// The JSON transcript format: {segments: [{id, startMs, endMs, text, speaker?,
// words?: [{text, startMs, endMs, confidence?}]}]}. Parsing reports every
// problem with its JSON path ("$.segments[2].words[0].endMs") and keeps what
// is usable: a bad word is dropped (reported), a segment is dropped only when
// it has neither timing nor text to recover from. Unknown fields are ignored
// so exports from other tools (with extra fields) still load.
import type { SegmentInput, SegmentResult, SourceWord } from "../pipeline/types.js";
import { jsonErrorOffset } from "./json-syntax.js";

export interface TranscriptWord {
  text: string;
  startMs: number;
  endMs: number;
  confidence?: number;
}

export interface TranscriptSegment {
  id: string;
  startMs: number;
  endMs: number;
  text: string;
  speaker?: string;
  words?: TranscriptWord[];
}

export interface Transcript {
  segments: TranscriptSegment[];
}

export interface TranscriptProblem {
  /** JSONPath of the offending value; "$" for the document. */
  path: string;
  message: string;
  severity: "error" | "warning";
  /** For syntax errors: 1-based line and column of the failure. */
  line?: number;
  column?: number;
}

export interface TranscriptParseResult {
  transcript: Transcript;
  problems: TranscriptProblem[];
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const isTime = (v: Json): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

export function parseTranscriptJson(text: string): TranscriptParseResult {
  const problems: TranscriptProblem[] = [];
  let root: Json;
  const body = text.replace(/^\uFEFF/, "");
  try {
    root = JSON.parse(body);
  } catch (err) {
    problems.push({ path: "$", severity: "error", message: `not valid JSON: ${(err as Error).message}`, ...syntaxPosition(body) });
    return { transcript: { segments: [] }, problems };
  }
  if (!isObject(root) || !Array.isArray(root.segments)) {
    const path = isObject(root) ? "$.segments" : "$";
    const message = isObject(root) ? "must be an array of segments" : "must be an object with a segments array";
    problems.push({ path, severity: "error", message });
    return { transcript: { segments: [] }, problems };
  }
  const segments: TranscriptSegment[] = [];
  root.segments.forEach((raw, i) => {
    const segment = readSegment(raw, `$.segments[${i}]`, i, problems);
    if (segment) segments.push(segment);
  });
  return { transcript: { segments }, problems };
}

function readSegment(raw: Json, path: string, i: number, problems: TranscriptProblem[]): TranscriptSegment | null {
  const error = (field: string, message: string) => problems.push({ path: `${path}${field}`, severity: "error", message });
  const warn = (field: string, message: string) => problems.push({ path: `${path}${field}`, severity: "warning", message });
  if (!isObject(raw)) {
    error("", "must be an object");
    return null;
  }
  let id: string;
  if (typeof raw.id === "string" && raw.id !== "") id = raw.id;
  else if (typeof raw.id === "number" && Number.isFinite(raw.id)) id = String(raw.id);
  else {
    id = `segment-${i + 1}`;
    warn(".id", raw.id === undefined ? `is missing; "${id}" used` : `must be a non-empty string; "${id}" used`);
  }

  let words: TranscriptWord[] | undefined;
  if (raw.words !== undefined) {
    if (!Array.isArray(raw.words)) error(".words", "must be an array");
    else words = readWords(raw.words, `${path}.words`, problems);
  }
  const first = words?.[0];
  const last = words?.[words.length - 1];
  const time = (field: "startMs" | "endMs", fromWords: number | undefined): number | undefined => {
    const v = raw[field];
    if (isTime(v)) return v;
    const what = v === undefined ? "is missing" : "must be a number of milliseconds >= 0";
    if (fromWords !== undefined) {
      warn(`.${field}`, `${what}; taken from the words (${fromWords})`);
      return fromWords;
    }
    error(`.${field}`, what);
    return undefined;
  };
  const startMs = time("startMs", first?.startMs);
  const endMs = time("endMs", last?.endMs);

  let text: string | undefined;
  if (typeof raw.text === "string") text = raw.text;
  else if (words && words.length > 0) {
    text = words.map((w) => w.text).join(" ");
    warn(".text", `${raw.text === undefined ? "is missing" : "must be a string"}; joined from the words`);
  } else error(".text", raw.text === undefined ? "is missing" : "must be a string");

  if (startMs === undefined || endMs === undefined || text === undefined) {
    error("", "segment skipped: it needs startMs, endMs and text (or words to take them from)");
    return null;
  }
  if (endMs < startMs) error(".endMs", `must not be before startMs (${startMs} > ${endMs})`);
  const segment: TranscriptSegment = { id, startMs, endMs, text };
  if (typeof raw.speaker === "string") segment.speaker = raw.speaker;
  else if (raw.speaker !== undefined && raw.speaker !== null) warn(".speaker", "must be a string; ignored");
  if (words) {
    words.forEach((w, k) => {
      if (w.startMs < startMs || w.endMs > endMs) {
        warn(`.words[${k}]`, `lies outside the segment (${startMs}..${endMs})`);
      }
    });
    segment.words = words;
  }
  return segment;
}

function readWords(raw: Json[], path: string, problems: TranscriptProblem[]): TranscriptWord[] {
  const words: TranscriptWord[] = [];
  let previousStart = -1;
  raw.forEach((w, k) => {
    const at = `${path}[${k}]`;
    const errors: TranscriptProblem[] = [];
    const bad = (field: string, message: string) => errors.push({ path: `${at}${field}`, severity: "error", message });
    if (!isObject(w)) {
      bad("", "must be an object");
    } else {
      if (typeof w.text !== "string" || w.text.trim() === "") bad(".text", "must be a non-empty string");
      if (!isTime(w.startMs)) bad(".startMs", "must be a number of milliseconds >= 0");
      if (!isTime(w.endMs)) bad(".endMs", "must be a number of milliseconds >= 0");
      else if (isTime(w.startMs) && w.endMs < w.startMs) bad(".endMs", `must not be before startMs (${w.startMs} > ${w.endMs})`);
      const c = w.confidence;
      if (c !== undefined && c !== null && !(typeof c === "number" && c >= 0 && c <= 1)) bad(".confidence", "must be a number from 0 to 1");
    }
    if (errors.length > 0 || !isObject(w)) {
      problems.push(...errors, { path: at, severity: "error", message: "word dropped" });
      return;
    }
    const word: TranscriptWord = { text: w.text as string, startMs: w.startMs as number, endMs: w.endMs as number };
    if (typeof w.confidence === "number") word.confidence = w.confidence;
    if (word.startMs < previousStart) problems.push({ path: `${at}.startMs`, severity: "warning", message: "words are not in time order" });
    previousStart = word.startMs;
    words.push(word);
  });
  return words;
}

function syntaxPosition(text: string): { line?: number; column?: number } {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return {};
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1] as string).length + 1 };
}

/** Two-space indented JSON with keys in a fixed order, ending in a newline. */
export function renderTranscriptJson(transcript: Transcript): string {
  const segments = transcript.segments.map((s) => ({
    id: s.id,
    startMs: s.startMs,
    endMs: s.endMs,
    text: s.text,
    ...(s.speaker !== undefined ? { speaker: s.speaker } : {}),
    ...(s.words !== undefined
      ? { words: s.words.map((w) => ({ text: w.text, startMs: w.startMs, endMs: w.endMs, ...(w.confidence !== undefined ? { confidence: w.confidence } : {}) })) }
      : {}),
  }));
  return `${JSON.stringify({ segments }, null, 2)}\n`;
}

/** Pipeline input: one segment per transcript segment; its words, when given, keep their timings. */
export function transcriptToSegments(transcript: Transcript): SegmentInput[] {
  return transcript.segments.map((s, i) => {
    const words: SourceWord[] = (s.words ?? []).map((w) => ({
      text: w.text,
      startMs: w.startMs,
      endMs: w.endMs,
      ...(w.confidence !== undefined ? { confidence: w.confidence } : {}),
      ...(s.speaker !== undefined ? { speaker: s.speaker } : {}),
    }));
    const segment: SegmentInput = { id: s.id, seq: i + 1, isFinal: true, startMs: s.startMs, endMs: Math.max(s.startMs, s.endMs), text: s.text, words };
    if (s.speaker !== undefined) segment.speaker = s.speaker;
    return segment;
  });
}

/** The processed transcript: results' text, words and timings. */
export function resultsToTranscript(results: readonly SegmentResult[]): Transcript {
  return {
    segments: results.map((r) => ({
      id: r.id,
      startMs: r.startMs,
      endMs: r.endMs,
      text: r.text,
      ...(r.speaker ? { speaker: r.speaker } : {}),
      words: r.words.map((w) => ({ text: w.text, startMs: w.startMs, endMs: w.endMs, confidence: w.confidence })),
    })),
  };
}
