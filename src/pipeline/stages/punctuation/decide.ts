// From label probabilities to the mark after a word. Sentence ends (. and ?)
// are one decision first — a reader cares more that a sentence ends than how —
// then their type. A wrong mark costs more than a missing one (it also
// miscapitalises the next word), so each mark needs a probability threshold.
// The model file carries thresholds fitted by its training run
// (bench/train-punctuation.ts: the most right-minus-wrong marks on its held-out
// part); these constants are the fallback for a model without them.
import { COMMA, NONE, PERIOD, QUESTION } from "./features.js";

export const DEFAULT_SENTENCE_END_THRESHOLD = 0.6;
export const DEFAULT_COMMA_THRESHOLD = 0.6;

/** Probability the slot ends a sentence (either mark). */
export function endProbability(p: ArrayLike<number>): number {
  return p[PERIOD]! + p[QUESTION]!;
}

/** The label to write: a sentence end at or above its threshold, else a comma at or above its own, else none. */
export function decideLabel(p: ArrayLike<number>, endThreshold = DEFAULT_SENTENCE_END_THRESHOLD, commaThreshold = DEFAULT_COMMA_THRESHOLD): number {
  if (endProbability(p) >= endThreshold) return p[QUESTION]! > p[PERIOD]! ? QUESTION : PERIOD;
  return p[COMMA]! >= commaThreshold ? COMMA : NONE;
}
