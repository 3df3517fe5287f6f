// Shared by the discourse-filler rules (discourse.ts, like.ts): the span a
// filler removal covers, the words that open a hedged phrase, and the words
// before "you know" / "I mean" that make them a verb.
import type { Removal } from "./apply.js";
import type { WordView } from "./words.js";

/** Conjunctions after which a bare filler hedges ("so like we", "and you know the"). */
export const HEDGE_OPENERS = new Set(["so", "and", "but", "or", "then", "because", "cause", "'cause", "that", "if", "when", "where", "with"]);

/** After these, "you know" is the verb ("do you know", "before you know it"). */
export const KNOW_GOVERNORS: ReadonlySet<string> = new Set([
  "do", "did", "don't", "didn't", "does", "doesn't", "before", "if", "as", "would", "will", "could", "might",
  "should", "to", "let", "because", "'cause", "cause", "now", "what", "whatever", "y'all", "than", "how", "that",
  // "the more you know", "the less you know": the clause's subject and verb ("first of all you know" fills).
  "more", "less",
  // "tell you", "remind you": the verb's object, then "know" is no filler's ("wouldn't tell you know you said").
  "tell", "told", "remind", "reminded", "assure", "assured",
]);
/** Before "I mean" these make it content: "what I mean", "you know what I mean", "do I mean". */
export const MEAN_GOVERNORS: ReadonlySet<string> = new Set(["what", "do", "did", "if", "that's", "whatever", "know", "how", "which", "as", "who"]);

/** words[k] is one of `governors`, with no pause after it: "you know" / "I mean" after it are the verb's. */
export function governedAt(words: readonly WordView[], k: number, governors: ReadonlySet<string>): boolean {
  const w = wordAt(words, k);
  return w !== undefined && w.trail.length === 0 && governors.has(w.core);
}

export function wordAt(words: readonly WordView[], i: number): WordView | undefined {
  return i >= 0 && i < words.length ? words[i] : undefined;
}

/** Removal of the phrase at [i, i+n), or null when its words carry inner punctuation. */
export function phrase(words: readonly WordView[], i: number, n: number, confidence: number): Removal | null {
  for (let k = i; k < i + n - 1; k++) if (words[k]!.trail.length > 0) return null;
  return { start: i, end: i + n, rule: "discourse_filler", confidence };
}
