// The `redaction` suite: does PII come out masked, and does anything else?
// - Cases (pii-cases.ts, generated with a fixed seed): each sentence run through
//   a profile as a stream (context carried from segment to segment; interim
//   cases sent as interim segments). A case leaks when the stream's output still
//   holds the value: five or more of its digits in a row once the output's
//   numbers are folded to digits (a split value's first group, sent before the
//   rest was said, is at most four digits), or a word of an address (the name,
//   the domain). Target: none leaks.
// - False positives: GoogleTN identity rows (English that must not change) run
//   through the same profile; every redaction edit there is counted. Target:
//   at most 0.1% of sentences.
// The profile is `clean` as shipped, with every PII class set to a policy that
// hides it (`url_policy: tag`: the shipped profile keeps URLs readable).
import { existsSync } from "node:fs";
import path from "node:path";

import { compileProfile, type CompiledPipeline, type PipelineResources, type ProfileInput, type StreamContext } from "../../src/pipeline/index.js";
import { NUMBER_FOLD_SETTINGS } from "./format-suite.js";
import { generatePiiCases, type PiiCase } from "./pii-cases.js";
import { noHarmSentences } from "./lexicon-suite.js";
import { runText, stageOnlyPipeline } from "./pipelines.js";
import { tally, type Tally } from "./score.js";

export const DEFAULT_PII_SEED = 20261204;
export const DEFAULT_PII_CASES = 1000;
/** Digits of a value in a row that count as a leak (a first group sent before the rest was said is up to four). */
const LEAK_DIGITS = 5;

export interface RedactionSummary {
  suite: "redaction";
  pipeline: string;
  files: Array<{ file: string } & Tally>;
  overall: Tally;
  byClass: Record<string, Tally>;
  byForm: Record<string, Tally>;
  split: Tally;
  interim: Tally;
  falsePositives?: { file: string; sentences: number; flagged: number; rate: number };
  failures?: Array<{ id: number; piiClass: string; form: string; segments: string[]; interim: boolean; got: string[] }>;
  flagged?: Array<{ sentence: string; edits: string[] }>;
}

/** The profile under test: `clean`, every PII class hidden. */
export function redactionProfile(profiles: Record<string, ProfileInput>): ProfileInput {
  const clean = structuredClone(profiles["clean"]);
  if (clean === undefined) throw new Error('the redaction suite needs a "clean" profile');
  const stages = (clean.stages ??= {});
  const redaction = (stages["redaction"] ??= {});
  redaction.params = { ...redaction.params, url_policy: "tag" };
  return clean;
}

function runCase(p: CompiledPipeline, c: PiiCase): string[] {
  let context: StreamContext = {};
  return c.segments.map((text, k) => {
    const run = p.run({ id: `pii-${c.id}-${k}`, seq: k, isFinal: !c.interim, startMs: k * 3000, endMs: (k + 1) * 3000, text, words: [] }, context);
    context = run.context;
    return run.result.text;
  });
}

/** Whether the outputs still give the value away. */
export function leaks(c: PiiCase, outputs: readonly string[], fold: (text: string) => string): boolean {
  const text = outputs.join(" ");
  if (c.secret.digits !== undefined) {
    const digits = fold(text).replace(/\D+/g, "");
    const secret = c.secret.digits;
    for (let k = 0; k + LEAK_DIGITS <= secret.length; k++) if (digits.includes(secret.slice(k, k + LEAK_DIGITS))) return true;
  }
  if (c.secret.words !== undefined) {
    const words = new Set(text.toLowerCase().split(/[^a-z0-9]+/));
    if (c.secret.words.some((w) => words.has(w.toLowerCase()))) return true;
  }
  return false;
}

function add(map: Record<string, { total: number; correct: number }>, key: string, ok: boolean): void {
  const t = (map[key] ??= { total: 0, correct: 0 });
  t.total++;
  if (ok) t.correct++;
}

const tallies = (map: Record<string, { total: number; correct: number }>): Record<string, Tally> =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, tally(v.total, v.correct)]));

export interface RedactionSuiteOptions {
  profiles: Record<string, ProfileInput>;
  resources: unknown;
  repoRoot: string;
  /** GoogleTN sentences.tsv (identity rows) for the false-positive count, when it exists. */
  englishFile?: string;
  cases?: number;
  seed?: number;
}

export function runRedactionSuite(o: RedactionSuiteOptions): RedactionSummary {
  const resources = (o.resources ?? {}) as PipelineResources;
  const pipeline = compileProfile(redactionProfile(o.profiles), undefined, resources);
  const { pipeline: foldPipeline } = stageOnlyPipeline("itn", NUMBER_FOLD_SETTINGS, o.resources);
  const fold = (text: string) => runText(foldPipeline, text);
  const seed = o.seed ?? DEFAULT_PII_SEED;
  const cases = generatePiiCases(o.cases ?? DEFAULT_PII_CASES, seed);
  const byClass: Record<string, { total: number; correct: number }> = {};
  const byForm: Record<string, { total: number; correct: number }> = {};
  const split = { total: 0, correct: 0 };
  const interim = { total: 0, correct: 0 };
  const failures: NonNullable<RedactionSummary["failures"]> = [];
  let masked = 0;
  for (const c of cases) {
    const got = runCase(pipeline, c);
    const ok = !leaks(c, got, fold);
    if (ok) masked++;
    else failures.push({ id: c.id, piiClass: c.piiClass, form: c.form, segments: c.segments, interim: c.interim, got });
    add(byClass, c.piiClass, ok);
    add(byForm, `${c.piiClass}: ${c.form}`, ok);
    if (c.segments.length > 1) {
      split.total++;
      if (ok) split.correct++;
    }
    if (c.interim) {
      interim.total++;
      if (ok) interim.correct++;
    }
  }
  const name = `generated PII sentences (seed ${seed})`;
  const summary: RedactionSummary = {
    suite: "redaction",
    pipeline: "profile clean, url_policy: tag",
    files: [{ file: name, ...tally(cases.length, masked) }],
    overall: tally(cases.length, masked),
    byClass: tallies(byClass),
    byForm: tallies(byForm),
    split: tally(split.total, split.correct),
    interim: tally(interim.total, interim.correct),
    failures,
    flagged: [],
  };
  if (o.englishFile !== undefined && existsSync(o.englishFile)) {
    const sentences = noHarmSentences(o.englishFile);
    let flagged = 0;
    for (const s of sentences) {
      const edits = pipeline.run({ id: "fp", seq: 0, isFinal: true, startMs: 0, endMs: 1000, text: s, words: [] }, {}).result.edits.filter((e) => e.stage === "redaction");
      if (edits.length === 0) continue;
      flagged++;
      summary.flagged!.push({ sentence: s, edits: edits.map((e) => `${e.rule}: ${e.after}`) });
    }
    summary.falsePositives = { file: path.relative(o.repoRoot, o.englishFile), sentences: sentences.length, flagged, rate: sentences.length === 0 ? 0 : flagged / sentences.length };
  }
  return summary;
}

const pct = (t: Tally) => `${(t.accuracy * 100).toFixed(1)}% (${t.correct}/${t.total})`;

export function formatRedactionReport(s: RedactionSummary): string {
  const lines = [`suite redaction  (${s.pipeline})`, `  ${s.files[0]!.file}: masked ${pct(s.overall)} (target 100%)`];
  for (const [k, t] of Object.entries(s.byClass)) lines.push(`    ${k}: ${pct(t)}`);
  lines.push(`    split over two finals: ${pct(s.split)}; interim segments: ${pct(s.interim)}`);
  const missed = Object.entries(s.byForm).filter(([, t]) => t.correct < t.total);
  for (const [k, t] of missed) lines.push(`    missed in ${k}: ${t.total - t.correct} of ${t.total}`);
  const fp = s.falsePositives;
  if (fp) lines.push(`  false positives ${fp.file}: ${fp.flagged} of ${fp.sentences} sentences redacted (${(fp.rate * 100).toFixed(2)}%; target <= 0.1%)`);
  return lines.join("\n");
}
