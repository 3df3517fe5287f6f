// Reading the cue lexicon (cue-lexicon.ts) in a sentence, for interregnum.ts: which cue phrase starts at a
// word (one Map lookup per word), and whether a cue word or phrase is said there as content instead — "I'm
// sorry", "what I mean is", "as good or better than", "never mind the rest", "kids no good at math",
// "She asked me, sorry, could you …".
import { CONTENT_AFTER, CONTENT_BEFORE, CONTINUATIONS, DISOWNING, STRONG_PHRASES, STRONG_WORDS, TYPED_PHRASES } from "./cue-lexicon.js";
import { governedAt, MEAN_GOVERNORS } from "./filler-span.js";
import { BE_FORMS, FUNCTION_WORDS, isWhStart, PERSONAL_OBJECTS, PREPOSITIONS, type WordView } from "./words.js";

/** Verbs of saying: what follows them (and whom it was said to), even after a comma, is what was said ("I said, no, I was joking"). */
const SAYING: ReadonlySet<string> = new Set(["said", "say", "says", "saying", "replied", "answered", "told", "asked", "asks", "ask", "tells", "tell"]);

/** After "no", a degree that ends its phrase: "kids no good at math", "no better than", "it's no use"; any comparative before "than". */
const NO_DEGREE: ReadonlySet<string> = new Set(["good", "better", "worse", "different", "fun", "use", "match", "help", "bigger", "smaller", "easier", "harder"]);

function noDegree(words: readonly WordView[], i: number): boolean {
  const degree = words[i + 1];
  if (words[i]!.core !== "no" || degree === undefined) return false;
  const after = words[i + 2];
  // Any comparison with "than": "no later than nine", "no earlier than May".
  if (after?.core === "than" && degree.trail.length === 0 && /^[a-z]{3,}er$/.test(degree.core)) return true;
  if (!NO_DEGREE.has(degree.core)) return false;
  // "a distinction no good description" corrects a noun with a noun phrase.
  return degree.trail.length > 0 || after === undefined || FUNCTION_WORDS.has(after.core);
}

export function isContent(words: readonly WordView[], i: number, cue: string): boolean {
  const prev = i > 0 ? words[i - 1]! : undefined;
  const next = i + 1 < words.length ? words[i + 1]! : undefined;
  if (prev !== undefined && prev.trail === "," && SAYING.has(prev.core)) return true;
  // "She asked me, sorry, could you …": said to someone, with a pause or none (raw ASR marks none).
  if (prev !== undefined && (prev.trail === "," || prev.trail === "") && PERSONAL_OBJECTS.has(prev.core) && i >= 2 && words[i - 2]!.trail === "" &&
    SAYING.has(words[i - 2]!.core)) return true;
  if (words[i]!.trail.length === 0 && noDegree(words, i)) return true;
  // "Thank you, no, I snapped", "thanks, no": a polite refusal answers.
  if (cue === "no" && prev !== undefined && (prev.core === "thanks" || (prev.core === "you" && words[i - 2]?.core === "thank"))) return true;
  return (prev !== undefined && prev.trail.length === 0 && CONTENT_BEFORE[cue]?.has(prev.core) === true) ||
    (next !== undefined && words[i]!.trail.length === 0 && CONTENT_AFTER[cue]?.has(next.core) === true &&
      // "in 1903, sorry that would be in 1920": the cue goes on with its own phrase, not "sorry that …" regret.
      indexedPhraseAt(words, i + 1, CONTINUATION_INDEX) === undefined);
}

/**
 * Phrases by their first word (every word of a segment is a possible cue start:
 * one Map lookup, not a scan), longest first: "or better yet", not "or better" + "yet".
 */
export type PhraseIndex = ReadonlyMap<string, readonly (readonly string[])[]>;
function indexPhrases(phrases: readonly (readonly string[])[]): PhraseIndex {
  const index = new Map<string, (readonly string[])[]>();
  for (const p of phrases) index.set(p[0]!, [...(index.get(p[0]!) ?? []), p]);
  for (const list of index.values()) list.sort((x, y) => y.length - x.length);
  return index;
}
export const STRONG_INDEX = indexPhrases(STRONG_PHRASES);
const TYPED_INDEX = indexPhrases(TYPED_PHRASES);
export const CONTINUATION_INDEX = indexPhrases(CONTINUATIONS);
export const DISOWNING_INDEX = indexPhrases(DISOWNING);

/** A typed correction phrase at i; "or first" only before a question ("what was, or first, who are"), not "eat or first shower". */
export function typedPhraseAt(words: readonly WordView[], i: number): readonly string[] | undefined {
  const p = indexedPhraseAt(words, i, TYPED_INDEX);
  if (p !== undefined && p[p.length - 1] === "first" && !isWhStart(words, i + p.length)) return undefined;
  return p;
}

/** The longest phrase of the index that starts at i. */
export function indexedPhraseAt(words: readonly WordView[], i: number, index: PhraseIndex): readonly string[] | undefined {
  const w = words[i];
  return w === undefined ? undefined : index.get(w.core)?.find((p) => phraseAt(words, i, p) && !contentPhraseAt(words, i, p));
}

/** After "or better" these make it a comparison: "as good or better than", "or better off", "or better still" (typed only). */
export const COMPARED_AFTER_BETTER: ReadonlySet<string> = new Set(["than", "off", "still"]);
/** Before "or better" these make it a comparison: "good or better", "as well or better". */
const COMPARED_BEFORE_BETTER: ReadonlySet<string> = new Set(["good", "well", "equal", "equivalent", "comparable", "similar", "same"]);
/** After "never mind" these make it the verb with its object: "never mind the rest", "never mind about that". */
const NEVER_MIND_OBJECTS: ReadonlySet<string> = new Set(["the", "a", "an", "that", "about", "his", "her", "their", "my", "your", "its", "our", "me", "him", "them"]);

/** After "my mistake" these make it a noun in its clause: "my mistake was", "my mistake of", "my mistake to". */
const MISTAKE_GOES_ON: ReadonlySet<string> = new Set(["was", "is", "of", "to", "in", "and", "that", "here"]);

/** After "take that back" these say where a thing is carried: "to the shop", "home", "with me". */
const CARRIED_TO: ReadonlySet<string> = new Set([...PREPOSITIONS, "home", "here", "there", "inside", "out", "up", "down"]);

/** Before "I mean" these make it the verb of their clause ("what I mean is", "as I meant it"); "you know I mean", "that's I mean" fill. */
const MEANING_GOVERNORS: ReadonlySet<string> = new Set([...MEAN_GOVERNORS].filter((w) => w !== "know" && w !== "that's"));

/** The cue phrase at i is said as content: "or better" comparing, "never mind" or "I mean" with an object. */
function contentPhraseAt(words: readonly WordView[], i: number, p: readonly string[]): boolean {
  // "I take that back to the shop": the thing carried somewhere, not the words withdrawn.
  if (p[1] === "take" && p[3] === "back") return words[i + 3]!.trail.length === 0 && CARRIED_TO.has(words[i + 4]?.core ?? "");
  // "What I mean is", "if I meant that": a word before it that governs the verb makes it the clause's,
  // unless a question or another cue follows ("How I mean what does", "how I mean rather where").
  if (p[0] === "i" && (p[1] === "mean" || p[1] === "meant") && governedAt(words, i - 1, MEANING_GOVERNORS)) {
    const next = words[i + 2];
    return next !== undefined && !isWhStart(words, i + 2) && !STRONG_WORDS.has(next.core) && next.core !== "no";
  }
  if (p.length !== 2 || words[i + 1]!.trail.length > 0) return false;
  const after = words[i + 2]?.core ?? "";
  if (p[0] === "never" && p[1] === "mind") return NEVER_MIND_OBJECTS.has(after);
  // "And I mean that completely", "of course, I mean it is interesting": what is meant follows.
  if (p[0] === "i" && p[1] === "mean") return after === "it" || after === "that";
  // "it was my mistake to sell", "the mistake was my mistake": the noun in a clause, not the apology.
  if (p[0] === "my" && p[1] === "mistake") {
    const before = words[i - 1];
    return (before !== undefined && before.trail.length === 0 && (FUNCTION_WORDS.has(before.core) || BE_FORMS.has(before.core))) || MISTAKE_GOES_ON.has(after);
  }
  if (p[0] !== "or" || p[1] !== "better") return false;
  const prev = words[i - 1];
  return COMPARED_AFTER_BETTER.has(after) || (prev !== undefined && prev.trail.length === 0 && COMPARED_BEFORE_BETTER.has(prev.core));
}

function phraseAt(words: readonly WordView[], i: number, p: readonly string[]): boolean {
  if (i + p.length > words.length) return false;
  for (let k = 0; k < p.length; k++) {
    if (words[i + k]!.core !== p[k]) return false;
    if (k < p.length - 1 && words[i + k]!.trail.length > 0) return false;
  }
  return true;
}
