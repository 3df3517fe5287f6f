// The features the punctuation model scores after each word. One module for
// both sides: the training script (bench/train-punctuation.ts) and the stage
// call featuresAt() with the same history, so what the model learnt is what it
// sees. Features are strings; the model maps them to per-label weights.

/** Labels the model predicts after a word, in weight order. */
export const LABELS = ["", ",", ".", "?"] as const;
export type Label = (typeof LABELS)[number];
export const NONE = 0;
export const COMMA = 1;
export const PERIOD = 2;
export const QUESTION = 3;

/**
 * The punctuation convention the model writes: a "spoken" transcript (a
 * transcriber's marks of speech as said) or "written" prose (edited text:
 * commas after introductory phrases, between clauses). The two conventions
 * disagree too often to share weights, so every feature carries its style:
 * written features are spelt with a "W" before the template ("Ww0=and"),
 * spoken ones without, and the model file holds two models, each trained on
 * its own sources (bench/train-punctuation.ts).
 */
export const STYLES = ["written", "spoken"] as const;
export type PunctuationStyle = (typeof STYLES)[number];

/**
 * The styles a profile may ask for: either model, or "mixed", the two
 * models' probabilities averaged, for streams whose convention is not known
 * in advance (read text and conversation alike): on read audiobook text it
 * writes as the written model does and on conversation as the spoken one.
 */
export const STYLE_CHOICES = [...STYLES, "mixed"] as const;
export type PunctuationStyleChoice = (typeof STYLE_CHOICES)[number];

/** Spelt before a written feature's template. */
export const WRITTEN_PREFIX = "W";

const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const STARTS_WITH_DIGIT = /^\p{N}/u;
const BEFORE_START = "<s>";
const AFTER_END = "</s>";

/**
 * A word's key: lowercase, edge punctuation stripped, numbers folded to "<num>"
 * (ITN writes them as digits before this stage, and the value says nothing
 * about punctuation). Empty for a token of symbols only.
 */
export function featureKey(text: string): string {
  const core = text.replace(EDGES, "");
  if (core === "") return "";
  if (STARTS_WITH_DIGIT.test(core)) return "<num>";
  return core.toLowerCase();
}

/**
 * What the model knows of the text before the current word: the two words
 * before it (also across segments), words since the last sentence end and
 * since the last mark, and the sentence's first two words (question forms).
 * Plain data, so it can be kept in the stream's state between segments.
 */
export interface History {
  prev2: string;
  prev1: string;
  sinceEnd: number;
  sinceMark: number;
  first1: string;
  first2: string;
}

export function freshHistory(): History {
  return { prev2: BEFORE_START, prev1: BEFORE_START, sinceEnd: 0, sinceMark: 0, first1: "", first2: "" };
}

/** Moves the history past a word and the label decided after it. */
export function advance(h: History, key: string, label: number): void {
  if (h.sinceEnd === 0) h.first1 = key;
  else if (h.sinceEnd === 1) h.first2 = key;
  h.prev2 = h.prev1;
  h.prev1 = key;
  h.sinceEnd++;
  h.sinceMark++;
  if (label === PERIOD || label === QUESTION) {
    h.sinceEnd = 0;
    h.sinceMark = 0;
    h.first1 = "";
    h.first2 = "";
    // A new sentence: the model sees its start as the start of text.
    h.prev1 = BEFORE_START;
    h.prev2 = BEFORE_START;
  } else if (label === COMMA) {
    h.sinceMark = 0;
  }
}

function bucket(n: number): string {
  if (n < 3) return String(n);
  if (n < 6) return "3-5";
  if (n < 10) return "6-9";
  if (n < 16) return "10-15";
  if (n < 25) return "16-24";
  return "25+";
}

/**
 * Fills `out` with the features of the slot after keys[i] (words after the
 * segment's end read as "</s>": the stage cannot see the next segment).
 * Returns the number of features written.
 */
export function featuresAt(keys: readonly string[], i: number, h: Readonly<History>, style: PunctuationStyle, out: string[]): number {
  const w0 = keys[i]!;
  const w1 = i + 1 < keys.length ? keys[i + 1]! : AFTER_END;
  const w2 = i + 2 < keys.length ? keys[i + 2]! : AFTER_END;
  const w3 = i + 3 < keys.length ? keys[i + 3]! : AFTER_END;
  const p1 = h.prev1;
  const p2 = h.prev2;
  const dEnd = bucket(h.sinceEnd);
  const sentenceStart = h.sinceEnd === 0 ? w0 : h.first1;
  const second = h.sinceEnd === 0 ? w1 : h.sinceEnd === 1 ? w0 : h.first2;
  let n = 0;
  out[n++] = "b";
  out[n++] = `w0=${w0}`;
  out[n++] = `w1=${w1}`;
  out[n++] = `w2=${w2}`;
  out[n++] = `p1=${p1}`;
  out[n++] = `p2=${p2}`;
  out[n++] = `w0w1=${w0}|${w1}`;
  out[n++] = `p1w0=${p1}|${w0}`;
  out[n++] = `w1w2=${w1}|${w2}`;
  out[n++] = `p1w0w1=${p1}|${w0}|${w1}`;
  out[n++] = `p2p1w0=${p2}|${p1}|${w0}`;
  out[n++] = `dEnd=${dEnd}`;
  out[n++] = `dMark=${bucket(h.sinceMark)}`;
  out[n++] = `dEndw1=${dEnd}|${w1}`;
  out[n++] = `dEndw0=${dEnd}|${w0}`;
  // A long clause before a conjunction ("…, but", "…, which") is where written text puts its commas.
  out[n++] = `dMarkw1=${bucket(h.sinceMark)}|${w1}`;
  out[n++] = `f1=${sentenceStart}`;
  out[n++] = `f12=${sentenceStart}|${second}`;
  out[n++] = `f1w1=${sentenceStart}|${w1}`;
  // Word endings generalise to words the training text never had ("-ly", "-ing", "-ed").
  out[n++] = `s0=${suffix(w0)}`;
  out[n++] = `s1=${suffix(w1)}`;
  out[n++] = `s0w1=${suffix(w0)}|${w1}`;
  // The clause that follows ("…, and he was", "… and the other"): written commas depend on what comes next.
  out[n++] = `w0w1w2=${w0}|${w1}|${w2}`;
  out[n++] = `w1w2w3=${w1}|${w2}|${w3}`;
  if (style === "written") for (let f = 0; f < n; f++) out[f] = `${WRITTEN_PREFIX}${out[f]!}`;
  return n;
}

/** The last three letters of a longer word; short words are their own suffix. */
function suffix(key: string): string {
  return key.length > 4 ? key.slice(-3) : key;
}

/** The most features featuresAt writes (size of a reusable buffer). */
export const MAX_FEATURES = 24;
