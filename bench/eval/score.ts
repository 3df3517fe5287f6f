// Pure scoring functions for the quality evals (no I/O, so they are unit-tested
// on small fixtures in test/bench/eval.test.ts).

export interface Tally {
  total: number;
  correct: number;
  accuracy: number;
}

export function tally(total: number, correct: number): Tally {
  return { total, correct, accuracy: total === 0 ? 0 : round(correct / total) };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const WHITESPACE = /\s+/g;
const CURLY_SINGLE = /[\u2018\u2019]/g;
const CURLY_DOUBLE = /[\u201C\u201D]/g;

/** ITN exact match: the strings are equal after trimming and collapsing whitespace runs. */
export function itnExact(output: string, expected: string): boolean {
  return output.trim().replace(WHITESPACE, " ") === expected.trim().replace(WHITESPACE, " ");
}

/**
 * GoogleTN tolerant key. The set is space-tokenized ("28 , 2007 .") while a
 * display ITN writes "28, 2007.", and casing is not ITN's job, so whitespace is
 * dropped entirely and case folded: "October 28, 2007." and "october 28 , 2007 ."
 * compare equal; "2,000" and "2000" do not (separator style is scored).
 */
export function tolerantKey(text: string): string {
  return text.replace(WHITESPACE, "").toLowerCase();
}

/**
 * Disfl-QA light normalisation: lowercase, curly quotes folded, every
 * character that is not a letter, digit, apostrophe, hyphen or space becomes a
 * space, whitespace collapsed. So "Who is the emphasis?" == "who is the emphasis"
 * and a comma left after a removal is not a miss; word choice and order are.
 */
export function normalizeQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(CURLY_SINGLE, "'")
    .replace(CURLY_DOUBLE, '"')
    .replace(/[^\p{L}\p{N}'\-\s]/gu, " ")
    .replace(WHITESPACE, " ")
    .trim();
}

/** Token comparison key for Rev16: lowercase, edge punctuation stripped ("Um," == "um", "It's" == "it's"). */
export function tokenKey(token: string): string {
  return token.toLowerCase().replace(CURLY_SINGLE, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

export interface RemovalCounts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  /** Reference tokens that could not be placed in the verbatim (spelling differences). */
  unaligned: number;
}

/**
 * Scores one segment's removals. `verbatim` are the source tokens, `kept[i]`
 * whether the system kept token i, `reference` the non-verbatim tokens (an
 * in-order subsequence of the verbatim for deletion-only rows).
 *
 * Which copy of "it's, it's" the reference dropped is not observable, so the
 * reference is aligned as a subsequence of the verbatim choosing, among the
 * longest alignments, the one that agrees most with the system's kept tokens:
 * the system is never charged for picking the other copy of a repeat.
 */
export function scoreRemovals(verbatim: readonly string[], kept: readonly boolean[], reference: readonly string[]): RemovalCounts {
  const v = verbatim.map(tokenKey);
  const r = reference.map(tokenKey);
  const n = v.length;
  const m = r.length;
  // best[i][j]: best score aligning v[i..] with r[j..]; score = matches * W + matches on kept tokens.
  const W = n + 1;
  const best: Int32Array[] = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = best[i]!;
    const below = best[i + 1]!;
    for (let j = m - 1; j >= 0; j--) {
      let s = Math.max(below[j]!, row[j + 1]!);
      if (v[i] === r[j]) s = Math.max(s, below[j + 1]! + W + (kept[i] ? 1 : 0));
      row[j] = s;
    }
  }
  const goldKept = new Array<boolean>(n).fill(false);
  let i = 0;
  let j = 0;
  let matched = 0;
  while (i < n && j < m) {
    const here = best[i]![j]!;
    if (v[i] === r[j] && here === best[i + 1]![j + 1]! + W + (kept[i] ? 1 : 0)) {
      goldKept[i] = true;
      matched++;
      i++;
      j++;
    } else if (here === best[i + 1]![j]!) i++;
    else j++;
  }
  const counts: RemovalCounts = { truePositive: 0, falsePositive: 0, falseNegative: 0, unaligned: m - matched };
  for (let k = 0; k < n; k++) {
    const sysRemoved = !kept[k];
    const goldRemoved = !goldKept[k];
    if (sysRemoved && goldRemoved) counts.truePositive++;
    else if (sysRemoved) counts.falsePositive++;
    else if (goldRemoved) counts.falseNegative++;
  }
  return counts;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

export function precisionRecall(c: { truePositive: number; falsePositive: number; falseNegative: number }): PrecisionRecall {
  const p = c.truePositive + c.falsePositive === 0 ? 1 : c.truePositive / (c.truePositive + c.falsePositive);
  const r = c.truePositive + c.falseNegative === 0 ? 1 : c.truePositive / (c.truePositive + c.falseNegative);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { precision: round(p), recall: round(r), f1: round(f1) };
}
