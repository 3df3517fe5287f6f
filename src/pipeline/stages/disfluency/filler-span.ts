// Shared by the discourse-filler rules (discourse.ts, like.ts): the span a
// filler removal covers, and the words that open a hedged phrase.
import type { Removal } from "./apply.js";
import type { WordView } from "./words.js";

/** Conjunctions after which a bare filler hedges ("so like we", "and you know the"). */
export const HEDGE_OPENERS = new Set(["so", "and", "but", "or", "then", "because", "cause", "'cause", "that", "if", "when", "where", "with"]);

export function wordAt(words: readonly WordView[], i: number): WordView | undefined {
  return i >= 0 && i < words.length ? words[i] : undefined;
}

/** Removal of the phrase at [i, i+n), or null when its words carry inner punctuation. */
export function phrase(words: readonly WordView[], i: number, n: number, confidence: number): Removal | null {
  for (let k = i; k < i + n - 1; k++) if (words[k]!.trail.length > 0) return null;
  return { start: i, end: i + n, rule: "discourse_filler", confidence };
}
