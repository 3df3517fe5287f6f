// Alignment of a recitation's key against a verse's key (both from fold.ts,
// as letter codes). Two passes, both O(|query| × |verse|) with two rolling
// rows, no matrices:
//   localAlign   finds where in the query the verse is recited at all (the
//                segment may hold English around it): best-scoring local
//                alignment, Smith-Waterman style;
//   fitAlign     scores a chosen query span against the verse: the whole span
//                must be read, the verse may be entered and left anywhere
//                (a partial recitation), and returns the weighted edit cost
//                and the verse range it covered.
import { GAP, SUBSTITUTION } from "./fold.js";

/** Local alignment scores: a match earns 1; confusions and gaps cost twice their edit cost. */
const MATCH_SCORE = 1;
const PENALTY = 2;
const LETTERS = 26;

export interface LocalSpan {
  /** Query range [start, end) of the best local alignment. */
  start: number;
  end: number;
  score: number;
}

/** The best local alignment's query range within [from, to), or null when nothing scores above 0. */
export function localAlign(query: Uint8Array, verse: Uint8Array, from = 0, to = query.length): LocalSpan | null {
  const n = verse.length;
  let prev = new Float64Array(n + 1);
  let cur = new Float64Array(n + 1);
  let prevStart = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  let best: LocalSpan | null = null;
  for (let i = from + 1; i <= to; i++) {
    const q = query[i - 1]!;
    const row = q * LETTERS;
    const gapQ = PENALTY * GAP[q]!;
    cur[0] = 0;
    curStart[0] = i;
    for (let j = 1; j <= n; j++) {
      const v = verse[j - 1]!;
      const sub = SUBSTITUTION[row + v]!;
      const diag = prev[j - 1]!;
      let score = diag + (sub === 0 ? MATCH_SCORE : -PENALTY * sub);
      let start = diag > 0 ? prevStart[j - 1]! : i - 1;
      const up = prev[j]! - gapQ;
      if (up > score) {
        score = up;
        start = prevStart[j]!;
      }
      const left = cur[j - 1]! - PENALTY * GAP[v]!;
      if (left > score) {
        score = left;
        start = curStart[j - 1]!;
      }
      if (score <= 0) {
        score = 0;
        start = i;
      }
      cur[j] = score;
      curStart[j] = start;
      if (score > 0 && (best === null || score > best.score)) best = { start, end: i, score };
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return best;
}

export interface Fit {
  /** Weighted edit cost of reading the whole query span as verse[verseStart, verseEnd). */
  cost: number;
  verseStart: number;
  verseEnd: number;
}

/**
 * Semi-global alignment: query[from, to) is read entirely, against any
 * stretch of verse[vFrom, vTo). Returns the cheapest fit.
 */
export function fitAlign(query: Uint8Array, from: number, to: number, verse: Uint8Array, vFrom = 0, vTo = verse.length): Fit {
  const n = vTo - vFrom;
  let prev = new Float64Array(n + 1);
  let cur = new Float64Array(n + 1);
  let prevStart = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prevStart[j] = j;
  for (let i = from + 1; i <= to; i++) {
    const q = query[i - 1]!;
    const row = q * LETTERS;
    const gapQ = GAP[q]!;
    cur[0] = prev[0]! + gapQ;
    curStart[0] = 0;
    for (let j = 1; j <= n; j++) {
      const v = verse[vFrom + j - 1]!;
      let cost = prev[j - 1]! + SUBSTITUTION[row + v]!;
      let start = prevStart[j - 1]!;
      const up = prev[j]! + gapQ;
      if (up < cost) {
        cost = up;
        start = prevStart[j]!;
      }
      const left = cur[j - 1]! + GAP[v]!;
      if (left < cost) {
        cost = left;
        start = curStart[j - 1]!;
      }
      cur[j] = cost;
      curStart[j] = start;
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let bestJ = 0;
  for (let j = 1; j <= n; j++) if (prev[j]! < prev[bestJ]!) bestJ = j;
  return { cost: prev[bestJ]!, verseStart: vFrom + prevStart[bestJ]!, verseEnd: vFrom + bestJ };
}
