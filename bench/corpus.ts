// The benchmark corpus: real ASR-shaped text from the dev data sets, turned
// into Segments with words and plausible timings. Benchmarking with "hello
// world" would measure the transport, not the pipeline: real lines have the
// lengths, spoken numbers, fillers and casing that make the stages work.
//
// Sources (see ../shared/data/README.md beside the repository):
//   libritts  asr-pairs/libritts_nemo_dev.jsonl  `asr`       raw ASR, lowercase, spoken numbers
//   earnings  asr-pairs/earnings21/segments_dev.jsonl `asr`  raw ASR of earnings calls, long lines
//   rev16     disfluency/rev16/segments_dev.jsonl `verbatim` cased verbatim text with fillers/repeats
// They are interleaved round-robin so every stream sees the same mix.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import type { Segment, Word } from "../src/gen/lipi/v1/transcript.js";
import { mulberry32 } from "./random.js";

export type CorpusSource = "libritts" | "earnings21" | "rev16" | "builtin";

/** One line of text with word timings relative to the line's start. */
export interface CorpusLine {
  source: CorpusSource;
  text: string;
  /** Words with startMs/endMs relative to 0; offset when turned into a Segment. */
  words: Word[];
  durationMs: number;
}

export interface Corpus {
  lines: CorpusLine[];
  /** Where the lines came from; `builtin` when the data directory was missing. */
  dataDir: string | null;
  countsBySource: Partial<Record<CorpusSource, number>>;
  meanWordsPerLine: number;
}

export interface LoadCorpusOptions {
  /** Directory laid out like ../shared/data; null or missing → built-in sample. */
  dataDir?: string | null;
  /** Lines kept per source. Bounded so start-up stays well under a second. */
  maxLinesPerSource?: number;
}

const SOURCE_FILES: ReadonlyArray<{ source: CorpusSource; file: string; field: string }> = [
  { source: "libritts", file: "asr-pairs/libritts_nemo_dev.jsonl", field: "asr" },
  { source: "earnings21", file: "asr-pairs/earnings21/segments_dev.jsonl", field: "asr" },
  { source: "rev16", file: "disfluency/rev16/segments_dev.jsonl", field: "verbatim" },
];

/**
 * A small sample written for this benchmark (not copied from the data sets)
 * so the load generator and its test run on a checkout without the data.
 * It mixes the same phenomena: spoken numbers, fillers, false starts,
 * Sanskrit terms as ASR spells them, and cased text.
 */
export const BUILTIN_SAMPLE: readonly string[] = [
  "good morning everyone and welcome to the second quarter call for fiscal twenty twenty four",
  "um so revenue grew uh twelve point five percent year over year to three hundred forty two million dollars",
  "I I think we we should probably start with the the numbers from last week",
  "please call me back at five five five one two three four five six seven",
  "today we will read chapter two verse forty seven of the bhagavad geeta",
  "the meeting is on march third at half past two in the afternoon",
  "So, you know, it's like, we were just, uh, talking about it yesterday.",
  "our gross margin was forty one percent compared to thirty nine percent in the prior year",
  "she practiced pranayama and then sat for dhyana for about twenty minutes",
  "and uh the the second thing is that we we shipped version three point two on the first of june",
  "Yeah. No, I mean, honestly, I didn't expect that many people to show up.",
  "the total comes to one thousand two hundred and fifty dollars and seventy five cents",
];

export function loadCorpus(options: LoadCorpusOptions = {}): Corpus {
  const maxLines = options.maxLinesPerSource ?? 2_000;
  const dataDir = options.dataDir ?? null;
  const perSource: CorpusLine[][] = [];
  let usedDir: string | null = null;

  if (dataDir !== null && existsSync(dataDir)) {
    for (const { source, file, field } of SOURCE_FILES) {
      const full = path.join(dataDir, file);
      if (!existsSync(full)) continue;
      const texts = readJsonlField(full, field, maxLines);
      if (texts.length > 0) {
        perSource.push(texts.map((text, i) => toCorpusLine(source, text, hashSeed(source, i))));
        usedDir = dataDir;
      }
    }
  }
  if (perSource.length === 0) {
    perSource.push(BUILTIN_SAMPLE.map((text, i) => toCorpusLine("builtin", text, hashSeed("builtin", i))));
  }

  const lines = interleave(perSource);
  const countsBySource: Partial<Record<CorpusSource, number>> = {};
  let words = 0;
  for (const line of lines) {
    countsBySource[line.source] = (countsBySource[line.source] ?? 0) + 1;
    words += line.words.length;
  }
  return { lines, dataDir: usedDir, countsBySource, meanWordsPerLine: words / lines.length };
}

/** Reads one string field from the first `limit` usable lines of a JSONL file. */
function readJsonlField(file: string, field: string, limit: number): string[] {
  const out: string[] = [];
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    if (out.length >= limit) break;
    if (raw.trim() === "") continue;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch {
      continue; // a damaged line should not stop a benchmark
    }
    const value = (record as Record<string, unknown>)[field];
    if (typeof value === "string" && value.trim() !== "") out.push(value.trim());
  }
  return out;
}

function interleave(groups: CorpusLine[][]): CorpusLine[] {
  const out: CorpusLine[] = [];
  const longest = Math.max(...groups.map((g) => g.length));
  for (let i = 0; i < longest; i++) {
    for (const group of groups) {
      const line = group[i];
      if (line) out.push(line);
    }
  }
  return out;
}

/**
 * Word timings that look like speech: ≈350 ms per word on average, longer
 * words last longer, small gaps between words and an occasional pause.
 * Deterministic (seeded) so two runs send byte-identical load.
 */
export function toCorpusLine(source: CorpusSource, text: string, seed: number): CorpusLine {
  const random = mulberry32(seed);
  const tokens = text.split(/\s+/).filter((t) => t !== "");
  const words: Word[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const letters = token.replace(/[^\p{L}\p{N}]/gu, "").length;
    // 130 ms floor plus ~40 ms per letter, ±15%: "a" ≈ 170 ms, "revenue" ≈ 410 ms.
    const duration = Math.round((130 + 40 * letters) * (0.85 + 0.3 * random()));
    const gap = random() < 0.08 ? 150 + Math.round(250 * random()) : Math.round(40 * random());
    const start = cursor + gap;
    words.push({
      text: token,
      startMs: start,
      endMs: start + duration,
      // Engines report high confidence on most words and a tail of low ones.
      confidence: Math.round((random() < 0.1 ? 0.4 + 0.4 * random() : 0.85 + 0.15 * random()) * 1000) / 1000,
      speaker: "",
    });
    cursor = start + duration;
  }
  return { source, text: tokens.join(" "), words, durationMs: cursor };
}

export type PayloadMode = "both" | "words" | "text";

/**
 * Builds the `count` Segments one stream sends. Streams start at different
 * corpus offsets (so they are not in lock-step on the same line) and each
 * segment's timings continue where the previous one ended, as from a live
 * recogniser.
 */
export function segmentsForStream(
  corpus: Corpus,
  streamIndex: number,
  count: number,
  payload: PayloadMode = "both",
): Segment[] {
  const segments: Segment[] = [];
  const n = corpus.lines.length;
  // 7919 is prime, so offsets spread over the corpus for any corpus size.
  let index = (streamIndex * 7919) % n;
  let clock = 0;
  for (let seq = 0; seq < count; seq++) {
    const line = corpus.lines[index] as CorpusLine;
    index = (index + 1) % n;
    const startMs = clock;
    const words =
      payload === "text"
        ? []
        : line.words.map((w) => ({ ...w, startMs: w.startMs + startMs, endMs: w.endMs + startMs }));
    segments.push({
      id: `s${streamIndex}-${seq}`,
      seq,
      isFinal: true,
      stability: 1,
      startMs,
      endMs: startMs + line.durationMs,
      text: payload === "words" ? "" : line.text,
      words,
      speaker: "",
    });
    clock = startMs + line.durationMs + 300; // a breath between segments
  }
  return segments;
}

function hashSeed(source: string, index: number): number {
  let h = 2166136261 ^ index;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 16777619);
  return h >>> 0;
}

