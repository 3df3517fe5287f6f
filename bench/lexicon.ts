// Lexicon stage cost against lexicon size: the shipped Yoga-Vedānta pack plus
// synthetic entries (Sanskrit-like names built from syllables, two variants
// each, in memory: no YAML) up to 1k, 10k and 100k entries. For each size:
// index build time and memory (JS heap and typed arrays), then the lexicon
// stage alone on the same segments (LibriTTS ASR lines and lecture sentences
// with pack terms), one thread, timed in CPU time, with the resources a worker
// loads. Writes bench/results/lexicon.json.
//
//   npx tsx --expose-gc bench/lexicon.ts [--seconds 5] [--rounds 9] [--out FILE]
// (--seconds per size, split over interleaved rounds, each round starting at
// another size; the median round is reported)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { buildLexiconIndex } from "../src/pipeline/lexicon/lexicon-index.js";
import { indexFor } from "../src/pipeline/stages/lexicon/options.js";
import type { LexiconEntry, LexiconPack } from "../src/pipeline/lexicon/types.js";
import { compileProfile, STAGE_NAMES, type SegmentInput, type StageSettingsInput } from "../src/pipeline/index.js";
import { loadPipelineResources } from "../src/resources/load.js";
import { describeMachine } from "./machine.js";
import { mulberry32 } from "./random.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const SIZES = [1_000, 10_000, 100_000] as const;
const SEGMENTS = 2000;
const WORDS_PER_SEGMENT = 15;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}


const ONSETS = ["k", "kh", "g", "c", "j", "ṭ", "ḍ", "t", "th", "d", "dh", "n", "p", "b", "bh", "m", "y", "r", "l", "v", "ś", "ṣ", "s", "h", "kṣ", "jñ", "pr", "br", "śr"];
const VOWELS = ["a", "ā", "i", "ī", "u", "ū", "e", "o", "ṛ", "ai", "au"];
const ASCII: Record<string, string> = { ṭ: "t", ḍ: "d", ś: "sh", ṣ: "sh", ā: "aa", ī: "ee", ū: "oo", ṛ: "ri", ñ: "n" };

/** `count` synthetic entries with distinct canonicals of 2–4 syllables (1–2 words) and two ASCII variants each. */
export function syntheticPack(count: number, seed: number): LexiconPack {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const seen = new Set<string>();
  const entries: LexiconEntry[] = [];
  while (entries.length < count) {
    const word = () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(ONSETS) + pick(VOWELS)).join("");
    const canonical = rnd() < 0.3 ? `${word()} ${word()}` : word();
    if (seen.has(canonical)) continue;
    seen.add(canonical);
    const ascii = [...canonical].map((ch) => ASCII[ch] ?? ch).join("");
    const plain = canonical.normalize("NFD").replace(/\p{M}/gu, "");
    const variants = [...new Set([ascii, ascii.replace(/v/g, "w").replace(/aa/g, "a")])].filter((v) => v !== plain);
    entries.push({ id: `syn-${entries.length}`, canonical, kind: "term", variants, category: "synthetic", protected: false, line: entries.length + 1 });
  }
  return { id: "synthetic", name: "Synthetic", language: "en", version: "0", description: "", license: "CC0-1.0", source: [], entries, sourceName: "synthetic" };
}

/** LibriTTS ASR lines and lecture sentences with pack spellings, cut to 15 words. */
export function segments(pack: LexiconPack): SegmentInput[] {
  const rnd = mulberry32(7);
  const file = path.resolve(ROOT, "../shared/data/asr-pairs/libritts_nemo_dev.jsonl");
  const english = existsSync(file)
    ? readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { asr: string }).asr)
    : ["so the talk begins with a few words about the practice and what it means for us today"];
  const words = english.join(" ").split(/\s+/).filter(Boolean);
  const terms = pack.entries.flatMap((e) => e.variants);
  const out: SegmentInput[] = [];
  for (let i = 0; out.length < SEGMENTS; i += WORDS_PER_SEGMENT) {
    const w = words.slice(i % (words.length - WORDS_PER_SEGMENT), (i % (words.length - WORDS_PER_SEGMENT)) + WORDS_PER_SEGMENT);
    // Every other segment is a lecture sentence: two pack terms among the English.
    if (out.length % 2 === 1) {
      w[3] = terms[Math.floor(rnd() * terms.length)]!;
      w[10] = terms[Math.floor(rnd() * terms.length)]!;
    }
    out.push({ id: `b${out.length}`, seq: 0, isFinal: true, startMs: 0, endMs: 5000, text: w.join(" "), words: [] });
  }
  return out;
}

/** JS heap plus ArrayBuffer memory (the index's typed arrays live outside the heap), once garbage is collected (array buffers are freed a moment after their last reference). */
async function memoryUsed(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

async function main(): Promise<void> {
  const seconds = Number(arg("--seconds", "5"));
  const rounds = Number(arg("--rounds", "9"));
  const outFile = path.resolve(arg("--out", path.join(ROOT, "bench/results/lexicon.json")));
  // The resources a worker loads (workers/worker.ts): the stage also consults the English word lists and
  // the casing stage's names ("Thomas", "April"), which rule out most lookups by sound on English text.
  const base = loadPipelineResources();
  const real = base.lexicons!.find((p) => p.id === "yoga-vedanta")!;
  const corpus = segments(real);
  const results: Record<string, Record<string, unknown>> = {};
  const pipelines: Array<{ size: number; run: (s: SegmentInput) => number; index: ReturnType<typeof indexFor> }> = [];
  for (const size of SIZES) {
    const synthetic = syntheticPack(size - real.entries.length, 1000 + size);
    const packs = [real, synthetic];
    const before = await memoryUsed();
    const t0 = performance.now();
    const index = buildLexiconIndex(packs);
    const buildMs = performance.now() - t0;
    const heapBytes = (await memoryUsed()) - before;
    const keys = { exact: index.exact.size, phonetic: index.phonetic.size, coarseNeighbourhoodBuckets: index.coarseNear.bucketCount, spelling: index.spelling.size, spellingNeighbourhoodBuckets: index.spellingNear.bucketCount };
    // The stage builds its own (memoised) index on first compile: compile once before timing.
    const stages: Record<string, StageSettingsInput> = Object.fromEntries(STAGE_NAMES.map((n) => [n, { enabled: false }]));
    stages["lexicon"] = { enabled: true, params: { packs: ["yoga-vedanta", "synthetic"] } };
    const pipeline = compileProfile({ stages }, undefined, { ...base, lexicons: packs });
    for (const s of corpus.slice(0, 200)) pipeline.run(s, {});
    pipelines.push({ size, run: (s) => pipeline.run(s, {}).result.edits.length, index: indexFor(packs, ["yoga-vedanta", "synthetic"]) });
    results[String(size)] = { entries: index.entries.length, indexBuildMs: Math.round(buildMs), indexMemoryMiB: Math.round((heapBytes / 2 ** 20) * 10) / 10, keys };
    console.log(size, JSON.stringify(results[String(size)]));
  }
  // Sizes interleaved over several rounds, median per size: a busy machine drifts, and drift should not look like growth.
  // Each round is timed in this process's CPU time (and, for reference, wall time): on a shared machine the wall
  // clock also counts the time other processes held the CPU, which has nothing to do with the lexicon's size.
  const perRound = new Map<number, number[]>();
  const wallPerRound = new Map<number, number[]>();
  let edits = 0;
  let segmentsRun = 0;
  const probeStats = new Map<number, { segments: number; queries: number; candidates: number }>();
  for (let round = 0; round < rounds; round++) {
    // Each round starts at another size: none always runs right after another's cache-trashing.
    const order = pipelines.map((_, k) => pipelines[(k + round) % pipelines.length]!);
    for (const p of order) {
      const q0 = p.index.coarseNear.queries + p.index.spellingNear.queries;
      const c0 = p.index.coarseNear.candidates + p.index.spellingNear.candidates;
      let done = 0;
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      while (performance.now() - start < (seconds * 1000) / rounds) {
        for (const s of corpus) edits += p.run(s);
        done += corpus.length;
      }
      segmentsRun += done;
      const st = probeStats.get(p.size) ?? { segments: 0, queries: 0, candidates: 0 };
      st.segments += done;
      st.queries += p.index.coarseNear.queries + p.index.spellingNear.queries - q0;
      st.candidates += p.index.coarseNear.candidates + p.index.spellingNear.candidates - c0;
      probeStats.set(p.size, st);
      const wallUs = ((performance.now() - start) * 1000) / done;
      const cpu = process.cpuUsage(cpu0);
      perRound.set(p.size, [...(perRound.get(p.size) ?? []), (cpu.user + cpu.system) / done]);
      wallPerRound.set(p.size, [...(wallPerRound.get(p.size) ?? []), wallUs]);
    }
  }
  for (const size of SIZES) {
    const times = perRound.get(size)!.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const wall = wallPerRound.get(size)!.sort((a, b) => a - b);
    Object.assign(results[String(size)]!, {
      microsecondsPerSegment: Math.round(median * 10) / 10,
      segmentsPerSecond: Math.round(1e6 / median),
      roundsMicrosecondsPerSegment: times.map((r) => Math.round(r)),
      wallMicrosecondsPerSegment: Math.round(wall[Math.floor(wall.length / 2)]! * 10) / 10,
      fuzzyProbesPerSegment: Math.round((probeStats.get(size)!.queries / probeStats.get(size)!.segments) * 100) / 100,
      fuzzyCandidatesPerSegment: Math.round((probeStats.get(size)!.candidates / probeStats.get(size)!.segments) * 100) / 100,
    });
  }
  // The target: the cost per segment at the largest size within 1.2x of the smallest's.
  const smallest = results[String(SIZES[0])]!["microsecondsPerSegment"] as number;
  for (const size of SIZES) {
    const r = results[String(size)]!;
    r["costVsSmallest"] = Math.round(((r["microsecondsPerSegment"] as number) / smallest) * 100) / 100;
  }
  console.log(JSON.stringify(Object.fromEntries(SIZES.map((s) => [s, results[String(s)]!["microsecondsPerSegment"]]))), `edits/segment ${(edits / segmentsRun).toFixed(2)}`);
  const report = {
    name: "lexicon",
    measuredAt: new Date().toISOString(),
    machine: describeMachine(),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === "function",
    memory: "indexMemoryMiB: JS heap plus ArrayBuffer memory (typed arrays) retained by the index, after a forced GC",
    corpus: { segments: SEGMENTS, wordsPerSegment: WORDS_PER_SEGMENT, note: "LibriTTS dev ASR lines; every other segment carries two yoga-vedanta variants" },
    threads: 1,
    timing: "microsecondsPerSegment: median over rounds of process CPU time (user + system) per segment; wallMicrosecondsPerSegment: the same in wall time",
    secondsPerSize: seconds,
    rounds,
    stage: "lexicon only (compileProfile, all other stages off; the resources a worker loads: English word lists, casing names), yoga-vedanta + synthetic entries",
    results,
  };
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(report, null, 2) + "\n");
  console.log(`-> ${path.relative(ROOT, outFile)}`);
}

if (process.argv[1] !== undefined && import.meta.filename === path.resolve(process.argv[1])) await main();
