// Rule `marker_phrase`: phrases that announce a reformulation ("let me
// rephrase that"). The marker goes; what the speaker says next stays.
import type { Removal } from "./apply.js";
import type { DisfluencyOptions } from "./options.js";
import { SUBJECT_PRONOUNS, WH_WORDS, type WordView } from "./words.js";

/** Spoken meta-comment with a fixed wording: rarely content, but a quoted one could be. */
const MARKER_CONFIDENCE = 0.85;

/** Whether the phrase's words match starting at `i`, with no sentence end inside the phrase. */
function matchesAt(words: readonly WordView[], i: number, phrase: readonly string[]): boolean {
  if (i + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const w = words[i + k]!;
    if (w.core !== phrase[k]) return false;
    if (k < phrase.length - 1 && w.trail.length > 0) return false;
  }
  return true;
}

/** After a marker ending in "that" with no pause, these start what the speaker says instead. */
const RESTART_OPENERS: ReadonlySet<string> = new Set([
  ...SUBJECT_PRONOUNS, ...WH_WORDS, "the", "a", "an", "no", "i'm", "it's", "that's", "there", "there's", "we're", "they're", "you're",
  "let", "let's", "make", "actually", "sorry", "i'll", "we'll", "and", "but", "so",
]);

/** "strike that right balance", "let me correct that figure": "that" is a determiner, the phrase is content. */
function determinerThat(words: readonly WordView[], i: number, phrase: readonly string[]): boolean {
  const last = words[i + phrase.length - 1]!;
  const next = words[i + phrase.length];
  return phrase[phrase.length - 1] === "that" && last.trail.length === 0 && next !== undefined && !RESTART_OPENERS.has(next.core);
}

export function findMarkerPhrases(words: readonly WordView[], o: DisfluencyOptions): Removal[] {
  const found: Removal[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const phrase of o.markerPhrases) {
      if (phrase[0] !== words[i]!.core || !matchesAt(words, i, phrase) || determinerThat(words, i, phrase)) continue;
      found.push({ start: i, end: i + phrase.length, rule: "marker_phrase", confidence: MARKER_CONFIDENCE });
      i += phrase.length - 1;
      break;
    }
  }
  return found;
}
