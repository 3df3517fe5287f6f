// Pauses between words (real word timings): a long silence is strong evidence
// of a sentence end, a shorter one of a comma. Evidence, not a verdict: the
// pause multiplies the odds of the mark, so "the … (pause) … house" still reads
// as one phrase when the words say so. Interpolated timings (plain-text
// segments) have no gaps and so add nothing.
import { COMMA, PERIOD, QUESTION } from "./features.js";

export interface PauseOptions {
  /** A gap of at least this many ms is sentence-end evidence (0: off). */
  sentencePauseMs: number;
  /** A gap of at least this many ms is comma evidence (0: off). */
  commaPauseMs: number;
}

/** Odds multipliers: e^2 ≈ 7.4 for a sentence-length pause, e^1 ≈ 2.7 for a comma-length one. */
const SENTENCE_PAUSE_ODDS = Math.exp(2);
const COMMA_PAUSE_ODDS = Math.exp(1);

/** Silence between two consecutive tokens in ms (0 when they touch or overlap). */
export function gapMs(before: { endMs: number }, after: { startMs: number }): number {
  return Math.max(0, after.startMs - before.endMs);
}

/**
 * Reweights label probabilities in place for a gap; returns which evidence
 * applied ("sentence", "comma" or "" for none).
 */
export function applyPause(p: Float64Array, gap: number, o: PauseOptions): "sentence" | "comma" | "" {
  let kind: "sentence" | "comma" | "" = "";
  if (o.sentencePauseMs > 0 && gap >= o.sentencePauseMs) {
    p[PERIOD]! *= SENTENCE_PAUSE_ODDS;
    p[QUESTION]! *= SENTENCE_PAUSE_ODDS;
    kind = "sentence";
  } else if (o.commaPauseMs > 0 && gap >= o.commaPauseMs) {
    p[COMMA]! *= COMMA_PAUSE_ODDS;
    kind = "comma";
  }
  if (kind !== "") {
    let sum = 0;
    for (const x of p) sum += x;
    for (let l = 0; l < p.length; l++) p[l]! /= sum;
  }
  return kind;
}
