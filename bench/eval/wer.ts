// Word alignment for the `format` suite: Levenshtein over tokens with a
// backtrace (unit costs; on ties a match/substitution is preferred, then a
// deletion, then an insertion, so the alignment is deterministic). O(n·m) per
// record, which is fine for segment lengths; records longer than
// MAX_ALIGN_TOKENS on either side are not aligned (the caller counts them).

export const MAX_ALIGN_TOKENS = 2000;

export type AlignOp =
  | { op: "match"; ref: number; hyp: number }
  | { op: "sub"; ref: number; hyp: number }
  | { op: "del"; ref: number }
  | { op: "ins"; hyp: number };

export interface WordErrors {
  /** Reference words (the WER denominator). */
  refWords: number;
  hits: number;
  substitutions: number;
  deletions: number;
  insertions: number;
}

/** The edit operations turning `ref` into `hyp`, in order; null when either side exceeds MAX_ALIGN_TOKENS. */
export function alignTokens(ref: readonly string[], hyp: readonly string[], maxTokens = MAX_ALIGN_TOKENS): AlignOp[] | null {
  const n = ref.length;
  const m = hyp.length;
  if (n > maxTokens || m > maxTokens) return null;
  // d[i][j]: edit distance between ref[..i] and hyp[..j].
  const d: Int32Array[] = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let j = 0; j <= m; j++) d[0]![j] = j;
  for (let i = 1; i <= n; i++) {
    const row = d[i]!;
    const up = d[i - 1]!;
    row[0] = i;
    const r = ref[i - 1];
    for (let j = 1; j <= m; j++) {
      const diag = up[j - 1]! + (r === hyp[j - 1] ? 0 : 1);
      row[j] = Math.min(diag, up[j]! + 1, row[j - 1]! + 1);
    }
  }
  const ops: AlignOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i]![j]!;
    if (i > 0 && j > 0) {
      const same = ref[i - 1] === hyp[j - 1];
      if (here === d[i - 1]![j - 1]! + (same ? 0 : 1)) {
        ops.push(same ? { op: "match", ref: i - 1, hyp: j - 1 } : { op: "sub", ref: i - 1, hyp: j - 1 });
        i--;
        j--;
        continue;
      }
    }
    if (i > 0 && here === d[i - 1]![j]! + 1) {
      ops.push({ op: "del", ref: i - 1 });
      i--;
    } else {
      ops.push({ op: "ins", hyp: j - 1 });
      j--;
    }
  }
  return ops.reverse();
}

export function countErrors(ops: readonly AlignOp[], refWords: number): WordErrors {
  const e: WordErrors = { refWords, hits: 0, substitutions: 0, deletions: 0, insertions: 0 };
  for (const o of ops) {
    if (o.op === "match") e.hits++;
    else if (o.op === "sub") e.substitutions++;
    else if (o.op === "del") e.deletions++;
    else e.insertions++;
  }
  return e;
}

/** Errors of one record, or null when it is too long to align. */
export function wordErrors(ref: readonly string[], hyp: readonly string[], maxTokens = MAX_ALIGN_TOKENS): WordErrors | null {
  const ops = alignTokens(ref, hyp, maxTokens);
  return ops === null ? null : countErrors(ops, ref.length);
}

export function emptyErrors(): WordErrors {
  return { refWords: 0, hits: 0, substitutions: 0, deletions: 0, insertions: 0 };
}

export function addErrors(into: WordErrors, e: WordErrors): void {
  into.refWords += e.refWords;
  into.hits += e.hits;
  into.substitutions += e.substitutions;
  into.deletions += e.deletions;
  into.insertions += e.insertions;
}

/** Corpus WER (micro-averaged): (S + D + I) / N; 0 for an empty reference with no insertions. */
export function wer(e: WordErrors): number {
  const errors = e.substitutions + e.deletions + e.insertions;
  if (e.refWords === 0) return errors === 0 ? 0 : 1;
  return errors / e.refWords;
}
