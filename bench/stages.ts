// Stage throughput: segments/s per thread for the ITN and disfluency stages,
// and the cost per segment (µs) of punctuation, casing, redaction and guard,
// called directly (no gRPC, no workers) on 15-word segments cut from real
// text: Rev16 verbatim transcripts (fillers, repeats, cased and punctuated)
// and LibriTTS raw ASR lines (lowercase, spoken numbers).
// By default it measures the built code (`npm run build`, which it runs
// first), as `npm start` runs it: through tsx the same stages run about 15%
// slower (esbuild's keep-names wrappers on every closure, among others).
//   npx tsx bench/stages.ts [--data DIR] [--seconds N] [--out FILE] [--code dist|src]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { Command } from "commander";

import { loadResources, REPO_ROOT } from "./eval/pipelines.js";
import { describeMachine } from "./machine.js";
import type { CompiledPipeline, SegmentInput, StageSettingsInput } from "../src/pipeline/index.js";

type PipelineApi = Pick<typeof import("../src/pipeline/index.js"), "compileProfile" | "STAGE_NAMES">;

/** The pipeline and its resources from the build (dist/, rebuilt first) or from the TypeScript sources. */
async function loadCode(code: "dist" | "src"): Promise<{ api: PipelineApi; resources: unknown }> {
  if (code === "src") return { api: await import("../src/pipeline/index.js"), resources: await loadResources() };
  execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO_ROOT, stdio: "inherit" });
  const dist = (file: string) => pathToFileURL(path.join(REPO_ROOT, "dist", file)).href;
  const api = (await import(dist("pipeline/index.js"))) as PipelineApi;
  const load = (await import(dist("resources/load.js"))) as { loadPipelineResources: () => unknown };
  return { api, resources: load.loadPipelineResources() };
}

const WORDS_PER_SEGMENT = 15;

/** Lines from a JSONL field, cut into consecutive 15-word segments (the tail shorter than 15 is dropped). */
function segmentsFrom(file: string, field: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const text = (JSON.parse(line) as Record<string, unknown>)[field];
    if (typeof text !== "string") continue;
    const words = text.split(/\s+/).filter((w) => w !== "");
    for (let i = 0; i + WORDS_PER_SEGMENT <= words.length; i += WORDS_PER_SEGMENT) out.push(words.slice(i, i + WORDS_PER_SEGMENT).join(" "));
  }
  return out;
}

/** Rev16 and LibriTTS segments interleaved so every stretch of the run sees both styles. */
function loadCorpus(dataDir: string): { texts: string[]; counts: Record<string, number> } {
  const rev16 = segmentsFrom(path.join(dataDir, "disfluency/rev16/segments_dev.jsonl"), "verbatim");
  const libritts = segmentsFrom(path.join(dataDir, "asr-pairs/libritts_nemo_dev.jsonl"), "asr");
  const texts: string[] = [];
  for (let i = 0; i < Math.max(rev16.length, libritts.length); i++) {
    if (i < rev16.length) texts.push(rev16[i]!);
    if (i < libritts.length) texts.push(libritts[i]!);
  }
  return { texts, counts: { rev16: rev16.length, libritts: libritts.length } };
}

function toSegments(texts: readonly string[]): SegmentInput[] {
  return texts.map((text, i) => ({ id: `b${i}`, seq: i, isFinal: true, startMs: i * 5000, endMs: i * 5000 + 4800, text, words: [] }));
}

/** Runs the corpus round after round for `seconds`, after a warm-up; returns segments/s. */
function measure(pipeline: CompiledPipeline, segments: readonly SegmentInput[], seconds: number): { segmentsPerSecond: number; segments: number; ms: number } {
  let context = {};
  for (let i = 0; i < Math.min(segments.length, 5000); i++) context = pipeline.run(segments[i]!, context).context;
  let done = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < segments.length && (i & 255 || performance.now() < deadline); i++) {
      context = pipeline.run(segments[i]!, context).context;
      done++;
    }
  }
  const ms = performance.now() - start;
  return { segmentsPerSecond: Math.round((done / ms) * 1000), segments: done, ms: Math.round(ms) };
}

/** The stages whose cost per segment is reported (item 6 of issue 5); the guard is a post-pass, timed as the difference it makes. */
const COSTED_STAGES = ["punctuation", "casing", "redaction", "guard"] as const;
const CHAIN = ["disfluency", "itn", "punctuation", "casing", "redaction"] as const;

/**
 * µs per segment of each costed stage inside the clean chain (disfluency, itn,
 * punctuation, casing, redaction), from the pipeline's own per-stage timing;
 * the guard runs after the loop, so its cost is the chain's time with it minus
 * without it, measured in alternating rounds so drift hits both equally.
 */
function costPerSegment(api: PipelineApi, resources: unknown, segments: readonly SegmentInput[], seconds: number): Record<string, number> {
  const build = (guard: boolean) => {
    const enabled = [...CHAIN, ...(guard ? ["guard"] : [])];
    return onlyStages(api, enabled, resources);
  };
  const withGuard = build(true);
  const withoutGuard = build(false);
  const stageMs: Record<string, number> = {};
  const timing = { now: () => performance.now(), stageMs };
  let timed = 0;
  const totals = { with: 0, without: 0, withSegments: 0, withoutSegments: 0 };
  const rounds = 6;
  for (let round = 0; round < rounds; round++) {
    for (const [pipeline, key] of [[withGuard, "with"], [withoutGuard, "without"]] as const) {
      let context = {};
      const deadline = performance.now() + (seconds * 1000) / (rounds * 2);
      const start = performance.now();
      let done = 0;
      while (performance.now() < deadline) {
        for (let i = 0; i < segments.length && (i & 255 || performance.now() < deadline); i++) {
          context = pipeline.run(segments[i]!, context, key === "with" ? timing : undefined).context;
          done++;
        }
      }
      totals[key] += performance.now() - start;
      totals[`${key}Segments`] += done;
      if (key === "with") timed += done;
    }
  }
  const us = (ms: number, n: number) => Math.round(((ms * 1000) / n) * 100) / 100;
  const out: Record<string, number> = {};
  for (const name of COSTED_STAGES) if (name !== "guard") out[name] = us(stageMs[name] ?? 0, timed);
  out.guard = Math.round((us(totals.with, totals.withSegments) - us(totals.without, totals.withoutSegments)) * 100) / 100;
  out.chainWithGuard = us(totals.with, totals.withSegments);
  return out;
}

function onlyStages(api: PipelineApi, enabled: readonly string[], resources: unknown): CompiledPipeline {
  const stages: Record<string, StageSettingsInput> = {};
  for (const name of api.STAGE_NAMES) stages[name] = { enabled: enabled.includes(name) };
  const compile = api.compileProfile as (...args: unknown[]) => CompiledPipeline;
  return resources === undefined ? compile({ stages }) : compile({ stages }, undefined, resources);
}

async function main(): Promise<void> {
  const opts = new Command()
    .option("--data <dir>", "data directory", path.resolve(REPO_ROOT, "../shared/data"))
    .option("--seconds <n>", "measured seconds per configuration", "3")
    .option("--out <file>", "result file", path.join(REPO_ROOT, "bench/results/stages.json"))
    .option("--code <code>", "dist: the build npm start runs (rebuilt first); src: the TypeScript sources through tsx", "dist")
    .parse()
    .opts<{ data: string; seconds: string; out: string; code: string }>();
  if (opts.code !== "dist" && opts.code !== "src") throw new Error(`--code must be dist or src, got ${JSON.stringify(opts.code)}`);
  const { api, resources } = await loadCode(opts.code);
  const { texts, counts } = loadCorpus(opts.data);
  const segments = toSegments(texts);
  const hasItn = (api.STAGE_NAMES as readonly string[]).includes("itn");
  const configs: Record<string, string[]> = { disfluency: ["disfluency"], ...(hasItn ? { itn: ["itn"], "itn+disfluency": ["itn", "disfluency"] } : {}) };
  // verses on English text: the quick-rejection path (n-gram retrieval finds no dense candidate).
  if ((api.STAGE_NAMES as readonly string[]).includes("verses")) configs.verses = ["verses"];
  const results: Record<string, ReturnType<typeof measure>> = {};
  for (const [name, stages] of Object.entries(configs)) {
    results[name] = measure(onlyStages(api, stages, resources), segments, Number(opts.seconds));
    console.log(`${name.padEnd(16)} ${results[name]!.segmentsPerSecond.toLocaleString("en-US")} segments/s (1 thread)`);
  }
  const costs = {
    mixed: costPerSegment(api, resources, segments, Number(opts.seconds) * 2),
    libritts: costPerSegment(api, resources, toSegments(segmentsFrom(path.join(opts.data, "asr-pairs/libritts_nemo_dev.jsonl"), "asr")), Number(opts.seconds) * 2),
  };
  for (const [corpus, c] of Object.entries(costs)) console.log(`µs/segment (${corpus}): ${Object.entries(c).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const report = {
    name: "stages",
    measuredAt: new Date().toISOString(),
    machine: describeMachine(),
    corpus: { wordsPerSegment: WORDS_PER_SEGMENT, segments: segments.length, bySource: counts },
    threads: 1,
    code: opts.code === "dist" ? "dist: the tsc build, as npm start runs it" : "src: TypeScript through tsx",
    itn: hasItn ? (resources === undefined ? "registered, no resources loaded" : "registered, resources loaded") : "not measured: not registered",
    results,
    costPerSegmentUs: {
      note:
        "Noisy: measured on a shared 2-vCPU machine under other engineers' load (machine.loadAverage1m); compare stages within one run, not across runs. µs per 15-word segment inside the clean chain (disfluency, itn, punctuation, casing, redaction), from the pipeline's per-stage timing; guard = chain time with it minus without it. mixed: Rev16 (already punctuated: punctuation passes it through) + LibriTTS; libritts: unpunctuated raw ASR only (the model path).",
      ...costs,
    },
  };
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, JSON.stringify(report, null, 2) + "\n");
  console.log(`written ${path.relative(process.cwd(), opts.out)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
