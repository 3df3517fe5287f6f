// The punctuation model: an averaged perceptron over featuresAt()'s features,
// four labels (none , . ?). Weights are data (config/punctuation/model-en.json,
// trained by bench/train-punctuation.ts on data that is not an evaluation set);
// this module parses them and turns a slot's features into label probabilities.
import { FeatureTable, featureKeysAt, featureStringKey, type HashedWords } from "./feature-hash.js";
import { LABELS, MAX_FEATURES, STYLES, type History, type PunctuationStyle, type PunctuationStyleChoice } from "./features.js";

export const MODEL_FORMAT = "lipi-punctuation-perceptron";
/** 2: a model per style (features.ts STYLES), each with its thresholds. */
export const MODEL_VERSION = 2;

export interface MarkThresholds {
  readonly sentenceEnd: number;
  readonly comma: number;
}

export interface PunctuationModel {
  /** Feature key (feature-hash.ts) -> offset of its weights in `data` (one per label, LABELS order). One flat array keeps a worker's heap small. */
  readonly index: Pick<FeatureTable, "get" | "size">;
  readonly data: Float32Array;
  /** Softmax temperature fitted on the training run's own held-out part, so probabilities are calibrated. */
  readonly temperature: number;
  /** Probability thresholds fitted with the weights (decide.ts), per style choice; a profile may override them. */
  readonly thresholds: Readonly<Record<PunctuationStyleChoice, MarkThresholds>>;
  /** What it was trained on (for logs and the report). */
  readonly trainedOn: string;
}

export class PunctuationModelError extends Error {}

/** Parses and checks the model file; throws naming what is wrong. */
export function parsePunctuationModel(text: string): PunctuationModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PunctuationModelError("punctuation model: not JSON");
  }
  const m = raw as { format?: unknown; version?: unknown; labels?: unknown; scale?: unknown; temperature?: unknown; thresholds?: unknown; trainedOn?: unknown; weights?: unknown };
  if (typeof m !== "object" || m === null || m.format !== MODEL_FORMAT || m.version !== MODEL_VERSION) {
    throw new PunctuationModelError(`punctuation model: expected format ${MODEL_FORMAT} version ${MODEL_VERSION}`);
  }
  if (!Array.isArray(m.labels) || m.labels.length !== LABELS.length || m.labels.some((l, i) => l !== LABELS[i])) {
    throw new PunctuationModelError(`punctuation model: labels must be ${JSON.stringify(LABELS)}`);
  }
  const scale = m.scale;
  const temperature = m.temperature;
  if (typeof scale !== "number" || !(scale > 0) || typeof temperature !== "number" || !(temperature > 0)) {
    throw new PunctuationModelError("punctuation model: scale and temperature must be positive numbers");
  }
  const isProbability = (x: unknown): x is number => typeof x === "number" && x >= 0 && x <= 1;
  const thresholds = {} as Record<PunctuationStyleChoice, MarkThresholds>;
  const given = m.thresholds as Record<string, { sentenceEnd?: unknown; comma?: unknown } | undefined> | undefined;
  for (const style of [...STYLES, "mixed"] as const) {
    const t = given?.[style];
    // A file from before the mixed style: its thresholds are the two models' means.
    if (style === "mixed" && t === undefined) {
      const mean = (k: keyof MarkThresholds) => Math.round(((thresholds.written[k] + thresholds.spoken[k]) / 2) * 1000) / 1000;
      thresholds.mixed = { sentenceEnd: mean("sentenceEnd"), comma: mean("comma") };
      continue;
    }
    if (typeof t !== "object" || t === null || !isProbability(t.sentenceEnd) || !isProbability(t.comma)) {
      throw new PunctuationModelError(`punctuation model: thresholds.${style}.sentenceEnd and .comma must be numbers between 0 and 1`);
    }
    thresholds[style] = { sentenceEnd: t.sentenceEnd, comma: t.comma };
  }
  if (typeof m.weights !== "object" || m.weights === null || Array.isArray(m.weights)) {
    throw new PunctuationModelError("punctuation model: weights must be an object of feature -> integer weights");
  }
  const entries = Object.entries(m.weights as Record<string, unknown>);
  const index = new FeatureTable(entries.length);
  const data = new Float32Array(entries.length * LABELS.length);
  let offset = 0;
  for (const [feature, w] of entries) {
    if (!Array.isArray(w) || w.length !== LABELS.length || !w.every((x) => Number.isInteger(x))) {
      throw new PunctuationModelError(`punctuation model: weights of ${JSON.stringify(feature)} must be ${LABELS.length} integers`);
    }
    index.set(featureStringKey(feature), offset);
    for (let l = 0; l < LABELS.length; l++) data[offset + l] = (w[l] as number) / scale;
    offset += LABELS.length;
  }
  return { index, data, temperature, thresholds, trainedOn: typeof m.trainedOn === "string" ? m.trainedOn : "" };
}

/** Raw label scores for the slot after keys[i]; `scores` and `buffer` are reused by the caller. */
export function scoreSlot(
  model: PunctuationModel,
  keys: readonly string[],
  hashed: HashedWords,
  i: number,
  h: Readonly<History>,
  style: PunctuationStyle,
  scores: Float64Array,
  buffer: Float64Array,
): void {
  scores.fill(0);
  const n = featureKeysAt(keys, hashed, i, h, style, buffer);
  const data = model.data;
  for (let f = 0; f < n; f++) {
    const at = model.index.get(buffer[f]!);
    if (at < 0) continue;
    for (let l = 0; l < scores.length; l++) scores[l]! += data[at + l]!;
  }
}

/** Softmax of scores / temperature, in place. */
export function toProbabilities(scores: Float64Array, temperature: number): void {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let l = 0; l < scores.length; l++) {
    const e = Math.exp((scores[l]! - max) / temperature);
    scores[l] = e;
    sum += e;
  }
  for (let l = 0; l < scores.length; l++) scores[l]! /= sum;
}

export function featureBuffer(): Float64Array {
  return new Float64Array(MAX_FEATURES);
}

/**
 * Label probabilities for the slot after keys[i] in the asked style: one
 * model's softmax, or for "mixed" the mean of both (`spare` holds the second).
 */
export function slotProbabilities(
  model: PunctuationModel,
  keys: readonly string[],
  hashed: HashedWords,
  i: number,
  h: Readonly<History>,
  style: PunctuationStyleChoice,
  p: Float64Array,
  spare: Float64Array,
  buffer: Float64Array,
): void {
  if (style !== "mixed") {
    scoreSlot(model, keys, hashed, i, h, style, p, buffer);
    toProbabilities(p, model.temperature);
    return;
  }
  scoreSlot(model, keys, hashed, i, h, "spoken", p, buffer);
  toProbabilities(p, model.temperature);
  scoreSlot(model, keys, hashed, i, h, "written", spare, buffer);
  toProbabilities(spare, model.temperature);
  for (let l = 0; l < p.length; l++) p[l] = (p[l]! + spare[l]!) / 2;
}
